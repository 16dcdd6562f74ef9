package org.scorefield.core.nn;

import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;

/**
 * Trains an {@link Mlp} on one objective, one optimiser step per {@link #step()} (the template of
 * book 6.2.5, docs/math.md §3.6):
 * <pre>
 *   x0 ~ data,  ε ~ N(0, I),  t ~ p(t),  x_t = α(t)x0 + σ(t)ε
 *   L = mean_i w_i ‖F(c_in x_t, τ(t)) − y_i‖²
 * </pre>
 * with y, w and p(t) from the {@link Parameterization}: t uniform on [t_min, 1], EDM's
 * {@code ln(σ/α) ~ N(P_mean, P_std²)}, or uniform on [0, 1] for flow matching.
 *
 * <p>Data come from a pool of {@value #POOL} points drawn once (a drawn or loaded point set is its
 * own pool, {@link #trainingSet}); every draw derives from the settings' seed, so a run is
 * reproducible step by step.
 *
 * <p>Flow matching may pair its batches otherwise (a {@link FlowSetup}, docs/math.md §8.3–8.5): x1 drawn from
 * another source than N(0, I), and the batch's pairs chosen by a coupling (minibatch OT, Sinkhorn);
 * or, for a Reflow round, the pairs are fixed in advance ({@link #onPairs}) and the network may start
 * from the previous round's weights. Then {@code x_t = (1−t)x0 + t x1} with target {@code x1 − x0}.
 * The times come from {@link TrainingTimes} and the update from {@link Optimisation}: a loss or
 * gradient that is not finite stops training before the update, the weights stay those of the last
 * good step, and {@link #failure()} says why. Not thread-safe; see {@link TrainingWorker}.
 */
public final class Trainer {

    /** Data points drawn once per run for a distribution that can be sampled freely. */
    public static final int POOL = 16_384;

    private final DataDistribution data;
    private final Parameterization parameterization;
    private final Architecture architecture;
    private final TrainingSettings settings;
    private final PointSet pool;
    private final FlowSetup flow;
    /** Source points to draw x1 from, when the source is not N(0, I). */
    private final PointSet sourcePool;
    /** Reflow's fixed pairs (x̂0, z), interleaved, or null. */
    private final double[] pairData;
    private final double[] pairSource;
    /** Weights to start from (fine-tuning), or null for the seeded initialisation. */
    private final float[] initialWeights;
    private final TrainingTimes trainingTimes;

    private Mlp network;
    /** The batch's shards: the network, then networks sharing its weights (TrainingThreads). */
    private Mlp[] shards;
    /** Threads of this trainer's steps: the process's policy when it is made, or {@link #onThreads}. */
    private int threads = TrainingThreads.current();
    private Optimisation optimisation;
    private SeededRandom random;
    private LossProfile profile;
    /** The labels and pool indices of the last batch, for tests of label dropout. */
    private int[] lastLabels;
    private int[] lastIndices;

    public Trainer(DataDistribution data, Parameterization parameterization, Architecture architecture,
                   TrainingSettings settings) {
        this(data, parameterization, architecture, settings, FlowSetup.standard());
    }

    /**
     * Flow matching with a source and a coupling (any setup for flow matching; the standard one for
     * every other objective).
     */
    public Trainer(DataDistribution data, Parameterization parameterization, Architecture architecture,
                   TrainingSettings settings, FlowSetup flow) {
        this(data, parameterization, architecture, settings, flow, null, null, null);
    }

    /**
     * A Reflow round: flow matching on fixed pairs {@code (x0_k, x1_k)} (the previous model's
     * endpoints and the sources they came from), from the given weights or, when null, from the
     * seeded initialisation.
     *
     * @param data    the distribution the pairs' x0 approximate (named in the model, used to measure it)
     * @param x0      the pairs' data ends, interleaved
     * @param x1      the pairs' source ends, interleaved, as many
     * @param weights the weights to fine-tune, or null to train afresh
     */
    public static Trainer onPairs(DataDistribution data, Parameterization parameterization, Architecture architecture,
                                  TrainingSettings settings, FlowSetup flow, double[] x0, double[] x1,
                                  float[] weights) {
        InvalidInputException.require(x0.length == x1.length && x0.length >= 2 && x0.length % 2 == 0,
                "Reflow needs as many sources as endpoints, got " + x0.length / 2 + " and " + x1.length / 2 + ".");
        InvalidInputException.require(weights == null || weights.length == architecture.parameterCount(),
                "The weights to fine-tune do not fit this architecture.");
        return new Trainer(data, parameterization, architecture, settings, flow, x0.clone(), x1.clone(),
                weights == null ? null : weights.clone());
    }

