package org.scorefield.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.schedule.Coefficients;

/**
 * A classifier of noisy points, {@code p_t(c | x_t)}, for classifier guidance (Dhariwal &amp; Nichol
 * 2021; book 8.2; docs/math.md §9.2):
 * <pre>
 *   logits = F(c_in·x_t, τ(t))          an {@link Mlp} with K outputs, no label input
 *   log p_t(c | x_t) = logit_c − log Σ_k exp(logit_k)
 *   ∇_x log p_t(c | x_t) = c_in · Σ_k (δ_ck − p_k) ∂logit_k/∂(c_in x)
 * </pre>
 * It sees x_t and t as its model's denoiser network does ({@link Parameterization}: c_in and τ,
 * docs/math.md §3.9), and is trained by {@link ClassifierTrainer} on the same times.
 *
 * <p>Immutable apart from its evaluator, which is built on first use; the evaluations are
 * synchronised, so one classifier may be shared between threads (one call at a time).
 */
public final class NoisyClassifier {

    /** Neurons per hidden layer of the default classifier. */
    public static final int DEFAULT_WIDTH = 64;
    /** Hidden layers of the default classifier. */
    public static final int DEFAULT_DEPTH = 2;

    private final Architecture architecture;
    private final Parameterization parameterization;
    private final float[] weights;
    private final long steps;
    private final DataType type;
    private Mlp network;

    /**
     * @param architecture     its network: no label input, one output per class (two or more)
     * @param parameterization the model's, for c_in and τ
     * @param weights          in {@link Mlp#weights()} order
     * @param steps            optimiser steps it was trained for
     */
    public NoisyClassifier(Architecture architecture, Parameterization parameterization, float[] weights, long steps) {
        this(architecture, parameterization, weights, steps, DataType.FLOAT);
    }

    /** In another precision (DOUBLE for gradient checks). */
    NoisyClassifier(Architecture architecture, Parameterization parameterization, float[] weights, long steps,
                    DataType type) {
        InvalidInputException.require(architecture.classes() == 0 && architecture.outputs() >= 2,
                "A noisy classifier takes no label and gives two classes or more.");
        if (weights.length != architecture.parameterCount()) {
            throw new IllegalArgumentException("expected " + architecture.parameterCount() + " weights, got "
                    + weights.length);
        }
        this.architecture = architecture;
        this.parameterization = parameterization;
        this.weights = weights.clone();
        this.steps = steps;
        this.type = type;
    }

    /**
     * The default classifier's shape for a model's network: 2 hidden layers of 64 SiLU units, the
     * model's time embedding, K logits out.
     */
    public static Architecture architectureFor(Architecture denoiser, int classes) {
        return new Architecture(DEFAULT_WIDTH, DEFAULT_DEPTH, Activation.SILU, false, denoiser.embedding(),
                denoiser.frequencies(), 0, denoiser.embeddingSeed(), classes);
    }

    /** K, the classes it tells apart (0 … K − 1). */
    public int classes() {
        return architecture.outputs();
    }

    public Architecture architecture() {
        return architecture;
    }

    /** The model's parameterization, whose c_in and τ it sees. */
    public Parameterization parameterization() {
        return parameterization;
    }

    /** A copy of the weights. */
    public float[] weights() {
        return weights.clone();
    }

    /** Optimiser steps it was trained for. */
    public long steps() {
        return steps;
    }

    /** log p_t(c | x_t) for every point and class: {@code n × K} values, row by row. */
    public synchronized double[] logProbabilities(double[] xt, double t) {
        if (xt.length == 0) {
            return new double[0];
        }
        return logSoftmax(logits(xt, coefficients(t)));
    }

    /** ∇_x log p_t(c | x_t) at each point for class c: {@code n × 2} values, interleaved. */
    public synchronized double[] gradLogProbability(double[] xt, double t, int c) {
        checkClass(c);
        if (xt.length == 0) {
            return new double[0];
        }
        Coefficients coefficients = coefficients(t);
        double[] log = logSoftmax(logits(xt, coefficients));
        int k = classes();
        double[] dOut = new double[log.length];
        for (int i = 0; i < log.length; i++) {
            dOut[i] = (i % k == c ? 1 : 0) - Math.exp(log[i]);
        }
        double[] g = network.positionGradient(dOut);
        // the network saw c_in·x
        double scale = parameterization.inputScale(coefficients);
        for (int i = 0; i < g.length; i++) {
            g[i] *= scale;
        }
        return g;
    }

    /** The most probable class of each point. */
    public int[] classify(double[] xt, double t) {
        return argmax(logProbabilities(xt, t), classes());
    }

    /** The index of the largest value in each row of {@code k} values (the first on a tie). */
    public static int[] argmax(double[] rows, int k) {
        int[] best = new int[rows.length / k];
        for (int i = 0; i < best.length; i++) {
            for (int c = 1; c < k; c++) {
                if (rows[i * k + c] > rows[i * k + best[i]]) {
                    best[i] = c;
                }
            }
        }
        return best;
    }

    private Coefficients coefficients(double t) {
        return parameterization.schedule().at(t);
    }

    private double[] logits(double[] xt, Coefficients c) {
        if (network == null) {
            network = new Mlp(architecture, type, weights);
        }
        return network.forwardAtTime(parameterization.networkInput(c, xt), parameterization.timeInput(c), 0);
    }

    /**
     * Each row of K logits minus its log-sum-exp (shifted by its largest value, so it stays finite;
     * a row's −∞ entries stay −∞). The exact classifiers normalise their log-joints with it too.
     */
    public static double[] logSoftmax(double[] logits, int k) {
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length / k; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, logits[i * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logits[i * k + c] - max);
            }
            double log = max + Math.log(sum);
            for (int c = 0; c < k; c++) {
                out[i * k + c] = logits[i * k + c] - log;
            }
        }
        return out;
    }

    private double[] logSoftmax(double[] logits) {
        return logSoftmax(logits, classes());
    }

    private void checkClass(int c) {
        InvalidInputException.require(c >= 0 && c < classes(), "The class must lie between 0 and " + (classes() - 1)
                + ", got " + c + ".");
    }
}
