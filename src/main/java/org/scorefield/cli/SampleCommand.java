package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.RescheduledDenoiser;
import org.scorefield.core.io.TrajectoryCsv;
import org.scorefield.core.metric.EnergyDistance;
import org.scorefield.core.metric.MetricWithFloor;
import org.scorefield.core.metric.NoiseFloor;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scorefield sample}: samples with an exact oracle or a trained model and measures the result
 * against the data.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample N points with an exact oracle (or a trained model) and a solver, and compare them with "
                + "a fresh sample of what the oracle represents (its mixture, or its memorised points) or of the "
                + "model's training data: sliced Wasserstein-2 and energy distance, each with its noise floor (the "
                + "same metric between two independent samples of the same size), and mode coverage for mixtures.",
            "Prints {\"nfe\",\"seconds\",\"sw2\",\"sw2_floor\",\"energy\",\"energy_floor\",…}. When the "
                    + "data is a fixed draw of a preset (train --data-n), sw2 is against those points and "
                    + "sw2_preset, sw2_preset_floor, sw2_preset_ratio against the preset (\"preset\") itself."},
        footer = {"", "Examples:",
            "  scorefield sample --oracle 8gaussians --process vp --solver heun --steps 32 --n 2000 --seed 1",
            "  scorefield sample --oracle moons --process edm --solver edm-churn --grid edm --steps 40 --n 1000 "
                    + "--seed 2 --out samples.csv --trajectories paths.csv",
            "  scorefield sample --oracle empirical:gaussian --process linear --solver sde --eta 1 --steps 200 "
                    + "--n 500 --seed 3",
            "  scorefield sample --model moons-eps.json --solver dpm2m --steps 16 --n 2000 --seed 1",
            "  scorefield sample --oracle moons --class 1 --omega 3 --n 2000 --seed 1",
            "  scorefield sample --model moons-16.json --n 2000 --seed 1 --memorisation"})
