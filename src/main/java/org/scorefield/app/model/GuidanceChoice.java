package org.scorefield.app.model;

import java.util.Locale;
import java.util.Optional;
import org.scorefield.app.settings.GuidanceKind;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.guidance.ClassifierGuidance;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.guidance.PerSampleClass;
import org.scorefield.core.schedule.Schedule;

/**
 * The guidance asked for in the Sampling section, captured on the FX thread (docs/math.md §9): the
 * target class (or none, or each sample its own), classifier-free or classifier guidance, and ω.
 * It turns a {@link DenoiserChoice} into the guided denoiser on the worker that samples, and says in
 * one sentence why it cannot where it cannot (data without classes, a flow from another source, a
 * model trained without classes).
 *
 * @param target {@link Settings#NO_CLASS}, {@link Settings#EACH_CLASS} or a class 0 … K − 1
 */
public record GuidanceChoice(int target, GuidanceKind kind, double omega) {

    /** No guidance: the whole data. */
    public static final GuidanceChoice NONE = new GuidanceChoice(Settings.NO_CLASS, GuidanceKind.CLASSIFIER_FREE, 1);

    /** Whether a class (or each sample's own) is asked for. */
    public boolean on() {
        return target != Settings.NO_CLASS;
    }

    /** Whether every sample goes to a class of its own. */
    public boolean perSample() {
        return target == Settings.EACH_CLASS;
    }

    /** The same guidance at another scale (the right pane of "ω a vs b"). */
    public GuidanceChoice withOmega(double w) {
        return new GuidanceChoice(target, kind, w);
    }

    /**
     * The exact guidance of the data under a schedule, or empty when the data has fewer than two
     * classes; guidance of one class would change nothing.
     */
    static Optional<ExactGuidance> exact(DataState.Data data, Schedule schedule) {
        if (data.points().size() == 0) {
            return Optional.empty();
        }
        // the closed form of an unedited mixture preset, else the memorising oracle of the labelled points
        ExactGuidance exact = ExactGuidance.of(data.mixture(), data.points(), schedule);
        return exact.classes() > 1 ? Optional.of(exact) : Optional.empty();
    }

    /**
     * The data's class weights π_c (by index; empty for fewer than two classes): the mixture's
     * component weights by label, or the points' label counts. Cheap, from the data alone, so that
     * the FX thread can ask without building the oracles ({@link #exact} builds them, on a worker).
     */
    static double[] classWeights(DataState.Data data) {
        if (data.points().size() == 0) {
            return new double[0];
        }
        double[] weights;
        if (data.mixture().isPresent()) {
            var mixture = data.mixture().get();
            weights = new double[mixture.labelCount()];
            for (var component : mixture.components()) {
                weights[component.label()] += component.weight();
            }
        } else {
            var points = data.points();
            weights = new double[Math.max(1, points.labelCount())];
            for (int i = 0; i < points.size(); i++) {
                weights[points.label(i)]++;
            }
        }
        return weights.length > 1 ? weights : new double[0];
    }

    /** Why this guidance cannot steer this denoiser, or empty when it can (or when it is off). */
    public Optional<String> unavailable(DenoiserChoice source) {
        if (!on()) {
            return Optional.empty();
        }
        double[] weights = classWeights(source.data());
        if (weights.length == 0) {
            return Optional.of("These data have no classes to guide to: choose gmm-labelled, or load a CSV file with "
                    + "a label column.");
        }
        if (target >= weights.length) {
            return Optional.of(String.format(Locale.ROOT, "These data have classes 0 to %d: class %d is not one of them.",
                    weights.length - 1, target));
        }
        if (target >= 0 && weights[target] == 0) {
            // drawn classes may skip one: classes 0 and 3 drawn leave 1 and 2 empty
            return Optional.of(String.format(Locale.ROOT, "No point has class %d: draw some in class %d with the "
                    + "brush, or choose a class the data has.", target, target));
        }
        if (!source.start().isGaussian() || source.isModel() && !source.model().flow().isStandard()) {
            return Optional.of("Guidance steers a diffusion from N(0, I) noise; this flow starts from another source.");
        }
        if (source.isModel() && kind == GuidanceKind.CLASSIFIER_FREE && source.model().architecture().classes() == 0) {
            return Optional.of("This model was trained without classes: switch Conditional on under Model & training "
                    + "and train again, choose classifier guidance, or sample with the exact oracle.");
        }
        if (source.isModel() && kind == GuidanceKind.CLASSIFIER && source.model().classifier().isEmpty()) {
            // an unconditional model too: classifier guidance needs only the classifier (docs/math.md §9.2)
            return Optional.of("Classifier guidance of a model needs a noisy classifier of its data: press Train "
                    + "classifier, or choose classifier-free guidance.");
        }
        return Optional.empty();
    }

