package org.scorefield.app.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * Every setting a user sees, declared once (TensorFlow Playground's {@code State.PROPS}, in our
 * words): key, type, default, range or choices, label, unit and tooltip. Nothing else in the
 * program spells a key or a default: the window's state, its side panel, its session files and
 * {@code --session} on the command line all go through these. The constants of a schedule are
 * declared beside the schedule ({@link org.scorefield.core.schedule.ParameterSpec}).
 */
public final class Settings {

    private Settings() {
    }

    /** The largest seed a seed field takes: nine digits. */
    public static final long MAX_SEED = 999_999_999L;
    /** Drawn seeds stay below this: six digits are easy to read out and type back. */
    static final long DRAWN_SEEDS = 1_000_000L;

    /** The seed drawn after this one (a pure function of it, so a sequence of draws can be retraced). */
    public static long nextSeed(long seed) {
        return Math.floorMod(SeededRandom.derive(seed, "next-seed"), DRAWN_SEEDS);
    }

    // ---- data ------------------------------------------------------------------------------------

    public static final Setting<DatasetPreset> DATA_PRESET = choice("data.preset", DatasetPreset.class,
            DatasetPreset.MOONS, DatasetPreset::displayName, "Preset",
            "The points the model should learn to make. Colours mark classes where the data has them.")
            .keptInItsBlock().inScene().build();
    public static final Setting<Integer> DATA_POINTS = integer("data.points", 1000, 50, 5000, 250, "Points", "points",
            "How many points are drawn from the preset (50 to 5,000).").keptInItsBlock().inScene().build();
    public static final Setting<Long> DATA_SEED = seed("data.seed", 7, "the data and of each point's noise ε")
            .keptInItsBlock().inScene().build();

    /** The value of {@link #DATA_TRAIN_SIZE} meaning a fresh draw from the preset per training run. */
    public static final int WHOLE_PRESET = 0;
    public static final Setting<Integer> DATA_TRAIN_SIZE = integers("data.train_size", WHOLE_PRESET,
            List.of(WHOLE_PRESET, 16, 64, 256, 1024, 4096), n -> n == WHOLE_PRESET ? "the whole preset"
                    : String.format(Locale.ROOT, "%,d points", n), "Dataset size", "How many points the model "
                    + "learns from. 16 to 4,096: exactly that many points, drawn once from the preset with the data "
                    + "seed and shown on the canvas; the exact oracle then memorises those points, and samples are "
                    + "judged against them. A small network copies 16 points and generalises from 4,096: compare "
                    + "the Memorisation chart. The whole preset: a fresh draw of 16,384 points per training run, "
                    + "and the preset's own exact oracle (docs/math.md \u00a711.7).").inScene().build();

    // ---- process ---------------------------------------------------------------------------------

    public static final Setting<ScheduleKind> PROCESS_KIND = choice("process.kind", ScheduleKind.class, ScheduleKind.VP,
            ScheduleKind::displayName, "Schedule", "How fast the data is mixed with noise: how much of the original "
                    + "point (α) and how much noise (σ) there is at every time t.").keptInItsBlock().inScene().build();

    // ---- model and training ----------------------------------------------------------------------

    public static final Setting<Objective> OBJECTIVE = choice("training.objective", Objective.class, Objective.DEFAULT,
            Objective::displayName, "Objective", "What the network learns to predict. The default, EDM's "
                    + "preconditioned denoiser, trains fastest here; flow matching uses the straight (linear) path "
                    + "between data and noise.").inScene().build();
    /** Flow matching's source: N(0, I), a preset's id, or drawn points ({@link #SOURCE_POINTS}). */
    public static final Setting<String> SOURCE = text("training.source", FlowSource.GAUSSIAN_ID, "Source",
            "Where the flow starts at t = 1: the standard normal N(0, I), or another distribution, so that the "
                    + "model carries one distribution to another. \"Use the points on the canvas\" keeps a copy of "
                    + "the current data as the source: draw a shape, use it, then choose or draw the data it should "
                    + "flow to.").inScene().build();
    /** The value of {@link #SOURCE} for points drawn on the canvas, kept in the session beside the settings. */
    public static final String SOURCE_POINTS = "points";
    public static final Setting<CouplingKind> COUPLING = choice("training.coupling", CouplingKind.class,
            CouplingKind.INDEPENDENT, CouplingKind::displayName, "Coupling", "How each training batch pairs data "
                    + "points x₀ with source points x₁: at random (independent), by the exact assignment that minimises "
                    + "Σ‖x₀ − x₁‖² within the batch (minibatch OT, in chunks of " + Coupling.CHUNK + "), or by the "
                    + "entropic Sinkhorn plan. Paired batches cross less, so the learned paths are straighter.")
            .inScene().build();
    public static final Setting<Double> SINKHORN_EPSILON = number("training.sinkhorn_epsilon",
            Coupling.DEFAULT_EPSILON, 0.01, 10, "Sinkhorn ε", "squared distance", "Entropic regularisation of the "
                    + "Sinkhorn coupling, in units of squared distance: small ε pairs almost as exact OT does, large ε "
                    + "almost at random.").logScale().display(e -> String.format(Locale.ROOT, "%.2g", e))
            .inScene().build();
    public static final Setting<Integer> WIDTH = integers("training.width", Architecture.DEFAULT_WIDTH,
            List.of(32, 64, 128, 256), w -> w + " units", "Width",
            "Units per hidden layer: more can fit finer shapes, but train slower.").notInScene().build();
    public static final Setting<Integer> DEPTH = integer("training.depth", Architecture.DEFAULT_DEPTH, 1, 6, 1,
            "Depth", "layers", "Number of hidden layers.").notInScene().build();
    public static final Setting<Double> LEARNING_RATE = numbers("training.learning_rate",
            TrainingSettings.DEFAULT_LEARNING_RATE, List.of(1e-3, 3e-3, 1e-2, 3e-2),
            lr -> String.format(Locale.ROOT, "%.0e", lr).replace("e-0", "e-"), "Learning rate", "How big each "
                    + "optimiser (Adam) step is. Too large and the loss jumps about or training fails; too small and "
                    + "it crawls.").notInScene().build();
    public static final Setting<Integer> BATCH = integers("training.batch", TrainingSettings.DEFAULT_BATCH,
            List.of(128, 256, 512, 1024, 2048), b -> b + " points", "Batch", "Data points per training step.")
            .notInScene().build();
    public static final Setting<Boolean> EMA = flag("training.ema", true, "EMA", "Sample with an exponential "
            + "moving average of the weights: smoother results than the latest weights.").notInScene().build();
    public static final Setting<Long> TRAINING_SEED = seed("training.seed", 1,
            "the initial weights and the training noise").notInScene().build();
    public static final Setting<Boolean> CONDITIONAL = flag("training.conditional", false, "Conditional",
            "Give the network each point's class as a second input, so that it can be guided to a class (Sampling "
            + "\u25b8 Guidance). Some labels are replaced by \"none\" (label dropout), so the same network also "
            + "learns the whole data, which classifier-free guidance needs (docs/math.md \u00a79.1).").notInScene().build();
    public static final Setting<Double> LABEL_DROPOUT = number("training.label_dropout", 0.1, 0, 0.5,
            "Label dropout", "", "The share of training points whose class is replaced by \"none\": the network "
                    + "learns the whole data from these. 0.1 is the usual choice; 0 leaves it no unconditional "
                    + "answer to guide against.").stepOf(0.05).notInScene().build();
    public static final Setting<Boolean> REFRESH_SAMPLES = flag("training.refresh_samples", true, "Resample",
            "Sample again while training, so you can watch the samples improve.").notInScene().build();
    public static final Setting<Integer> REFRESH_EVERY = integer("training.refresh_every", 500, 100, 10_000, 100,
            "every (steps)", "steps", "How many training steps between two refreshes of the samples.")
            .notInScene().build();

