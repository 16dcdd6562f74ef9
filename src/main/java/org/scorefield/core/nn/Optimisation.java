package org.scorefield.core.nn;

import java.util.Optional;

/**
 * One network's optimisation, shared by every trainer: given a batch's loss and ∂L/∂out after the
 * forward pass, the backward pass, then {@link Adam} with the settings' warm-up, global-norm
 * clipping and EMA (docs/math.md §3.6), and the bookkeeping of steps and losses. A loss or gradient
 * that is not finite stops the optimisation before the update: the weights stay those of the last
 * good step, and {@link #failure()} says why. Not thread-safe.
 */
final class Optimisation {

    private static final double SMOOTHING = 0.98;

    private final Mlp network;
    private final Adam adam;
    private final TrainingSettings settings;
    private int threads;
    private long steps;
    private double lastLoss = Double.NaN;
    private double smoothedSum;
    private double smoothedWeight;
    private String failure;

    Optimisation(Mlp network, TrainingSettings settings) {
        this(network, settings, 1);
    }

    /** On {@code threads} threads (1 or 2; the same result either way). */
    Optimisation(Mlp network, TrainingSettings settings, int threads) {
        this.network = network;
        this.settings = settings;
        this.threads = threads;
        this.adam = new Adam(network.parameters());
    }

    /** The next updates on {@code count} threads (1 or 2). */
    void threads(int count) {
        threads = count;
    }

    /**
     * Goes on from a saved model's step count and loss (the moments start afresh).
     */
    void resumeAt(long savedSteps, double loss) {
        steps = savedSteps;
        if (Double.isFinite(loss)) {
            lastLoss = loss;
            smoothedSum = loss;
            smoothedWeight = 1;
        }
    }

    /**
     * One optimiser step from the last forward pass's loss and ∂L/∂out; returns the loss, or NaN
     * when it or the gradient is not finite (then, and after any failure, nothing changes).
     */
    double step(double loss, double[] dLossdOut) {
        if (failure != null) {
            return Double.NaN;
        }
        if (!Double.isFinite(loss)) {
            return fail("the loss became " + describe(loss));
        }
        network.backward(dLossdOut);
        return update(loss, network);
    }

    /**
     * One optimiser step from a batch's loss and the gradients its shards' backward passes left in
     * the given networks (this one's network and those {@link Mlp#sharingWeights sharing} its
     * weights), summed in their order; returns the loss, or NaN when it or the gradient is not
     * finite (then, and after any failure, nothing changes).
     */
    double update(double loss, Mlp... shards) {
        if (failure != null) {
            return Double.NaN;
        }
        if (!Double.isFinite(loss)) {
            return fail("the loss became " + describe(loss));
        }
        org.nd4j.linalg.api.ndarray.INDArray[] parts = new org.nd4j.linalg.api.ndarray.INDArray[shards.length];
        for (int k = 0; k < shards.length; k++) {
            parts[k] = shards[k].gradients();
        }
        double norm = adam.gradient(threads, parts);
        if (!Double.isFinite(norm)) {
            return fail("the gradient became " + describe(norm));
        }
        adam.apply(network.parameters(), norm, settings, threads);
        steps++;
        lastLoss = loss;
        smoothedSum = SMOOTHING * smoothedSum + (1 - SMOOTHING) * loss;
        smoothedWeight = SMOOTHING * smoothedWeight + (1 - SMOOTHING);
        return loss;
    }

    /** Optimiser steps taken. */
    long steps() {
        return steps;
    }

    /** The loss of the last step (NaN before the first). */
    double lastLoss() {
        return lastLoss;
    }

    /** An exponential average of the loss (bias-corrected), what a chart shows. */
    double smoothedLoss() {
        return smoothedWeight == 0 ? Double.NaN : smoothedSum / smoothedWeight;
    }

    /** Why the optimisation stopped, once a step failed. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The weights to use: the EMA when enabled, else the raw weights. */
    float[] weights() {
        return settings.ema() ? adam.ema() : network.weights();
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
}