    /**
     * Training that goes on from a saved model (a session reopened): its weights, step count and
     * loss, its settings and flow setup, on {@code data}. The optimiser's moments start afresh
     * (a model file does not hold them), and the batches are drawn from a stream of their own,
     * derived from the seed and the step count, so the resumed run is reproducible, not a replay of
     * the first steps. {@link #reset()} goes back to the saved weights at step 0.
     */
    public static Trainer resume(DataDistribution data, TrainedModel model) {
        Trainer t = new Trainer(data, model.parameterization(), model.architecture(), model.settings(), model.flow(),
                null, null, model.weights());
        t.optimisation.resumeAt(model.steps(), model.loss());
        t.random = new SeededRandom(SeededRandom.derive(model.settings().seed(), "train-batches-from-" + model.steps()));
        return t;
    }

    private Trainer(DataDistribution data, Parameterization parameterization, Architecture architecture,
                    TrainingSettings settings, FlowSetup flow, double[] pairData, double[] pairSource,
                    float[] initialWeights) {
        InvalidInputException.require(flow.isStandard() && pairData == null
                        || parameterization.objective() == Objective.FLOW_MATCHING,
                "A source other than N(0, I), a coupling and Reflow pairs apply to flow matching (--head fm) only.");
        this.data = data;
        this.parameterization = parameterization;
        this.architecture = architecture;
        this.settings = settings;
        this.flow = flow;
        this.pairData = pairData;
        this.pairSource = pairSource;
        this.initialWeights = initialWeights;
        this.pool = pairData != null ? PointSet.of(pairData) : trainingSet(data, settings.seed());
        this.sourcePool = flow.source().distribution()
                .map(d -> d.sample(POOL, SeededRandom.derive(settings.seed(), "train-source")))
                .orElse(null);
        this.trainingTimes = new TrainingTimes(parameterization, settings);
        reset();
    }

    /**
     * The points a model of {@code data} trained with this seed sees, each batch drawn uniformly
     * from them: a point set's own points ({@link EmpiricalDistribution}: memorised, drawn or loaded
     * data), or {@value #POOL} points drawn once from any other distribution. What memorisation is
     * measured against (docs/math.md §11.7).
     */
    public static PointSet trainingSet(DataDistribution data, long seed) {
        return data instanceof EmpiricalDistribution points ? points.points()
                : data.sample(POOL, SeededRandom.derive(seed, "train-data"));
    }

    /** Back to the initial weights (seeded, or those being fine-tuned), step 0. */
    public void reset() {
        network = initialWeights != null ? new Mlp(architecture, DataType.FLOAT, initialWeights)
                : new Mlp(architecture, DataType.FLOAT, settings.seed());
        int count = Math.min(TrainingThreads.SHARDS, settings.batch());
        shards = new Mlp[count];
        shards[0] = network;
        for (int s = 1; s < count; s++) {
            shards[s] = network.sharingWeights();
        }
        optimisation = new Optimisation(network, settings, threads);
        random = new SeededRandom(SeededRandom.derive(settings.seed(), "train-batches"));
        profile = new LossProfile();
    }

    /**
     * Steps from now on use this many threads (clamped to 1 … {@value TrainingThreads#SHARDS}), whatever
     * the process's policy; the weights are the same bits either way. Call it between steps, on the
     * thread that steps.
     *
     * @return this trainer
     */
    public Trainer onThreads(int count) {
        threads = TrainingThreads.clamp(count);
        optimisation.threads(threads);
        return this;
    }

    /** Threads this trainer's steps use. */
    public int threads() {
        return threads;
    }

    public Architecture architecture() {
        return architecture;
    }

