package org.scorefield.core.nn;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * Trains an {@link Mlp} on one objective, one optimiser step per {@link #step()} (the template of
 * book 6.2.5, MATH.md §3):
 * <pre>
 *   x0 ~ data,  ε ~ N(0, I),  t ~ p(t),  x_t = α(t)x0 + σ(t)ε
 *   L = mean_i w_i ‖F(c_in x_t, τ(t)) − y_i‖²
 * </pre>
 * with y, w and p(t) from the {@link Parameterization}: t uniform on [t_min, 1], EDM's
 * {@code ln(σ/α) ~ N(P_mean, P_std²)}, or uniform on [0, 1] for flow matching.
 *
 * <p>Data come from a pool of {@value #POOL} points drawn once (a drawn or loaded point set is its
 * own pool); every draw derives from the settings' seed, so a run is reproducible step by step.
 * A loss or gradient that is not finite stops training before the update: the weights stay those
 * of the last good step, and {@link #failure()} says why. Not thread-safe; see {@link TrainingSession}.
 */
public final class Trainer {

    /** Data points drawn once per run for a distribution that can be sampled freely. */
    public static final int POOL = 16_384;
    /** The probability of replacing a label by "none" (classifier-free guidance, Ho & Salimans 2022). */
    public static final double P_UNCOND = 0.1;
    private static final double SMOOTHING = 0.98;

    private final DataDistribution data;
    private final Parameterization parameterization;
    private final Architecture architecture;
    private final TrainingSettings settings;
    private final PointSet pool;
    private final double tLow;
    private final double tHigh;

    private Mlp network;
    private Adam adam;
    private SeededRandom random;
    private LossProfile profile;
    private long steps;
    private double lastLoss;
    private double smoothedSum;
    private double smoothedWeight;
    private String failure;

    public Trainer(DataDistribution data, Parameterization parameterization, Architecture architecture,
                   TrainingSettings settings) {
        this.data = data;
        this.parameterization = parameterization;
        this.architecture = architecture;
        this.settings = settings;
        this.pool = data.sample(POOL, SeededRandom.derive(settings.seed(), "train-data"));
        Schedule s = parameterization.schedule();
        if (parameterization.objective() == Objective.FLOW_MATCHING) {
            tLow = 0;
            tHigh = 1;
        } else if (parameterization.objective() == Objective.EDM) {
            tLow = s.tMin();
            tHigh = s.tMax();
        } else {
            tLow = Math.max(settings.tMin(), s.tMin());
            tHigh = Math.min(1.0, s.tMax());
        }
        reset();
    }

    /** Back to the seeded initial weights, step 0. */
    public void reset() {
        network = new Mlp(architecture, DataType.FLOAT, settings.seed());
        adam = new Adam(network.parameters());
        random = new SeededRandom(SeededRandom.derive(settings.seed(), "train-batches"));
        profile = new LossProfile();
        steps = 0;
        lastLoss = Double.NaN;
        smoothedSum = 0;
        smoothedWeight = 0;
        failure = null;
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

    /** Optimiser steps taken. */
    public long steps() {
        return steps;
    }

    /** The loss of the last step (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    /** An exponential average of the loss (bias-corrected), what a chart shows. */
    public double smoothedLoss() {
        return smoothedWeight == 0 ? Double.NaN : smoothedSum / smoothedWeight;
    }

    /** The running loss per t bin (see {@link LossProfile}). */
    public double[] lossProfile() {
        return profile.snapshot();
    }

    /** Why training stopped, once a step failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * One optimiser step; returns its loss. After a failure, returns NaN and changes nothing
     * until {@link #reset()}.
     */
    public double step() {
        if (failure != null) {
            return Double.NaN;
        }
        int b = settings.batch();
        int[] labels = architecture.classes() > 0 ? new int[b] : null;
        double[] input = new double[2 * b];
        double[] tau = new double[b];
        double[] target = new double[2 * b];
        double[] weight = new double[b];
        double[] times = new double[b];
        double[] eps = new double[2];
        double[] pair = new double[2];
        double[] y = new double[2];
        Schedule schedule = parameterization.schedule();
        for (int i = 0; i < b; i++) {
            int k = random.nextInt(pool.size());
            double t = drawTime(pair);
            random.nextGaussianPair(eps, 0);
            Coefficients c = schedule.at(t);
            double px = pool.x(k);
            double py = pool.y(k);
            double scale = parameterization.inputScale(c);
            input[2 * i] = scale * (c.alpha() * px + c.sigma() * eps[0]);
            input[2 * i + 1] = scale * (c.alpha() * py + c.sigma() * eps[1]);
            tau[i] = parameterization.timeInput(c);
            weight[i] = parameterization.target(c, px, py, eps[0], eps[1], y);
            target[2 * i] = y[0];
            target[2 * i + 1] = y[1];
            times[i] = t;
            if (labels != null) {
                labels[i] = random.nextUniform() < P_UNCOND || !pool.hasLabels()
                        ? architecture.noneLabel() : Math.min(pool.label(k), architecture.noneLabel() - 1);
            }
        }
        network.setInput(input, tau, labels);
        double[] out = network.forward();
        double loss = 0;
        double[] dOut = new double[2 * b];
        for (int i = 0; i < b; i++) {
            double dx = out[2 * i] - target[2 * i];
            double dy = out[2 * i + 1] - target[2 * i + 1];
            double li = weight[i] * (dx * dx + dy * dy);
            loss += li;
            profile.add(times[i], li);
            dOut[2 * i] = 2 * weight[i] * dx / b;
            dOut[2 * i + 1] = 2 * weight[i] * dy / b;
        }
        loss /= b;
        if (!Double.isFinite(loss)) {
            return fail("the loss became " + describe(loss));
        }
        network.backward(dOut);
        double norm = Adam.norm(network.gradients());
        if (!Double.isFinite(norm)) {
            return fail("the gradient became " + describe(norm));
        }
        adam.apply(network.parameters(), network.gradients(), norm, settings);
        profile.endStep();
        steps++;
        lastLoss = loss;
        smoothedSum = SMOOTHING * smoothedSum + (1 - SMOOTHING) * loss;
        smoothedWeight = SMOOTHING * smoothedWeight + (1 - SMOOTHING);
        return loss;
    }

    private double drawTime(double[] pair) {
        if (parameterization.objective() == Objective.EDM) {
            random.nextGaussianPair(pair, 0);
            double ratio = Math.exp(EdmPreconditioning.P_MEAN + EdmPreconditioning.P_STD * pair[0]);
            double t = parameterization.schedule().tOfNoiseToSignal(ratio);
            return Math.min(tHigh, Math.max(tLow, Double.isNaN(t) ? tHigh : t));
        }
        return random.nextUniform(tLow, tHigh);
    }

    private static String describe(double v) {
        return Double.isNaN(v) ? "NaN" : "infinite";
    }

    private double fail(String what) {
        String hint = settings.learningRate() > TrainingSettings.DEFAULT_LEARNING_RATE
                ? String.format(" The learning rate %.3g is probably too high: try %.3g.", settings.learningRate(),
                TrainingSettings.DEFAULT_LEARNING_RATE)
                : " Try a lower learning rate, or check the data and the process constants.";
        failure = String.format("Training stopped at step %d: %s. The weights of step %d are kept.%s",
                steps + 1, what, steps, hint);
        return Double.NaN;
    }

    /** The current model: EMA weights when enabled, else the raw weights. */
    public TrainedModel snapshot() {
        float[] w = settings.ema() ? HostCopy.readFloats(adam.ema()) : network.weights();
        return new TrainedModel(architecture, parameterization, w, settings, data.id(), steps, smoothedLoss());
    }

    /** The raw (non-averaged) weights. */
    float[] rawWeights() {
        return network.weights();
    }
}