    // ---- compare A with B ------------------------------------------------------------------------

    public static final Setting<ComparedSetting> COMPARE_VARIES = choice("compare.varies", ComparedSetting.class,
            ComparedSetting.OBJECTIVE, ComparedSetting::toString, "B differs in", "The one setting in which model B "
                    + "differs from model A. Everything else is A's: the data, the process, the network, the optimiser "
                    + "and the training seed.").inScene().build();
    public static final Setting<Objective> COMPARE_OBJECTIVE = choice("compare.objective", Objective.class,
            Objective.FLOW_MATCHING, Objective::displayName, "B objective", "What B's network learns to predict. "
                    + "Flow matching takes its source and coupling from the settings above.").inScene().build();
    public static final Setting<ScheduleKind> COMPARE_SCHEDULE = choice("compare.schedule", ScheduleKind.class,
            ScheduleKind.VE, ScheduleKind::displayName, "B schedule", "The schedule B trains and samples on, with "
                    + "its default constants. Flow matching trains on its own straight path whatever the schedule, "
                    + "so under flow matching this comparison shows nothing.").inScene().build();
    public static final Setting<Integer> COMPARE_WIDTH = integers("compare.width", 32, List.of(32, 64, 128, 256),
            w -> w + " units", "B width", "Units per hidden layer of B's network (A's depth).").inScene().build();
    public static final Setting<CouplingKind> COMPARE_COUPLING = choice("compare.coupling", CouplingKind.class,
            CouplingKind.OT, CouplingKind::displayName, "B coupling", "How B pairs its training batches. Only "
                    + "flow matching pairs data with source points, so this comparison needs flow matching for A.")
            .inScene().build();

    // ---- Reflow ----------------------------------------------------------------------------------

    public static final Setting<Integer> REFLOW_PAIRS = integers("reflow.pairs", Reflow.Settings.DEFAULT_PAIRS,
            List.of(2_000, 5_000, 10_000, 20_000), n -> String.format(Locale.ROOT, "%,d", n), "Pairs",
            "Source points integrated per round to make the training pairs.").notInScene().build();
    public static final Setting<Integer> REFLOW_TRAIN_STEPS = integers("reflow.train_steps",
            Reflow.Settings.DEFAULT_TRAIN_STEPS, List.of(1_000, 2_000, 3_000, 5_000),
            n -> String.format(Locale.ROOT, "%,d", n), "Train steps", "Optimiser steps per round.")
            .notInScene().build();
    public static final Setting<Boolean> REFLOW_FINE_TUNE = flag("reflow.fine_tune", true, "Fine-tune",
            "Start each round from the previous round's weights (faster); off trains each round from a fresh "
                    + "initialisation.").notInScene().build();
    /** Rounds drawn side by side at most (the newest). */
    public static final int SIDE_BY_SIDE_ROUNDS = 4;
    public static final Setting<Boolean> REFLOW_SIDE_BY_SIDE = flag("reflow.side_by_side", true, "Side by side",
            "Show the newest " + SIDE_BY_SIDE_ROUNDS + " rounds side by side, from the same source points; off shows "
                    + "the chosen round alone.").notInScene().build();

    // ---- score-difference flow (docs/math.md §10) -------------------------------------------------

