package org.scorefield.core.flow;

import java.util.concurrent.CancellationException;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.metric.PathStraightness;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.GridKind;

/**
 * Reflow (Liu et al. 2023; book Algorithm 2 with the interpolant of docs/math.md §8.7): from a flow model,
 * draw sources z, integrate the model accurately to {@code x̂ = Φ(z)}, train the next model on the
 * fixed pairs {@code (x̂, z)} with {@code x_t = (1−t)x̂ + t z} and target {@code z − x̂}, and repeat.
 * Each round's flow transports the same source to (approximately) the same data with paths that
 * cross less, so they straighten, and few Euler steps sample it.
 *
 * <p>Every round is measured the same way, on evaluation sources drawn once from the seed:
 * <ul>
 * <li>the model's own paths from those sources, Euler with {@value #PATH_STEPS} steps (one
 *     velocity per segment, so {@link PathStraightness} integrates exactly the û the model gives);
 *     their straightness S, transport cost C = E‖x1 − x0‖², and S/C;</li>
 * <li>SW2 to the data of 1-step and 2-step Euler samples ({@link FlowEuler}), and the SW2 noise
 *     floor of as many data points.</li>
 * </ul>
 * Seeds: the round-r pairs come from {@code derive(seed, "reflow-pairs-r")}, the round's training
 * from {@code derive(seed, "reflow-train-r")}, the evaluation sources from
 * {@code derive(seed, "reflow-eval")}; the same seed reproduces every round bit for bit.
 */
public final class Reflow {

    /**
     * The most rounds made after round 0: straightness saturates after two or three, and each
     * round keeps a model in memory and in the session file.
     */
    public static final int MAX_ROUNDS = 20;

    /** Euler steps of the paths whose straightness is measured. */
    public static final int PATH_STEPS = 100;
    /** The Euler step counts (NFE) at which every round's samples are measured. */
    private static final int[] NFE = {1, 2, 4, 8, 16};

    /** The Euler step counts (NFE) of {@link Metrics#sw2ByNfe()}: 1, 2, 4, 8, 16. */
    public static int[] nfe() {
        return NFE.clone();
    }

    /**
     * How rounds are made and measured.
     *
     * @param pairs       pairs generated per round
     * @param solverSteps RK4 steps that integrate the model to make them (4 NFE each)
     * @param trainSteps  optimiser steps per round
     * @param fineTune    start each round from the previous weights (else from a fresh initialisation)
     * @param evalPoints  evaluation sources, for straightness and SW2
     * @param seed        every draw of every round derives from it
     */
    public record Settings(int pairs, int solverSteps, int trainSteps, boolean fineTune, int evalPoints, long seed) {

        public static final int DEFAULT_PAIRS = 10_000;
        public static final int DEFAULT_SOLVER_STEPS = 32;
        public static final int DEFAULT_TRAIN_STEPS = 3000;
        public static final int DEFAULT_EVAL_POINTS = 2000;
        public static final int MAX_PAIRS = 1_000_000;

        public Settings {
            InvalidInputException.require(pairs >= 16 && pairs <= MAX_PAIRS,
                    "Reflow needs between 16 and " + MAX_PAIRS + " pairs, got " + pairs + ".");
            InvalidInputException.require(solverSteps >= 1 && solverSteps <= 10_000,
                    "The solver steps must lie between 1 and 10000, got " + solverSteps + ".");
            InvalidInputException.require(trainSteps >= 1 && trainSteps <= 10_000_000,
                    "The training steps per round must lie between 1 and 10000000, got " + trainSteps + ".");
            InvalidInputException.require(evalPoints >= 16 && evalPoints <= 100_000,
                    "The evaluation points must lie between 16 and 100000, got " + evalPoints + ".");
        }

        public static Settings defaults(long seed) {
            return new Settings(DEFAULT_PAIRS, DEFAULT_SOLVER_STEPS, DEFAULT_TRAIN_STEPS, true, DEFAULT_EVAL_POINTS,
                    seed);
        }