    public Parameterization parameterization() {
        return parameterization;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public DataDistribution data() {
        return data;
    }

    /** The source, coupling and Reflow round. */
    public FlowSetup flow() {
        return flow;
    }

    /** Optimiser steps taken. */
    public long steps() {
        return optimisation.steps();
    }

    /** The loss of the last step (NaN before the first). */
    public double lastLoss() {
        return optimisation.lastLoss();
    }

    /** An exponential average of the loss (bias-corrected), what a chart shows. */
    public double smoothedLoss() {
        return optimisation.smoothedLoss();
    }

    /** The running loss per t bin (see {@link LossProfile}). */
    public double[] lossProfile() {
        return profile.snapshot();
    }

    /** Why training stopped, once a step failed. */
    public Optional<String> failure() {
        return optimisation.failure();
    }

    /**
     * One optimiser step; returns its loss. After a failure, returns NaN and changes nothing
     * until {@link #reset()}.
     */
    public double step() {
        if (optimisation.failure().isPresent()) {
            return Double.NaN;
        }
        int b = settings.batch();
        Batch batch = new Batch(b);
        boolean independent = flow.isStandard() && pairData == null;
        if (independent) {
            drawIndependent(batch);
        } else {
            drawPairs(batch);
        }
        int[] labels = batch.labels;
        lastLabels = labels;
        lastIndices = batch.index;
        double[] input = batch.input;
        double[] tau = batch.tau;
        double[] target = batch.target;
        double[] weight = batch.weight;
        double[] times = batch.times;
        // each shard: forward, its points' losses, backward into its own gradient (its rows of ∂L/∂out
        // carry the whole batch's 1/b, so the shards' gradients add up to the batch's)
        double[] pointLoss = new double[b];
        int count = shards.length;
        TrainingThreads.run(count, threads, s -> {
            int from = s * b / count;
            int to = (s + 1) * b / count;
            Mlp net = shards[s];
            if (independent) {
                batch.complete(from, to);
            }
            net.setInput(Arrays.copyOfRange(input, 2 * from, 2 * to), Arrays.copyOfRange(tau, from, to),
                    labels == null ? null : Arrays.copyOfRange(labels, from, to));
            double[] out = net.forward();
            double[] dOut = new double[2 * (to - from)];
            for (int i = from; i < to; i++) {
                int r = 2 * (i - from);
                double dx = out[r] - target[2 * i];
                double dy = out[r + 1] - target[2 * i + 1];
                pointLoss[i] = weight[i] * (dx * dx + dy * dy);
                dOut[r] = 2 * weight[i] * dx / b;
                dOut[r + 1] = 2 * weight[i] * dy / b;
            }
            net.backward(dOut);
        });
        double loss = 0;
        for (int i = 0; i < b; i++) {
            loss += pointLoss[i];
            profile.add(times[i], pointLoss[i]);
        }
        double done = optimisation.update(loss / b, shards);
        if (!Double.isNaN(done)) {
            profile.endStep();
        }
        return done;
    }

    /** One step's network inputs and regression targets, filled point by point. */
    private final class Batch {
        final int[] labels;
        final int[] index;
        final double[] input;
        final double[] tau;
        final double[] target;
        final double[] weight;
        final double[] times;
        /** An independent batch's drawn uniforms: two per point for its time, two for its noise. */
        final double[] drawn;
        final double[] noise;

        Batch(int b) {
            labels = architecture.classes() > 0 ? new int[b] : null;
            index = new int[b];
            input = new double[2 * b];
            tau = new double[b];
            target = new double[2 * b];
            weight = new double[b];
            times = new double[b];
            drawn = new double[2 * b];
            noise = new double[2 * b];
        }

        int size() {
            return weight.length;
        }

        /**
         * Points from … to − 1 of an independent batch from their drawn uniforms: the time, the
         * noise (Box–Muller) and {@link #put}. Touches nothing else, so shards complete their own
         * points at the same time.
         */
        void complete(int from, int to) {
            double[] y = new double[2];
            for (int i = from; i < to; i++) {
                double t = trainingTimes.time(drawn, 2 * i);
                SeededRandom.gaussianPair(noise, 2 * i);
                int k = index[i];
                put(i, t, pool.x(k), pool.y(k), noise[2 * i], noise[2 * i + 1], k, y);
            }
        }

        /**
         * Point i: data point (x0x, x0y) of pool index k and noise or source point (x1x, x1y) at time t,
         * {@code x_t = α(t)x0 + σ(t)x1}, with the objective's target and weight ({@code y} is scratch
         * of two values); its label is set apart.
         */
        void put(int i, double t, double x0x, double x0y, double x1x, double x1y, int k, double[] y) {
            Coefficients c = parameterization.schedule().at(t);
            double scale = parameterization.inputScale(c);
            input[2 * i] = scale * (c.alpha() * x0x + c.sigma() * x1x);
            input[2 * i + 1] = scale * (c.alpha() * x0y + c.sigma() * x1y);
            tau[i] = parameterization.timeInput(c);
            weight[i] = parameterization.target(c, x0x, x0y, x1x, x1y, y);
            target[2 * i] = y[0];
            target[2 * i + 1] = y[1];
            times[i] = t;
            index[i] = k;
        }
    }

    /**
     * x0 from the pool, ε ~ N(0, I), t from the objective's distribution, the label: one draw after
     * another per point, in the stream's order. Only the uniforms are drawn here; the shards turn
     * them into times and noise ({@link Batch#complete}), the same bits on any thread.
     */
    private void drawIndependent(Batch batch) {
        for (int i = 0; i < batch.size(); i++) {
            int k = random.nextInt(pool.size());
            trainingTimes.drawUniforms(random, batch.drawn, 2 * i);
            random.nextGaussianUniforms(batch.noise, 2 * i);
            batch.index[i] = k;
            if (batch.labels != null) {
                batch.labels[i] = label(k);
            }
        }
    }

    /**
     * Flow matching's pairs: Reflow's fixed pairs, or a batch of x0 and a batch of x1 paired by the
     * coupling; then t ~ U[0, 1] per pair.
     */
    private void drawPairs(Batch batch) {
        int b = batch.size();
        double[] x0 = new double[2 * b];
        double[] x1 = new double[2 * b];
        int[] index = new int[b];
        for (int i = 0; i < b; i++) {
            int k = random.nextInt(pool.size());
            index[i] = k;
            x0[2 * i] = pool.x(k);
            x0[2 * i + 1] = pool.y(k);
            if (pairData != null) {
                x1[2 * i] = pairSource[2 * k];
                x1[2 * i + 1] = pairSource[2 * k + 1];
            } else if (sourcePool != null) {
                int j = random.nextInt(sourcePool.size());
                x1[2 * i] = sourcePool.x(j);
                x1[2 * i + 1] = sourcePool.y(j);
            } else {
                random.nextGaussianPair(x1, 2 * i);
            }
        }
        if (pairData == null) {
            x1 = flow.coupling().partners(x0, x1, random);
        }
        double[] y = new double[2];
        for (int i = 0; i < b; i++) {
            batch.put(i, trainingTimes.uniform(random), x0[2 * i], x0[2 * i + 1], x1[2 * i], x1[2 * i + 1], index[i], y);
            if (batch.labels != null) {
                batch.labels[i] = label(index[i]);
            }
        }
    }

    /**
     * The label a point trains with: "none" with the settings' label dropout probability, or for
     * unlabelled data; its own label otherwise.
     */
    private int label(int k) {
        return random.nextUniform() < settings.labelDropout() || !pool.hasLabels()
                ? architecture.noneLabel() : Math.min(pool.label(k), architecture.noneLabel() - 1);
    }

    /** The current model: EMA weights when enabled, else the raw weights. */
    public TrainedModel snapshot() {
        return new TrainedModel(architecture, parameterization, optimisation.weights(), settings, data.id(), steps(),
                smoothedLoss(), flow);
    }

    /** The label column of the last step's batch (null for a network without classes). */
    int[] lastBatchLabels() {
        return lastLabels == null ? null : lastLabels.clone();
    }

    /** The pool index of each point of the last step's batch. */
    int[] lastBatchIndices() {
        return lastIndices == null ? null : lastIndices.clone();
    }

    /** The data points batches are drawn from, with their labels. */
    PointSet pool() {
        return pool;
    }

    /** The raw (non-averaged) weights. */
    float[] rawWeights() {
        return network.weights();
    }
}