    /** N(0, I) and every preset, as {@link #SDF_SOURCE} names them: {@code gaussian} or a preset's id. */
    private static final List<String> SDF_SOURCES = java.util.stream.Stream.concat(java.util.stream.Stream.concat(
            java.util.stream.Stream.of(FlowSource.GAUSSIAN_ID), Arrays.stream(DatasetPreset.values())
                    .map(p -> FlowSource.of(p).id())), java.util.stream.Stream.of(SOURCE_POINTS)).toList();
    public static final Setting<String> SDF_SOURCE = new Builder<>("sdf.source", String.class, FlowSource.GAUSSIAN_ID,
            "Source", "Where the particles start: N(0, I), a preset, or drawn points (draw a shape, press \u201cUse "
                    + "the canvas as source\u201d, then choose the data), as many particles as the data has points. "
                    + "The data is the target; it never moves.").choices(SDF_SOURCES)
            .display(id -> id.equals(SOURCE_POINTS) ? "drawn points" : FlowSource.fromPresetId(id).displayName())
            .inScene().build();
    public static final Setting<Double> SDF_SIGMA = number("sdf.sigma", 1, 0.05, 4, "\u03c3", "", "The blur of "
            + "both point sets: D_p and D_q are their kernel denoisers at this \u03c3 (the first \u03c3 when "
            + "annealed). Large \u03c3 moves the particles as a crowd, small \u03c3 point by point.").logScale()
            .inScene().build();
    public static final Setting<Boolean> SDF_ANNEAL = flag("sdf.anneal", true, "Anneal \u03c3", "Shrink \u03c3 "
            + "geometrically from \u03c3 to \u03c3_end over the iterations, with \u03b7 scaled by \u03c3\u00b2 so "
            + "that every step moves the same share; off keeps \u03c3 fixed.").inScene().build();
    public static final Setting<Double> SDF_SIGMA_END = number("sdf.sigma_end", 0.05, 0.01, 1, "\u03c3_end", "",
            "The last \u03c3 of an annealed run (at most \u03c3).").logScale().inScene().build();
    public static final Setting<Double> SDF_ETA = number("sdf.eta", 0.5, 0.05, 2, "\u03b7 / \u03c3\u00b2", "",
            "The step \u03b7 in units of \u03c3\u00b2: each iteration moves a particle this share of "
                    + "D_p \u2212 D_q. 0.5 (\u03b7 = 0.5\u00b7\u03c3\u00b2) is the command line's default; above 1 "
                    + "the particles overshoot.").stepOf(0.05).inScene().build();
    public static final Setting<Integer> SDF_ITERATIONS = integer("sdf.iterations", 200, 10, 2000, 10, "Iterations",
            "iterations", "Updates of the particles (about 5 s for 200 with 1,000 points).").inScene().build();
    public static final Setting<Long> SDF_SEED = seed("sdf.seed", 1, "the source particles and of the noise "
            + "\u03be of every iteration").inScene().build();
    public static final Setting<Boolean> SDF_FIELDS = flag("sdf.fields", false, "Denoisers", "Draw on a grid the "
            + "two kernel denoisers as scores, (D_p(z) \u2212 z)/\u03c3\u00b2 of the data and (D_q(z) \u2212 z)/"
            + "\u03c3\u00b2 of the particles, and their difference (D_p \u2212 D_q)/\u03c3\u00b2, which moves the "
            + "particles.").inScene().build();

    // ---- sampling --------------------------------------------------------------------------------

    public static final Setting<Driver> DRIVER = choice("sampling.driver", Driver.class, Driver.MODEL,
            Driver::toString, "Driven by", "Sample with the model once it is trained (the exact oracle "
                    + "until then), or always with the exact oracle: the perfect denoiser of this data, computed in "
                    + "closed form.").inScene().build();
    public static final Setting<SamplerKind> SOLVER = choice("sampling.solver", SamplerKind.class, SamplerKind.SDE,
            SamplerKind::displayName, "Solver", "The numerical method that runs the process backwards from noise "
                    + "to data. Compare them in the Error vs NFE chart. Why DDIM can trail Euler there: under VP, the "
                    + "PF-ODE of data with unit variance (a standard Gaussian) stands still, since \u03b1\u00b2 + "
                    + "\u03c3\u00b2 = 1 keeps p\u209c = N(0, I); Euler follows it exactly, while DDIM, exact for a "
                    + "single point, moves.").inScene().build();
    public static final Setting<Integer> STEPS = integer("sampling.steps", 64, 1, 1000, 8, "Steps", "steps",
            "Steps of the solver from t = 1 to t ≈ 0. More steps: more accurate, more network evaluations (NFE).")
            .inScene().build();
    public static final Setting<GridKind> GRID = choice("sampling.grid", GridKind.class, GridKind.LOG_SNR,
            GridKind::displayName, "Grid", "How the steps are spaced in time. Uniform in log-SNR spends more steps "
                    + "near the data, where detail appears.").inScene().build();
    public static final Setting<Double> ETA = number("sampling.eta", 0, 0, 2, "η", "", "Stochasticity η. 0 follows "
            + "the probability-flow ODE (deterministic: the same start always ends at the same point); 1 is the "
            + "reverse SDE (fresh noise at every step); every η in between or above is another SDE with the same "
            + "marginals p_t. Euler–Maruyama takes η from 0 to 2 (its noise is γ = η·g: above 1 it adds more noise "
            + "and corrects harder); DDIM-η takes η from 0 to 1 only (1 is DDPM's posterior). The split view shows "
            + "η = 0 against this η (η = 1 when it is 0).").inScene().build();
    public static final Setting<Long> SAMPLING_SEED = seed("sampling.seed", 1,
            "the starting noise and of the SDE's noise along the way").inScene().build();
    public static final Setting<Integer> SAMPLE_COUNT = integer("sampling.count", 1000, 1, 100_000, 100, "Samples",
            "samples", "Samples drawn per run.").inScene().build();
    public static final Setting<Integer> PATHS = integer("sampling.paths", 40, 0, 100_000, 10, "Paths", "paths",
            "Trajectories drawn of a run (every sample's particle is drawn).").inScene().build();
    public static final Setting<Boolean> SHOW_DENOISED = flag("sampling.show_denoised", false, "Show x̂₀",
            "Overlay the denoising trajectory: at every t, the model's guess of the clean point x̂₀ that the particle "
                    + "is heading for (docs/math.md §6).").inScene().build();
    public static final Setting<Double> SWIRL = number("sampling.swirl", 0, 0, 4, "Swirl", "", "Add a "
            + "divergence-free swirl s\u00b7\u03c3\u00b7J\u2207log p\u209c (a quarter turn of the score) to the "
            + "velocity: particles circle along the contours of p\u209c while every marginal stays, exactly for "
            + "the oracle, approximately for a model (as far as its score is right). The velocity field is not "
            + "unique (docs/math.md \u00a78.11). 0 is off; a guided run, and a model without a score, sample "
            + "without it and say so in their label.").stepOf(0.25)
            .inScene().build();