        public Settings withPairs(int n) {
            return new Settings(n, solverSteps, trainSteps, fineTune, evalPoints, seed);
        }

        public Settings withSolverSteps(int k) {
            return new Settings(pairs, k, trainSteps, fineTune, evalPoints, seed);
        }

        public Settings withTrainSteps(int k) {
            return new Settings(pairs, solverSteps, k, fineTune, evalPoints, seed);
        }

        public Settings withFineTune(boolean on) {
            return new Settings(pairs, solverSteps, trainSteps, on, evalPoints, seed);
        }

        public Settings withEvalPoints(int n) {
            return new Settings(pairs, solverSteps, trainSteps, fineTune, n, seed);
        }
    }

    /**
     * One round's figures.
     *
     * @param round                  0 for the input model
     * @param straightness           S along the model's own paths
     * @param normalizedStraightness S / C
     * @param transportCost          C = E‖x1 − x0‖² between sources and endpoints
     * @param sw2Floor               SW2 between two draws of the data of that size
     * @param sw2ByNfe               SW2 of Euler samples with each of {@link #nfe()} steps
     * @param seconds                the round's wall time: making the pairs, training and measuring
     *                               (for an input model, what the caller says, 0 on the command line)
     */
    public record Metrics(int round, double straightness, double normalizedStraightness, double transportCost,
                          double sw2Floor, double[] sw2ByNfe, double seconds) {

        public Metrics {
            sw2ByNfe = sw2ByNfe.clone();
        }

        @Override
        public double[] sw2ByNfe() {
            return sw2ByNfe.clone();
        }

        /** SW2 of 1-step Euler samples to the data. */
        public double sw2OneStep() {
            return sw2ByNfe[0];
        }

        /** SW2 of 2-step Euler samples. */
        public double sw2TwoStep() {
            return sw2ByNfe[1];
        }

        /** The round's caption, on screen and in files: its number, straightness and 1-step SW2 over the floor. */
        public String caption() {
            return String.format(java.util.Locale.ROOT, "Round %d  ·  straightness %.2g  ·  1-step SW2 %.1f× floor",
                    round, normalizedStraightness, oneStepRatio());
        }

        /** 1-step SW2 relative to the noise floor: 1 is as close as two draws of the data. */
        public double oneStepRatio() {
            return sw2OneStep() / sw2Floor;
        }
    }

    /**
     * A model and how it does.
     *
     * @param model   the round's model
     * @param metrics its figures
     * @param paths   its Euler paths from the evaluation sources (rows t = 1, 1 − 1/K, …, 0)
     */
    public record Round(TrainedModel model, Metrics metrics, Trajectories paths) {
    }

    private final DataDistribution data;
    private final Settings settings;
    private final double[] evalSources;
    /** The SW2 floor, measured when first needed (redrawing saved rounds needs only the sources). */
    private double floor = Double.NaN;
    private final FlowSource source;

    /**
     * @param data     the distribution the flows transport to (what SW2 compares with)
     * @param source   the flows' source (the models' own)
     * @param settings how rounds are made and measured
     */
    public Reflow(DataDistribution data, FlowSource source, Settings settings) {
        this.data = data;
        this.source = source;
        this.settings = settings;
        this.evalSources = source.sample(settings.evalPoints(), SeededRandom.derive(settings.seed(), "reflow-eval"));
    }

    public Settings settings() {
        return settings;
    }

    /** The evaluation sources, the same for every round. */
    public double[] evalSources() {
        return evalSources.clone();
    }

    /** SW2 between two draws of the data of the evaluation size. */
    public double floor() {
        if (Double.isNaN(floor)) {
            floor = SampleQuality.floor(data, settings.evalPoints(), SeededRandom.derive(settings.seed(), "reflow-sw2"));
        }
        return floor;
    }