final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OracleOptions oracleOptions;

    @Mixin
    ProcessOptions processOptions;

    @Option(names = "--solver", defaultValue = "heun",
            paramLabel = "<euler|heun|rk4|ddim|ddim-eta|dpm2m|sde|edm-churn|langevin|pc>",
            description = "Sampler (default ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--steps", paramLabel = "K",
            description = "Grid steps (default 32; for langevin the levels, default 30).")
    Integer steps;

    @Mixin
    TuningOptions tuning;

    @Option(names = "--sample-process", paramLabel = "<vp|subvp|vp-cosine|ve|edm|linear|trig>",
            description = "Sample under another schedule than the denoiser's own (its default constants), through "
                    + "the change of time and scale t' = t_A(λ_B(t)), x' = α_A(t')·x/α_B(t) (docs/math.md §2.10): "
                    + "e.g. a model trained under vp sampled under linear.")
    String sampleProcess;

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N", description = "Number of samples (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the start noise, of stochastic steps and of the reference data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the samples as CSV (x,y).")
    Path out;

    @Option(names = "--trajectories", paramLabel = "FILE",
            description = "Write every path as CSV: particle,step,t,x,y,denoised_x,denoised_y.")
    Path trajectories;

    @Option(names = "--class", paramLabel = "K", description = "Guide the samples to class K of a labelled "
            + "oracle: a labelled mixture (gmm-labelled) or labelled points (moons, rings, spirals, pinwheel, a CSV "
            + "file of x,y,label rows), exactly, with the oracle's class-conditional and noisy classifier "
            + "(docs/math.md §9); or of a conditional --model. --class alone means --omega 1, the class's own "
            + "distribution.")
    Integer guidedClass;

    @Option(names = "--guidance", paramLabel = "<cfg|classifier>", description = "Classifier-free guidance "
            + "ω·ŝ(x|c) + (1 − ω)·ŝ(x), or classifier guidance ŝ + ω·∇log p_t(c|x); with the exact oracle they are "
            + "the same field; a model uses the noisy classifier train saved with it (default cfg).")
    String guidance;

    @Option(names = "--omega", paramLabel = "W", description = "Guidance scale ω ≥ 0: 0 unconditional, 1 the "
            + "class, more sharpens towards it (default 1 with --class).")
    Double omega;

    @Option(names = "--memorisation", description = "Also measure memorisation (docs/math.md §11.7): each "
            + "sample's distance to the nearest point of the exact training set (the oracle's memorised points, or "
            + "what the model trained on, rebuilt from its file), their median \"nn_distance_median\", and the share "
            + "\"copy_fraction\" closer than \"copy_threshold\", a third of the training points' median spacing; "
            + "\"training_set\" says which set, or why it cannot be known.")
    boolean memorisation;

    @Override
    public Integer call() {
        InvalidInputException.require(n >= 2 && n <= 100_000, "--n must lie between 2 and 100000, got " + n + ".");
        DenoiserSource source = oracleOptions.resolve(processOptions);
        n = oracleOptions.fromSession("--n", n, Settings.SAMPLE_COUNT::read);
        seed = oracleOptions.fromSession("--seed", seed, Settings.SAMPLING_SEED::read);
        InvalidInputException.require(n >= 2 && n <= 100_000, "The session's sample count must lie between 2 and "
                + "100000, got " + n + ".");
        Optional<Guided> guided = guided(source);
        if (guided.isPresent()) {
            source = new DenoiserSource(source.key(), source.name(), guided.get().denoiser(), source.reference(),
                    source.description(), source.start());
        }
        Schedule trainedSchedule = source.denoiser().schedule();
        if (sampleProcess != null) {
            Schedule other = ScheduleKind.fromId(sampleProcess).create(new java.util.LinkedHashMap<>());
            source = new DenoiserSource(source.key(), source.name(), RescheduledDenoiser.of(source.denoiser(), other),
                    source.reference(), source.description(), source.start());
        }
        Denoiser denoiser = source.denoiser();
        Schedule schedule = denoiser.schedule();
        SamplerSettings settings = tuning.over(oracleOptions.sampler(solver, steps));
        settings = org.scorefield.core.sample.Sampling.endingWhereTrained(denoiser, settings);

        long started = System.nanoTime();
        SampleResult result = source.sample(settings, n, seed,
                trajectories != null ? Recording.POSITIONS_AND_DENOISED : Recording.NONE);
        double seconds = (System.nanoTime() - started) / 1e9;

        double[] samples = result.samples();
        Optional<SampleQuality> quality = source.reference().map(r -> SampleQuality.of(samples, r, seed));
        MetricWithFloor energy = source.reference().map(r -> NoiseFloor.measure(EnergyDistance::distance, samples,
                (count, s) -> r.sample(count, s).xy(), seed)).orElse(null);

        if (out != null) {
            PointCsv.write(PointSet.of(samples), out);
        }
        if (trajectories != null) {
            TrajectoryCsv.write(result.trajectories(), trajectories);
        }

        ObjectNode json = Json.object();
        source.putName(json);
        json.put("reference", source.description());
        json.set("process", processJson(trainedSchedule));
        if (sampleProcess != null) {
            json.set("sample_process", processJson(schedule));
        }
        json.put("solver", settings.kind().id());
        json.put("grid", settings.grid().id());
        json.put("steps", settings.steps());
        Json.put(json, "eta", settings.eta());
        json.put("stochastic", settings.stochastic());
        json.put("n", n);
        json.put("seed", seed);
        Json.put(json, "t_start", result.grid().start());
        Json.put(json, "t_min", result.grid().end());
        json.put("final_denoise", settings.finalDenoise());
        // a guided call evaluates the class's denoiser and the whole data's (docs/math.md §9.1)
        json.put("nfe", result.nfe() * guided.map(Guided::evaluationsPerCall).orElse(1));
        Json.put(json, "seconds", seconds);
        putMetric(json, "sw2", quality.map(SampleQuality::sw2).orElse(null));
        // a fixed draw's "sw2" is against its own points, where copying them scores about 1: add the preset's
        source.reference().flatMap(r -> org.scorefield.core.data.PresetDraw.Id.read(r.id())).ifPresent(d -> {
            json.put("preset", d.preset().id());
            putMetric(json, "sw2_preset", SampleQuality.of(samples, d.preset(), seed).sw2());
        });
        putMetric(json, "energy", energy);
        guided.ifPresent(g -> {
            json.put("class", g.c());
            json.put("guidance", g.kind());
            Json.put(json, "omega", g.omega());
            var figures = org.scorefield.core.guidance.GuidanceQuality.of(g.exact(), samples, g.c(), g.omega(), seed);
            Json.put(json, "class_fraction", figures.classFraction());
            putMetric(json, "sw2_class", figures.sw2Class());
            putMetric(json, "sw2_tilted", figures.sw2Tilted());
        });
        quality.flatMap(SampleQuality::modes).ifPresent(c -> {
            json.put("modes", c.modes());
            json.put("modes_hit", c.modesHit());
            Json.put(json, "in_mode_fraction", c.inModeFraction());
        });
        if (memorisation) {
            MemorisationFigures.put(json, samples, MemorisationFigures.of(oracleOptions, source));
        }
        if (!trainedSchedule.warnings().isEmpty()) {
            json.set("warnings", Json.MAPPER.valueToTree(trainedSchedule.warnings()));
        }
        if (out != null) {
            json.put("out", out.toString());
        }
        if (trajectories != null) {
            json.put("trajectories", trajectories.toString());
        }
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    /**
     * The guided oracle of {@code --class}, {@code --guidance}, {@code --omega}, and its denoiser
     * evaluations per call (the classifier's are not counted).
     */
    private record Guided(org.scorefield.core.guidance.ExactGuidance exact, int c, String kind, double omega,
                          Denoiser denoiser, int evaluationsPerCall) {

        /** Classifier-free guidance: the class's denoiser and the whole data's, or one of them at ω = 1 or 0. */
        Guided(org.scorefield.core.guidance.ExactGuidance exact, int c, String kind, double omega, Denoiser denoiser) {
            this(exact, c, kind, omega, denoiser, org.scorefield.core.guidance.ExactGuidance.evaluationsPerCall(omega));
        }
    }

    /** Labelled points drawn from a model's training data without a closed form, whose classes judge its samples. */
    static final int MODEL_CLASS_POINTS = 5000;

    /** The guided oracle asked for, or empty without {@code --class}; bad combinations are one sentence. */
    private Optional<Guided> guided(DenoiserSource source) {
        if (guidedClass == null) {
            InvalidInputException.require(guidance == null && omega == null, "--guidance and --omega guide towards "
                    + "a class: give it with --class K.");
            return Optional.empty();
        }
        String kind = guidance == null ? "cfg" : guidance;
        InvalidInputException.require(kind.equals("cfg") || kind.equals("classifier"), "--guidance takes cfg or "
                + "classifier, not '" + org.scorefield.core.io.JsonFields.quote(kind) + "'.");
        double w = omega == null ? 1 : omega;
        InvalidInputException.require(Double.isFinite(w) && w >= 0 && w <= 100, "--omega must lie between 0 and "
                + "100, got " + w + ".");
        var mixture = source.reference().flatMap(org.scorefield.core.data.DataDistribution::mixture);
        if (!source.key().equals("oracle")) {
            // a model: its network with the label and with "none" (classifier-free guidance), or its classifier
            var model = oracleOptions.model().orElseThrow(() -> new InvalidInputException("--class guides a model "
                    + "or the exact oracle of a labelled mixture; this session's sampler uses its exact oracle of "
                    + "points, which has no classes."));
            InvalidInputException.require(kind.equals("cfg") || model.classifier().isPresent(), "This model has no "
                    + "classifier of noisy points: train it with --conditional (or --classifier-steps N) to get one, "
                    + "or use --guidance cfg.");
            // judged against the exact classes of its training data: the mixture's, or a large labelled draw of it
            var reference = source.reference().orElseThrow(() -> new InvalidInputException("--class judges the "
                    + "samples against the classes of the model's training data, which this model does not name."));
            PointSet drawn = mixture.isPresent() ? null
                    : reference.sample(MODEL_CLASS_POINTS, org.scorefield.core.random.SeededRandom.derive(seed, "classes"));
            InvalidInputException.require(mixture.isPresent() || drawn.hasLabels() && drawn.labelCount() > 1, "--class "
                    + "needs a model of labelled data: " + reference.id() + " has no classes.");
            var exact = org.scorefield.core.guidance.ExactGuidance.of(mixture, drawn, source.denoiser().schedule());
            if (kind.equals("classifier")) {
                // its unconditional denoiser ("none" for a conditional network) plus ω∇log p_t(c|x) (§9.2)
                var classifier = model.classifier().get();
                int c = guidedClass;
                InvalidInputException.require(c >= 0 && c < classifier.classes(), "--class must lie between 0 and "
                        + (classifier.classes() - 1) + " for this model's classifier, got " + c + ".");
                Denoiser guidedDenoiser = org.scorefield.core.guidance.ClassifierGuidance.guide(model.denoiser(),
                        (x, t) -> classifier.gradLogProbability(x, t, c), w);
                return Optional.of(new Guided(exact, c, kind, w, guidedDenoiser, 1));
            }
            Denoiser cfg = org.scorefield.core.guidance.ExactGuidance.classifierFree(model.denoiser(guidedClass),
                    model.denoiser(), w);
            return Optional.of(new Guided(exact, guidedClass, kind, w, cfg));
        }
        // the oracle's exact classes: its mixture's, or the labels of the points it memorises (docs/math.md §9.2)
        PointSet points = source.reference().orElse(null) instanceof EmpiricalDistribution memorised
                ? memorised.points() : null;
        InvalidInputException.require(mixture.isPresent() || points != null && points.hasLabels(), "--class needs "
                + "labelled data: " + source.name() + " has no labels (use a labelled preset such as moons or "
                + "gmm-labelled, or a CSV file of x,y,label rows).");
        var exact = org.scorefield.core.guidance.ExactGuidance.of(mixture, points, source.denoiser().schedule());
        InvalidInputException.require(guidedClass >= 0 && guidedClass < exact.classes(), "--class must lie between 0 "
                + "and " + (exact.classes() - 1) + " for " + source.name() + ", got " + guidedClass + ".");
        // exact classifier guidance ŝ + ω∇log p_t(c|x) is the same field as exact CFG (docs/math.md §9.2)
        return Optional.of(new Guided(exact, guidedClass, kind, w, exact.guided(guidedClass, w)));
    }

    /** {@code name}, {@code name_floor} and {@code name_ratio}; null without a reference to measure against. */
    private static void putMetric(ObjectNode json, String name, MetricWithFloor metric) {
        Json.put(json, name, metric == null ? Double.NaN : metric.value());
        Json.put(json, name + "_floor", metric == null ? Double.NaN : metric.floor());
        Json.put(json, name + "_ratio", metric == null ? Double.NaN : metric.ratio());
    }

    static ObjectNode processJson(Schedule schedule) {
        ObjectNode p = Json.map(schedule.parameters());
        ObjectNode named = Json.object();
        named.put("name", schedule.kind().id());
        named.setAll(p);
        return named;
    }
}