    /** The class value of {@link #GUIDED_CLASS} meaning no guidance. */
    public static final int NO_CLASS = -1;
    /** The class value of {@link #GUIDED_CLASS} meaning every sample its own class. */
    public static final int EACH_CLASS = -2;
    /** Classes a window offers to guide to or to brush (labels 0 to 7). */
    public static final int MAX_CLASSES = 8;
    public static final Setting<Integer> GUIDED_CLASS = integers("sampling.class", NO_CLASS,
            java.util.stream.Stream.concat(java.util.stream.Stream.of(NO_CLASS, EACH_CLASS),
                    java.util.stream.IntStream.range(0, MAX_CLASSES).boxed()).toList(),
            Settings::className, "Class", "Guide the samples to one class of the data, or each sample to a class of "
                    + "its own (drawn with the classes' shares). None samples the whole data. Only data with "
                    + "classes can be guided: the presets that colour their points, or a CSV file with a label "
                    + "column.").inScene().build();
    public static final Setting<GuidanceKind> GUIDANCE = choice("sampling.guidance", GuidanceKind.class,
            GuidanceKind.CLASSIFIER_FREE, GuidanceKind::toString, "Guidance", "Classifier-free: \u03c9\u00b7"
                    + "\u015d(x | c) + (1 \u2212 \u03c9)\u00b7\u015d(x), from a conditional model. Classifier: "
                    + "\u015d(x) + \u03c9\u00b7\u2207log p\u209c(c | x), with a noisy classifier. With the exact "
                    + "oracle the two are the same field (docs/math.md \u00a79.2).").inScene().build();
    public static final Setting<Double> OMEGA = number("sampling.omega", 1, 0, 8, "\u03c9", "", "Guidance scale "
            + "\u03c9: 0 ignores the class (the whole data), 1 samples the class's own distribution, more than 1 "
            + "pushes the samples towards the class's far side, away from the other classes.").stepOf(0.25)
            .inScene().build();
    public static final Setting<Double> OMEGA_B = number("sampling.omega_b", 4, 0, 8, "\u03c9 of B", "",
            "The guidance scale of the right-hand pane of \u201c\u03c9 a vs b\u201d: the same class, solver and "
            + "starting noise as the left pane's \u03c9.").stepOf(0.25).inScene().build();

    // ---- view ------------------------------------------------------------------------------------