    /** Measures a model as round {@code round}, its wall time given. */
    public Round measure(TrainedModel model, int round, double seconds) {
        requireFlow(model);
        Denoiser flow = model.denoiser();
        Trajectories paths = FlowEuler.trajectories(flow, evalSources, PATH_STEPS);
        double s = PathStraightness.straightness(paths);
        double c = PathStraightness.transportCost(paths);
        long sw2Seed = SeededRandom.derive(settings.seed(), "reflow-sw2");
        double[] sw2 = new double[NFE.length];
        for (int k = 0; k < NFE.length; k++) {
            sw2[k] = SampleQuality.of(FlowEuler.sample(flow, evalSources, NFE[k]), data, sw2Seed, floor()).sw2().value();
        }
        return new Round(model, new Metrics(round, s, PathStraightness.normalizedStraightness(paths), c, floor(), sw2,
                seconds), paths);
    }

    /**
     * A round made earlier (by these settings), from its model and figures as a session kept them:
     * its paths from the evaluation sources are drawn again, the same as when it was made.
     */
    public Round restore(TrainedModel model, Metrics metrics) {
        requireFlow(model);
        return new Round(model, metrics, FlowEuler.trajectories(model.denoiser(), evalSources, PATH_STEPS));
    }

    /**
     * The next round: pairs from {@code previous}'s model, a model trained on them, and its figures.
     *
     * @throws CancellationException if the progress asked to stop (nothing is kept of the round)
     * @throws InvalidInputException if training failed (a loss that is not finite), saying why
     */
    public Round next(Round previous, Progress progress) {
        long started = System.nanoTime();
        TrainedModel model = previous.model();
        requireFlow(model);
        int round = previous.metrics().round() + 1;
        progress.update("Integrating the round " + (round - 1) + " model to make " + settings.pairs() + " pairs", 0);
        double[][] pairs = pairs(model, round);
        progress.check();
        var trainingSettings = model.settings().withSeed(SeededRandom.derive(settings.seed(), "reflow-train-" + round));
        Trainer trainer = Trainer.onPairs(data, model.parameterization(), model.architecture(), trainingSettings,
                model.flow().withRound(round), pairs[0], pairs[1], settings.fineTune() ? model.weights() : null);
        int every = Math.max(1, settings.trainSteps() / 200);
        for (int k = 0; k < settings.trainSteps(); k++) {
            trainer.step();
            if (trainer.failure().isPresent()) {
                throw new InvalidInputException("Reflow round " + round + ": " + trainer.failure().get());
            }
            progress.check();
            if (k % every == 0) {
                progress.update(String.format(java.util.Locale.ROOT, "Training round %d: step %d of %d (loss %.4f)",
                        round, k + 1, settings.trainSteps(), trainer.smoothedLoss()),
                        0.1 + 0.85 * (k + 1) / settings.trainSteps());
            }
        }
        progress.update("Measuring round " + round, 0.95);
        TrainedModel next = trainer.snapshot();
        double seconds = (System.nanoTime() - started) / 1e9;
        Round measured = measure(next, round, seconds);
        progress.update("Round " + round + " done", 1);
        return measured;
    }

    /**
     * The round's pairs: sources z from the seed and the model's RK4 solution x̂ = Φ(z) from t = 1
     * to t_min, finished by the denoising step (for a flow, an Euler step to t = 0).
     *
     * @return {x̂, z}, interleaved
     */
    public double[][] pairs(TrainedModel model, int round) {
        double[] z = source.sample(settings.pairs(), SeededRandom.derive(settings.seed(), "reflow-pairs-" + round));
        SamplerSettings rk4 = SamplerSettings.defaults(SamplerKind.RK4).withSteps(settings.solverSteps())
                .withGrid(GridKind.UNIFORM);
        double[] x = Sampling.fromPoints(model.denoiser(), rk4, z, settings.seed(), Recording.NONE).samples();
        return new double[][] {x, z};
    }

    private static void requireFlow(TrainedModel model) {
        InvalidInputException.require(model.parameterization().objective() == Objective.FLOW_MATCHING,
                "Reflow straightens a flow-matching model (--head fm); this model predicts "
                        + model.parameterization().objective().id() + ".");
    }
}