    /**
     * The guided denoiser, built on the worker that uses it, with the exact guidance of the data that
     * judges its samples and each sample's class (null unless each sample has its own).
     *
     * @param n    samples in the run, for each sample's class
     * @param seed the run's seed, from which each sample's class is drawn
     */
    Guided create(DenoiserChoice source, int n, long seed) {
        ExactGuidance exact = exact(source.data(), source.schedule()).orElseThrow();
        int[] labels = null;
        Denoiser denoiser;
        if (perSample()) {
            double[] priors = new double[exact.classes()];
            for (int c = 0; c < priors.length; c++) {
                priors[c] = exact.prior(c);
            }
            labels = PerSampleClass.draw(priors, n, seed);
            denoiser = new PerSampleClass(exact.classes(), c -> guided(source, exact, c), labels);
        } else {
            denoiser = guided(source, exact, target);
        }
        return new Guided(denoiser, exact, labels);
    }

    /**
     * The denoiser whose field the canvas draws: guided to the target class where that applies, else
     * the plain one (each sample its own class has no single field). Built on the worker that uses it.
     */
    Denoiser field(DenoiserChoice source) {
        if (!on() || perSample() || unavailable(source).isPresent()) {
            return source.create();
        }
        return guided(source, exact(source.data(), source.schedule()).orElseThrow(), target);
    }

    /** Whether {@link #field} guides this denoiser's field. */
    boolean guidesField(DenoiserChoice source) {
        return on() && !perSample() && unavailable(source).isEmpty();
    }

    /** Class c at this scale: the oracle's exact guided field, or the model's classifier-free combination. */
    private Denoiser guided(DenoiserChoice source, ExactGuidance exact, int c) {
        if (source.isModel() && kind == GuidanceKind.CLASSIFIER) {
            // ŝ + ω∇log p_t(c | x) with the trained classifier's gradient (docs/math.md §9.2)
            var classifier = source.model().classifier().orElseThrow();
            return source.modelDenoiser(ClassifierGuidance.guide(source.model().denoiser(),
                    (xt, t) -> classifier.gradLogProbability(xt, t, c), omega));
        }
        if (source.isModel()) {
            return source.modelDenoiser(ExactGuidance.classifierFree(source.model().denoiser(c),
                    source.model().denoiser(), omega));
        }
        // exact classifier guidance ŝ + ω∇log p_t(c | x) is the same field as exact CFG (docs/math.md §9.2)
        return exact.guided(c, omega);
    }

    /** The exact guidance of this denoiser's data, or empty when it has fewer than two classes. */
    public Optional<ExactGuidance> exact(DenoiserChoice source) {
        return exact(source.data(), source.schedule());
    }

    /**
     * This class's samples at every scale of {@code omegas} from the same starting noise (the window's
     * guidance sweep), run on the calling thread: an export's. Needs one class and guidance that applies.
     */
    public java.util.List<org.scorefield.core.guidance.GuidanceSweep.Frame> sweep(DenoiserChoice source,
            double[] omegas, org.scorefield.core.sample.SamplerSettings settings, int n, long seed,
            org.scorefield.core.Progress progress) {
        ExactGuidance exact = exact(source).orElseThrow();
        return org.scorefield.core.guidance.GuidanceSweep.run(w -> withOmega(w).guided(source, exact, target),
                w -> withOmega(w).evaluationsPerCall(source), exact, target, omegas, settings, n, seed, progress);
    }

    /**
     * Network evaluations per denoiser call: two for classifier-free guidance's combination of the
     * class's and the whole data's (ω neither 0 nor 1); one for classifier guidance, whose classifier
     * is not the network (docs/math.md §9.2).
     */
    public int evaluationsPerCall(DenoiserChoice source) {
        return on() && !(source.isModel() && kind == GuidanceKind.CLASSIFIER) ? ExactGuidance.evaluationsPerCall(omega)
                : 1;
    }

    /**
     * A guided denoiser ready to sample.
     *
     * @param denoiser the guided denoiser
     * @param exact    the data's exact guidance, which judges the samples
     * @param labels   each sample's class when each has its own, else null
     */
    record Guided(Denoiser denoiser, ExactGuidance exact, int[] labels) {
    }

    /**
     * "class 2, ω = 4.00 (classifier-free)" for titles and notes: a model's two kinds give different
     * samples, so the kind is always named.
     */
    public String describe() {
        if (!on()) {
            return "";
        }
        return String.format(Locale.ROOT, "%s, \u03c9 = %.2f (%s)", perSample() ? "each sample its class"
                : "class " + target, omega, kind == GuidanceKind.CLASSIFIER ? "classifier" : "classifier-free");
    }
}