    public static final Setting<Double> TIME = number("view.time", 0, 0, 1, "t", "",
            "Drag to move through time: t = 0 is the clean data, t = 1 is pure noise. Every dot keeps its own "
                    + "noise direction, so it moves smoothly. \u2190/\u2192 step, Shift+\u2190/\u2192 take ten steps, "
                    + "Home goes to the data and End to the noise; Space plays.").notUndone().inScene().build();
    public static final Setting<org.scorefield.core.schedule.TimeWarp.Kind> TIME_SCALE = choice("view.time_scale",
            org.scorefield.core.schedule.TimeWarp.Kind.class, org.scorefield.core.schedule.TimeWarp.Kind.LOG_SNR,
            org.scorefield.core.schedule.TimeWarp.Kind::label, "Time axis",
            "What the time slider and playing are uniform in. log-SNR (default) spreads the change of the picture "
                    + "evenly: under VP most of it happens at small t, which a slider uniform in t squeezes into its "
                    + "first few millimetres. \u03c3 spreads the early times; t is the plain time. The tick labels "
                    + "always show t (docs/math.md \u00a72.11).").inScene().build();
    public static final Setting<Boolean> SPLIT = flag("view.split", false, "ODE vs SDE", "Two canvases side by "
            + "side: the probability-flow ODE and the reverse SDE from the same starting noise, driven by one "
            + "scrubber (V switches).").inScene().build();
    public static final Setting<Boolean> ROUNDS = flag("view.rounds", false, "Reflow rounds", "The Reflow rounds "
            + "side by side (or the chosen one), each flow's paths from the same source points, driven by one "
            + "scrubber. Make rounds in the Reflow section.").inScene().build();
    public static final Setting<Boolean> COMPARE = flag("view.compare", false, "A vs B", "Two models side by "
            + "side: A, trained with the settings on the left, and B, trained beside it from the same seed with one "
            + "setting different (chosen under Model & training \u25b8 Compare A with B). Train, Step and Reset act on "
            + "both; both sample with the same solver from the same starting noise.").inScene().build();
    public static final Setting<Boolean> OMEGA_SPLIT = flag("view.omega_split", false, "\u03c9 a vs b", "Two "
            + "canvases side by side from the same starting noise and solver, guided to the same class (Sampling "
            + "\u25b8 Guidance): the left at \u03c9, the right at \u03c9 of B, each over its own tilted density and "
            + "figures (G switches).").inScene().build();
    public static final Setting<Boolean> LIKELIHOOD_VIEW = flag("view.likelihood", false, "log p\u2080",
            "Three maps of log p\u2080, the log-density at t = 0 in nats: the model's, from its PF-ODE (every cell's "
            + "centre carried up to the prior, the divergence of the velocity summed on the way), the exact "
            + "density of the data beside it, and model \u2212 exact. Click a point to watch it climb to the "
            + "prior, with its running log-determinant \u2113; the scrubber moves it (docs/math.md \u00a77.5).")
            .inScene().build();
    public static final Setting<Boolean> SDF_VIEW = flag("view.sdf", false, "SDF", "Score-difference flow "
            + "(docs/math.md \u00a710): source particles move towards the data without a network, each step "
            + "y \u2190 y + \u03b7\u00b7(D_p(z; \u03c3) \u2212 D_q(z; \u03c3))/\u03c3\u00b2 at z = y + \u03c3\u03be, "
            + "with D_p and D_q the kernel denoisers of the data and of the particles. Beside it, flow matching "
            + "carries the same particles with its exact velocity. Set it up under Score-difference flow on the "
            + "left.").inScene().build();
    public static final Setting<Boolean> LANGEVIN_VIEW = flag("view.langevin", false, "Langevin",
            "Three canvases from the same start points: Langevin at one noise level \u03c3, score ascent (the same "
            + "steps without noise) and annealed Langevin from \u03c3_max = 3 down to \u03c3, each with K score "
            + "evaluations of p_\u03c3, the data blurred by N(0, \u03c3\u00b2I). Each pane gives its particles' "
            + "share of every mode against the mixture's weights and SW2 to p_\u03c3 over its floor; the scrubber "
            + "replays the runs from t = 1 (the start) to t = 0 (docs/math.md \u00a75.13).").inScene().build();
    public static final Setting<Double> LANGEVIN_STEP = number("langevin.step", 0.002, 1e-4, 0.05, "\u03b5", "",
            "The step size \u03b5 of x \u2190 x + (\u03b5/2)\u00b7\u2207log p_\u03c3(x) + \u221a\u03b5\u00b7z, "
                    + "in squared distance; annealed Langevin's level \u03c3\u2097 takes \u03b5\u00b7\u03c3\u2097"
                    + "\u00b2/\u03c3\u00b2. Small \u03b5: accurate but slow; large: fast, but the stationary law "
                    + "is wider than p_\u03c3 by about \u03b5/4 in variance, and past 4\u00b7variance the steps "
                    + "diverge.").logScale().display(e -> String.format(Locale.ROOT, "%.2g", e)).inScene().build();
    public static final Setting<Integer> LANGEVIN_STEPS = integer("langevin.steps", 1000, 10, 10_000, 100, "Steps",
            "steps", "K, the score evaluations of each of the three runs (annealed Langevin shares them out over its "
                    + "10 levels).").inScene().build();
    public static final Setting<Double> LANGEVIN_SIGMA = number("langevin.sigma", 0.1, 0.02, 1, "\u03c3", "",
            "The noise level of Langevin and score ascent, and the last of annealed Langevin's: the particles "
                    + "move on p_\u03c3, the data blurred by N(0, \u03c3\u00b2I). At small \u03c3 the modes "
                    + "are walled off from each other.").logScale()
            .display(v -> String.format(Locale.ROOT, "%.2g", v)).inScene().build();
    public static final Setting<Long> LANGEVIN_SEED = seed("langevin.seed", 1,
            "the start points and of Langevin's noise z (the same for Langevin and annealed Langevin)").inScene()
            .build();
    public static final Setting<org.scorefield.core.sample.LangevinStart> LANGEVIN_START = choice("langevin.start",
            org.scorefield.core.sample.LangevinStart.class, org.scorefield.core.sample.LangevinStart.UNIFORM,
            org.scorefield.core.sample.LangevinStart::shortLabel, "Start", "Where the 500 particles start, the same "
                    + "for all three runs: uniform in the square [\u22123, 3]\u00b2, N(0, I), or all in one mode (the "
                    + "lightest of a mixture; for other data, a small blob around the first point).").inScene().build();
    public static final Setting<ForwardPaths> FORWARD_PATHS = choice("view.forward_paths", ForwardPaths.class,
            ForwardPaths.FIXED_EPSILON, ForwardPaths::toString, "Forward paths", "How the data layer carries each "
                    + "point from t = 0 to 1: fixed \u03b5, the smooth x\u209c = \u03b1\u00b7x\u2080 + "
                    + "\u03c3\u00b7\u03b5 with one \u03b5 per point, or a Brownian path of the forward SDE dx = "
                    + "f\u00b7x dt + g dW by Euler\u2013Maruyama (its first paths drawn when Samples is off). Both "
                    + "have the same marginals p\u209c at every t; only the paths differ (docs/math.md \u00a71.4).")
            .inScene().build();
    public static final Setting<CanvasTool> TOOL = choice("view.tool", CanvasTool.class, CanvasTool.LOOK,
            t -> t.name().toLowerCase(Locale.ROOT), "Tool", "What a click or drag on the canvas does.").notUndone()
            .notInScene().build();
    public static final Setting<Boolean> SHOW_DATA = flag("view.data", true, "Data",
            "The data x₀ noised to the current t: every dot keeps its own noise ε.").inScene().build();
    public static final Setting<Boolean> SHOW_DENSITY = flag("view.density", false, "Density", "The exact density "
            + "p_t of the noisy data as a heatmap (in the split view: the density of each run's end points). Key D.")
            .inScene().build();
    public static final Setting<HeatmapLayer> HEATMAP = choice("view.heatmap", HeatmapLayer.class,
            HeatmapLayer.DENSITY, HeatmapLayer::toString, "Heatmap", "What the Density layer shows at the scrubber's "
                    + "t: the density p\u209c of the noisy data, the exact classifier p\u209c(c | x) of the guided "
                    + "class, or the tilted density p\u209c(x)\u00b7p\u209c(c | x)^\u03c9 normalised, which "
                    + "guidance is often said to sample and does not (docs/math.md \u00a79.3).").inScene().build();
    public static final Setting<Integer> BRUSH_CLASS = integer("view.brush_class", 0, 0, MAX_CLASSES - 1, 1,
            "Brush class", "", "The class of the points the brush draws, in its colour. Drawn on points without "
                    + "classes, a class other than 0 makes those points class 0.").display(Settings::className)
            .notUndone().notInScene().build();
    public static final Setting<Boolean> SHOW_SAMPLES = flag("view.samples", true, "Samples",
            "Sampled trajectories, drawn up to the current t.").inScene().build();
    public static final Setting<Boolean> SHOW_FIELD = flag("view.field", false, "Show field",
            "Draw a vector field over the canvas at the current t (key F).").inScene().build();
    public static final Setting<FieldKind> FIELD_KIND = choice("view.field_kind", FieldKind.class, FieldKind.SCORE,
            FieldKind::displayName, "Field", "The score ∇log p_t points towards where the noisy data is denser; the "
                    + "PF-ODE velocity dx/dt is the direction a particle moves in as t grows, towards noise. Sampling "
                    + "runs against it, from t = 1 back to t = 0. The flux p_t\u00b7\u00fb is that velocity times the "
                    + "exact density: how much probability flows where (docs/math.md \u00a78.10).").inScene().build();
    public static final Setting<FieldSource> FIELD_SOURCE = choice("view.field_source", FieldSource.class,
            FieldSource.EXACT, FieldSource::toString, "From", "Learned: what the network says. Exact: the closed-form "
                    + "truth of this data. |Learned − exact|: where the network is wrong, as a heatmap.")
            .inScene().build();
    public static final Setting<Boolean> STREAMLINES = flag("view.streamlines", false, "Streamlines",
            "Draw curves that follow the field instead of arrows.").inScene().build();
    public static final Setting<Integer> FIELD_RESOLUTION = integer("view.field_resolution", 24, 12, 40, 4, "Grid",
            "arrows", "Arrows (or streamline spacing) per side of the canvas.").display(String::valueOf)
            .inScene().build();
    public static final Setting<Double> ARROW_SCALE = number("view.arrow_scale", 1, 0.25, 4, "Arrow length", "×",
            "Lengthen or shorten every arrow. Length grows with the magnitude, compressed: ten times stronger is "
                    + "twice as long, and stronger arrows are more opaque, so weak arrows (the score beside the data "
                    + "at small t) stay visible. The shortest are kept a few pixels long, the longest clipped to one "
                    + "cell.").logScale().display(a -> String.format(Locale.ROOT, "%.2g×", a)).inScene().build();
    public static final Setting<Boolean> CONTINUITY = flag("view.continuity", false, "Cells",
            "A 3\u00d73 block of cells with two figures each: the rate at which the cell's mass \u222bp\u209c "
                    + "changes, and the net flux of p\u209c\u00b7\u00fb into it through its edges (exact density and "
                    + "velocity, with the swirl if any). The continuity equation makes them equal (docs/math.md "
                    + "\u00a78.10). \"Move the cells by clicking\" moves the block.").inScene().build();
    public static final Setting<Double> CELLS_X = number("view.cells_x", 1.1, -8, 8, "Cells x", "",
            "The x of the centre of the block of continuity cells (a click sets it while \"Move the cells by "
                    + "clicking\" is on).")
            .inScene().build();
    public static final Setting<Double> CELLS_Y = number("view.cells_y", 0.6, -8, 8, "Cells y", "",
            "The y of the centre of the block of continuity cells (a click sets it while \"Move the cells by "
                    + "clicking\" is on).")
            .inScene().build();
    public static final Setting<Boolean> MEAN_SHIFT = flag("view.mean_shift", false, "Mean shift",
            "The memorising oracle at one point xₜ read as a mean-shift step: every data point a disc as large as "
            + "its posterior weight, the kernel of bandwidth σ/α around xₜ/α, x̂₀ their weighted "
            + "mean and the DDIM step along the chord towards it (docs/math.md §6.4). On while the Mean shift tool "
            + "is chosen; a click moves the point.").inScene().build();
    public static final Setting<Double> MEAN_SHIFT_X = number("view.mean_shift_x", 0.5, -8, 8, "Mean shift x", "",
            "The x of the mean-shift probe xₜ (a click with the Mean shift tool sets it).").inScene().build();
    public static final Setting<Double> MEAN_SHIFT_Y = number("view.mean_shift_y", 0.25, -8, 8, "Mean shift y", "",
            "The y of the mean-shift probe xₜ (a click with the Mean shift tool sets it).").inScene().build();
    public static final Setting<Boolean> DENOISING = flag("view.denoising", false, "Denoising vs sampling",
            "The first five sample paths xₜ with their denoising trajectories x̂₀(xₜ, t), "
            + "each guess marked where it lands (stays within " + org.scorefield.core.sample.DenoisingLanding.TOLERANCE
            + " of where it ends), and in the chart "
            + "Likelihood on paths the exact log pₜ(xₜ) and log p₀(x̂₀) along both "
            + "(docs/math.md §6.2).").inScene().build();
    public static final Setting<Boolean> SHOW_PAIRS = flag("view.pairs", false, "Show pairs", "Draw one batch of "
            + Coupling.CHUNK + " training pairs under the chosen coupling as the straight lines x_t = (1 − t)·x₀ + "
            + "t·x₁ they train on (the scrubber moves along them).").inScene().build();
    public static final Setting<Boolean> DARK = flag("view.dark", false, "Dark", "Dark theme (Ctrl+D).").notUndone()
            .notInScene().build();
    public static final Setting<Boolean> PRESENTER = flag("view.presenter", false, "Presenter",
            "Bigger text, lines and points for a projector (Ctrl+P).").notUndone().notInScene().build();
    public static final Setting<Boolean> LOOP = flag("view.loop", true, "Loop",
            "When on, playing turns round at each end and goes on.").notSaved().build();
    public static final Setting<Boolean> TOWARDS_DATA = flag("view.towards_data", true, "t → 0", "Which way playing "
            + "moves t: towards the data (t → 0, as a sampler runs) or towards the noise (t → 1, as the forward process "
            + "runs).").notSaved().build();
    public static final Setting<Double> SPEED = numbers("view.speed", 1.0, List.of(0.25, 0.5, 1.0, 2.0, 4.0),
            s -> (s < 1 ? String.valueOf(s) : String.valueOf(s.intValue())) + "×", "Speed",
            "Playing speed: 1× sweeps from noise to data in five seconds.").notSaved().build();

