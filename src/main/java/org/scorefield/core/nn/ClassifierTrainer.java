package org.scorefield.core.nn;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;

/**
 * Trains a {@link NoisyClassifier} for a model, one optimiser step per {@link #step()}, by
 * cross-entropy on noisy labelled points (Dhariwal &amp; Nichol 2021, §4; docs/math.md §9.2):
 * <pre>
 *   (x0, c) ~ data,  ε ~ N(0, I),  t ~ U[t_low, t_high],  x_t = α(t)x0 + σ(t)ε
 *   L = mean_i −log p_t(c_i | x_t,i)
 * </pre>
 * with t uniform over the model's training range ({@link TrainingTimes}), not the model's p(t):
 * EDM's log-normal p(t) rarely reaches high noise, where a guided sampler spends its first steps,
 * and there an untrained classifier's gradient is large where the true one vanishes. It sees x_t
 * and t as the model's network does (c_in and τ), and is trained by the same optimiser
 * ({@link Optimisation}: Adam, warm-up, clipping, EMA, batch size and seed from the model's
 * {@link TrainingSettings}). Its data pool is the denoiser's (the
 * same points from the same seed); its initial weights and batches have streams of their own.
 * Not thread-safe.
 */
public final class ClassifierTrainer {

    private final Architecture architecture;
    private final Parameterization parameterization;
    private final TrainingSettings settings;
    private final PointSet pool;
    private final TrainingTimes times;
    private final Mlp network;
    private final Optimisation optimisation;
    private final SeededRandom random;

    /**
     * @param data             labelled data, its labels 0 … classes − 1
     * @param parameterization the model's
     * @param architecture     the classifier's network ({@link NoisyClassifier#architectureFor})
     * @param settings         the model's training settings
     */
    public ClassifierTrainer(DataDistribution data, Parameterization parameterization, Architecture architecture,
                             TrainingSettings settings) {
        this.pool = Trainer.trainingSet(data, settings.seed());
        InvalidInputException.require(pool.hasLabels(), "A classifier learns the data's classes, and "
                + data.id() + " has none.");
        InvalidInputException.require(pool.labelCount() <= architecture.outputs(), "The classifier tells "
                + architecture.outputs() + " classes apart, but " + data.id() + " has " + pool.labelCount() + ".");
        this.architecture = architecture;
        this.parameterization = parameterization;
        this.settings = settings;
        this.times = new TrainingTimes(parameterization, settings);
        this.network = new Mlp(architecture, DataType.FLOAT, SeededRandom.derive(settings.seed(), "classifier"));
        this.optimisation = new Optimisation(network, settings);
        this.random = new SeededRandom(SeededRandom.derive(settings.seed(), "classifier-batches"));
    }

    /**
     * One optimiser step on a fresh batch; returns its mean cross-entropy. After a failure, returns
     * NaN and changes nothing.
     */
    public double step() {
        if (optimisation.failure().isPresent()) {
            return Double.NaN;
        }
        int b = settings.batch();
        int k = architecture.outputs();
        double[] input = new double[2 * b];
        double[] tau = new double[b];
        int[] labels = new int[b];
        double[] eps = new double[2];
        for (int i = 0; i < b; i++) {
            int j = random.nextInt(pool.size());
            double t = times.uniform(random);
            random.nextGaussianPair(eps, 0);
            Coefficients c = parameterization.schedule().at(t);
            double scale = parameterization.inputScale(c);
            input[2 * i] = scale * (c.alpha() * pool.x(j) + c.sigma() * eps[0]);
            input[2 * i + 1] = scale * (c.alpha() * pool.y(j) + c.sigma() * eps[1]);
            tau[i] = parameterization.timeInput(c);
            labels[i] = pool.label(j);
        }
        network.setInput(input, tau, null);
        double[] log = NoisyClassifier.logSoftmax(network.forward(), k);
        // ∂L/∂logit_k = (p_k − [k = c])/b for the mean cross-entropy
        double loss = 0;
        double[] dOut = new double[b * k];
        for (int i = 0; i < b; i++) {
            loss -= log[i * k + labels[i]];
            for (int c = 0; c < k; c++) {
                dOut[i * k + c] = (Math.exp(log[i * k + c]) - (c == labels[i] ? 1 : 0)) / b;
            }
        }
        return optimisation.step(loss / b, dOut);
    }

    /** Optimiser steps taken. */
    public long steps() {
        return optimisation.steps();
    }

    /** An exponential average of the cross-entropy. */
    public double smoothedLoss() {
        return optimisation.smoothedLoss();
    }

    /** Why training stopped, once a step failed. */
    public Optional<String> failure() {
        return optimisation.failure();
    }

    /** The classifier now: EMA weights when enabled, else the raw weights. */
    public NoisyClassifier snapshot() {
        return new NoisyClassifier(architecture, parameterization, optimisation.weights(), steps());
    }

    /**
     * Fresh noisy labelled points at one time, to measure a classifier on:
     * {@code x_t = α(t)x0 + σ(t)ε} for n draws (x0, c) of the data.
     */
    public static NoisyPoints noisyPoints(DataDistribution data, Parameterization parameterization, double t, int n,
                                          long seed) {
        PointSet clean = data.sample(n, SeededRandom.derive(seed, "classifier-test-data"));
        InvalidInputException.require(clean.hasLabels(), data.id() + " has no classes to measure a classifier on.");
        Coefficients c = parameterization.schedule().at(t);
        double[] eps = new SeededRandom(SeededRandom.derive(seed, "classifier-test-noise")).gaussianPoints(n);
        double[] xt = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xt[2 * i] = c.alpha() * clean.x(i) + c.sigma() * eps[2 * i];
            xt[2 * i + 1] = c.alpha() * clean.y(i) + c.sigma() * eps[2 * i + 1];
        }
        return new NoisyPoints(t, xt, clean.labels());
    }

    /**
     * Labelled points at time t.
     *
     * @param t      their time
     * @param xt     the noisy points, interleaved
     * @param labels each one's class
     */
    public record NoisyPoints(double t, double[] xt, int[] labels) {

        /** The share of the points whose class is the one given (by a classifier's argmax). */
        public double accuracy(int[] predicted) {
            int right = 0;
            for (int i = 0; i < labels.length; i++) {
                right += predicted[i] == labels[i] ? 1 : 0;
            }
            return labels.length == 0 ? Double.NaN : (double) right / labels.length;
        }
    }

    /** The smallest training time: where x_t is closest to the data. */
    public double smallestTime() {
        return times.low();
    }
}
