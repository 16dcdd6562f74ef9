package org.scorefield.app.model;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.flow.ExactOracle;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.metric.Memorisation;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;

/**
 * Memorisation versus generalisation in the window (docs/math.md §11.7): the distance of every
 * sample of the run on screen to its nearest training point, beside the same for the memorising
 * oracle of the same training set, sampled with the run's sampler, seed and starting noise; and the
 * share of each that copies a training point. The training set is what the model trains on
 * ({@link Trainer#trainingSet}): the points of a chosen dataset size (or drawn, edited, imported
 * points), or 16,384 points drawn from the whole preset with the training seed.
 *
 * <p>Computed on the compute lane after each run while the chart is shown. The oracle's samples
 * depend only on the training set, the process and the sampler, so they are kept while a model
 * trains and its runs refresh. Lives on the deliver thread of its jobs; results are immutable.
 */
public final class MemorisationState {

    /** Samples of the memorising oracle: as many as the run's, at most this many (each costs N kernel entries per step). */
    public static final int ORACLE_SAMPLES = 1000;

    /**
     * What the chart shows.
     *
     * @param model       the run's samples, when a trained model drew them
     * @param oracle      the memorising oracle's samples of the same training set
     * @param trainingSet what the training set is, for the caption
     * @param note        why there is nothing to show, or ""
     */
    public record Figures(Optional<Memorisation.Result> model, Optional<Memorisation.Result> oracle,
                          String trainingSet, String note) {

        public static final Figures NONE = new Figures(Optional.empty(), Optional.empty(), "",
                "Sample, or train a model, to compare its samples with the training points");

        /** The copy threshold δ, or NaN when nothing was measured. */
        public double threshold() {
            return oracle.or(() -> model).map(Memorisation.Result::threshold).orElse(Double.NaN);
        }
    }

    private static final String KEY = "memorisation";

    private final Jobs jobs;
    private final SamplingState sampling;
    private final Supplier<DenoiserChoice> choice;
    private final LongSupplier trainingSeed;
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(Figures.NONE);
    private final AtomicReference<OracleMemo> lastOracle = new AtomicReference<>();
    private boolean shown;
    private boolean stale = true;

    /**
     * @param choice       what samples now (its data names the training set)
     * @param trainingSeed the training seed, for the pool of a preset when no model has been trained
     */
    MemorisationState(Jobs jobs, SamplingState sampling, Supplier<DenoiserChoice> choice, LongSupplier trainingSeed) {
        this.jobs = jobs;
        this.sampling = sampling;
        this.choice = choice;
        this.trainingSeed = trainingSeed;
        sampling.runsProperty().addListener(obs -> changed());
    }

    /** Whether the chart is on screen: the figures are computed only then, and when it comes back. */
    public void setShown(boolean on) {
        shown = on;
        if (on && stale) {
            refresh();
        }
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    private void changed() {
        stale = true;
        if (shown) {
            refresh();
        }
    }

    /** The oracle's samples of one training set under one sampler, kept across a training run's refreshes. */
    private record OracleMemo(DataDistribution data, long seed, ExactPath path, SamplerSettings settings, int n,
                              long noise, Memorisation.Result result) {

        boolean matches(DataDistribution d, long s, ExactPath p, SamplerSettings st, int count, long z) {
            return data.equals(d) && seed == s && path.equals(p) && settings.equals(st) && n == count && noise == z;
        }
    }

    /** Computes the figures again for the run on screen. */
    void refresh() {
        stale = false;
        SamplingState.Runs runs = sampling.runsProperty().get();
        SamplingState.Run run = runs.single() != null ? runs.single() : runs.ode();
        if (run == null) {
            jobs.drop(KEY);
            figures.set(Figures.NONE);
            return;
        }
        DenoiserChoice c = choice.get();
        DataDistribution data = c.data().distribution();
        long seed = c.isModel() ? c.model().settings().seed() : trainingSeed.getAsLong();
        double[] modelSamples = c.isModel() && run.modelSteps() >= 0
                ? run.trajectories().positions()[run.trajectories().length() - 1] : null;
        ExactPath path = new ExactPath(c.schedule(), c.source());
        SamplerSettings settings = run.settings();
        int n = Math.min(ORACLE_SAMPLES, run.trajectories().particles());
        long noise = run.seed();
        jobs.<Figures>job(KEY, Lane.COMPUTE).title("Measuring memorisation").quiet().start(job -> {
            PointSet training = Trainer.trainingSet(data, seed);
            Memorisation yardstick;
            try {
                yardstick = Memorisation.against(training);
            } catch (InvalidInputException e) {
                return new Figures(Optional.empty(), Optional.empty(), "", e.getMessage());
            }
            Optional<Memorisation.Result> model = Optional.ofNullable(modelSamples).map(yardstick::of);
            OracleMemo memo = lastOracle.get();
            if (memo == null || !memo.matches(data, seed, path, settings, n, noise)) {
                memo = new OracleMemo(data, seed, path, settings, n, noise,
                        yardstick.of(oracleSamples(training, path, settings, c, n, noise)));
                lastOracle.set(memo);
            }
            return new Figures(model, Optional.of(memo.result()), describe(data, training, seed), "");
        }, figures::set);
    }

    /**
     * The memorising oracle's samples: its sampler, seed and start as the run's (Heun where the run's
     * sampler needs Gaussian noise that a flow from another source does not have).
     */
    private static double[] oracleSamples(PointSet training, ExactPath path, SamplerSettings settings,
                                          DenoiserChoice c, int n, long noise) {
        Denoiser oracle = ExactOracle.of(Optional.empty(), training, path);
        SamplerSettings used = settings.kind().isStochastic(settings) && !oracle.gaussianNoise()
                ? SamplerSettings.defaults(SamplerKind.HEUN) : settings;
        return Sampling.fromSource(oracle, used, c.start(), n, noise, Recording.NONE).samples();
    }

    private static String describe(DataDistribution data, PointSet training, long seed) {
        if (org.scorefield.core.data.PresetDraw.isId(data.id())) {
            return data.id(); // "moons (16 points, seed 7)" says it all
        }
        return data instanceof EmpiricalDistribution
                ? String.format(Locale.ROOT, "the %,d points of %s", training.size(), data.displayName())
                : String.format(Locale.ROOT, "%,d points of %s (training seed %d)", training.size(),
                        data.displayName(), seed);
    }
}