    // ---- export ----------------------------------------------------------------------------------

    public static final Setting<AnimationSubject> ANIMATION = choices("export.what", AnimationSubject.class,
            AnimationSubject.SAMPLING, List.of(AnimationSubject.SAMPLING, AnimationSubject.NOISING,
                    AnimationSubject.SPLIT, AnimationSubject.REFLOW, AnimationSubject.TRAINING,
                    AnimationSubject.COMPARE, AnimationSubject.GUIDANCE_SPLIT, AnimationSubject.GUIDANCE),
            AnimationSubject::toString, "Animate", "What moves: sampling runs t from 1 (noise) to 0 (data), the "
                    + "forward noising sweep from 0 to 1; ODE vs SDE shows the split view's two runs side by side, "
                    + "Reflow rounds the rounds on screen; training trains a fresh copy of the model with the same "
                    + "seeds and shows its samples, from the same noise, as it learns; A vs B the two models of "
                    + "the A vs B view side by side, as they are on screen; \u03c9 a vs b that view's two guidance "
                    + "scales; the guidance sweep samples the guided class from the same noise at "
                    + org.scorefield.core.guidance.GuidanceSweep.DEFAULT_VALUES + " values of \u03c9 from 0 to the "
                    + "larger of \u03c9 and \u03c9 of B, one after the other, over the tilted density of each.")
            .notInScene().build();
    public static final Setting<AnimationFormat> FORMAT = choice("export.format", AnimationFormat.class,
            AnimationFormat.MP4, f -> switch (f) {
                case MP4 -> "MP4 (H.264)";
                case WEBM -> "WebM (VP9)";
                case GIF -> "GIF (looping)";
                case APNG -> "animated PNG";
                case PNG -> "PNG frames (a folder)";
            }, "Format", "MP4 for slides and mail, WebM for a web page's video, GIF for a web page "
                    + "(one fixed palette, looping), animated PNG (lossless), or one PNG per frame.")
            .notInScene().build();
    public static final Setting<FrameSize> FRAME_SIZE = choice("export.size", FrameSize.class, FrameSize.HD720,
            FrameSize::toString, "Size", "Frame size in pixels.").notInScene().build();
    public static final Setting<Integer> FPS = integers("export.fps", 30, List.of(24, 30, 60), f -> f + " fps",
            "Frame rate", "Frames per second.").notInScene().build();
    public static final Setting<Double> SECONDS = number("export.seconds", 6, 1, 60, "Seconds", "s",
            "Duration, with the first and last frame held for half a second.").stepOf(1).notInScene().build();
    public static final Setting<Boolean> OVERLAY = flag("export.overlay", true, "Overlay",
            "Draw the title, t and NFE on every frame.").notInScene().build();

    /** Every setting, in the order of the side panel. */
    /**
     * The views that exclude each other: at most one is on, and with none the canvas is the single view. A
     * lesson scene that names any setting of the view section turns off those of these it does not name.
     */
    public static final List<Setting<Boolean>> VIEWS = List.of(SPLIT, ROUNDS, COMPARE, OMEGA_SPLIT,
            LIKELIHOOD_VIEW, SDF_VIEW, LANGEVIN_VIEW);

    /**
     * The canvas's modes that a lesson scene shows only when it names them: a scene that names any setting of
     * the view section puts those of these it does not name back to their defaults (off, fixed ε), as it turns
     * off the {@link #VIEWS} it does not name.
     */
    public static final List<Setting<?>> SCENE_MODES = List.of(MEAN_SHIFT, DENOISING, FORWARD_PATHS);

    public static final List<Setting<?>> ALL = List.of(DATA_PRESET, DATA_POINTS, DATA_SEED, DATA_TRAIN_SIZE, PROCESS_KIND, OBJECTIVE,
            SOURCE, COUPLING, SINKHORN_EPSILON, WIDTH, DEPTH, LEARNING_RATE, BATCH, EMA, TRAINING_SEED, CONDITIONAL,
            LABEL_DROPOUT, REFRESH_SAMPLES, REFRESH_EVERY, COMPARE_VARIES, COMPARE_OBJECTIVE, COMPARE_SCHEDULE,
            COMPARE_WIDTH, COMPARE_COUPLING, REFLOW_PAIRS, REFLOW_TRAIN_STEPS, REFLOW_FINE_TUNE, REFLOW_SIDE_BY_SIDE,
            SDF_SOURCE, SDF_SIGMA, SDF_ANNEAL, SDF_SIGMA_END, SDF_ETA, SDF_ITERATIONS, SDF_SEED, SDF_FIELDS,
            DRIVER, SOLVER, STEPS, GRID, ETA, SAMPLING_SEED, SAMPLE_COUNT, PATHS, SHOW_DENOISED, SWIRL, GUIDED_CLASS,
            GUIDANCE, OMEGA, OMEGA_B, TIME, TIME_SCALE, SPLIT, ROUNDS, COMPARE, OMEGA_SPLIT, LIKELIHOOD_VIEW, SDF_VIEW, LANGEVIN_VIEW,
            LANGEVIN_STEP, LANGEVIN_STEPS, LANGEVIN_SIGMA, LANGEVIN_SEED, LANGEVIN_START, FORWARD_PATHS, TOOL, SHOW_DATA,
            SHOW_DENSITY, HEATMAP, BRUSH_CLASS, SHOW_SAMPLES, SHOW_FIELD, FIELD_KIND, FIELD_SOURCE, STREAMLINES, FIELD_RESOLUTION,
            ARROW_SCALE, CONTINUITY, CELLS_X, CELLS_Y, MEAN_SHIFT, MEAN_SHIFT_X, MEAN_SHIFT_Y, DENOISING, SHOW_PAIRS, DARK, PRESENTER, LOOP, TOWARDS_DATA, SPEED, ANIMATION, FORMAT, FRAME_SIZE, FPS,
            SECONDS, OVERLAY);

    /** "none", "each its own" or "class 2" for a value of {@link #GUIDED_CLASS} or {@link #BRUSH_CLASS}. */
    public static String className(int c) {
        return c == NO_CLASS ? "none" : c == EACH_CLASS ? "each sample its own" : "class " + c;
    }

    // ---- how the table is written ----------------------------------------------------------------

    private static Builder<Boolean> flag(String key, boolean defaultValue, String label, String tooltip) {
        return new Builder<>(key, Boolean.class, defaultValue, label, tooltip).display(on -> on ? "on" : "off");
    }

    private static Builder<Integer> integer(String key, int defaultValue, int min, int max, int step, String label,
                                            String unit, String tooltip) {
        return new Builder<>(key, Integer.class, defaultValue, label, tooltip).range(min, max).stepOf(step)
                .unit(unit).display(n -> String.format(Locale.ROOT, "%,d", n));
    }

    private static Builder<Integer> integers(String key, int defaultValue, List<Integer> choices,
                                             Function<Integer, String> display, String label, String tooltip) {
        return new Builder<>(key, Integer.class, defaultValue, label, tooltip).choices(choices).display(display);
    }

    private static Builder<Double> number(String key, double defaultValue, double min, double max, String label,
                                          String unit, String tooltip) {
        return new Builder<>(key, Double.class, defaultValue, label, tooltip).range(min, max).unit(unit)
                .display(v -> String.format(Locale.ROOT, "%.2f", v));
    }

    private static Builder<Double> numbers(String key, double defaultValue, List<Double> choices,
                                           Function<Double, String> display, String label, String tooltip) {
        return new Builder<>(key, Double.class, defaultValue, label, tooltip).choices(choices).display(display);
    }

    private static Builder<Long> seed(String key, long defaultValue, String what) {
        return new Builder<>(key, Long.class, defaultValue, "Seed", "The seed of " + what + ". The same seed always "
                + "gives the same result; type another number and press Enter for a different draw.")
                .range(0L, MAX_SEED).display(String::valueOf);
    }

    private static Builder<String> text(String key, String defaultValue, String label, String tooltip) {
        return new Builder<>(key, String.class, defaultValue, label, tooltip).display(s -> s);
    }

    private static <E extends Enum<E>> Builder<E> choice(String key, Class<E> type, E defaultValue,
                                                         Function<E, String> display, String label, String tooltip) {
        return choices(key, type, defaultValue, Arrays.asList(type.getEnumConstants()), display, label, tooltip);
    }

    private static <E extends Enum<E>> Builder<E> choices(String key, Class<E> type, E defaultValue, List<E> choices,
                                                          Function<E, String> display, String label, String tooltip) {
        return new Builder<>(key, type, defaultValue, label, tooltip).choices(choices).display(display);
    }

    /** Collects one row of the table. */
    private static final class Builder<T> {
        private final String key;
        private final Class<T> type;
        private final T defaultValue;
        private final String label;
        private final String tooltip;
        private T min;
        private T max;
        private List<T> choices;
        private double step = 1;
        private boolean logScale;
        private String unit = "";
        private Function<T, String> display = String::valueOf;
        private Setting.Kept kept = Setting.Kept.IN_SETTINGS;
        private boolean undone = true;
        private Boolean inScene;

        Builder(String key, Class<T> type, T defaultValue, String label, String tooltip) {
            this.key = key;
            this.type = type;
            this.defaultValue = defaultValue;
            this.label = label;
            this.tooltip = tooltip;
        }

        Builder<T> range(T low, T high) {
            this.min = low;
            this.max = high;
            return this;
        }

        Builder<T> choices(List<T> values) {
            this.choices = values;
            return this;
        }

        Builder<T> stepOf(double value) {
            this.step = value;
            return this;
        }

        Builder<T> logScale() {
            this.logScale = true;
            return this;
        }

        Builder<T> unit(String text) {
            this.unit = text;
            return this;
        }

        Builder<T> display(Function<T, String> how) {
            this.display = how;
            return this;
        }

        /** The session keeps it in a block of its own (the data, the process), not among the settings. */
        Builder<T> keptInItsBlock() {
            this.kept = Setting.Kept.IN_ITS_BLOCK;
            return this;
        }

        /** A setting of the moment, which a session does not keep and Undo does not put back. */
        Builder<T> notSaved() {
            this.kept = Setting.Kept.NOT_KEPT;
            this.inScene = false; // a scene cannot set it: it would not survive a save
            return notUndone();
        }

        /** A setting Undo does not put back (see {@link Setting#undone()}). */
        Builder<T> notUndone() {
            this.undone = false;
            return this;
        }

        /** A lesson's scene records it (see {@link Setting#inScene()}). */
        Builder<T> inScene() {
            this.inScene = true;
            return this;
        }

        /** A lesson's scene leaves it as the window has it (see {@link Setting#inScene()}). */
        Builder<T> notInScene() {
            this.inScene = false;
            return this;
        }

        Setting<T> build() {
            return new Setting<>(key, type, defaultValue, min, max, choices, step, logScale, label, unit, tooltip,
                    display, kept, undone, inScene);
        }
    }
}
