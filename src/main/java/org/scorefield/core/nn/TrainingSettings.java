package org.scorefield.core.nn;

import org.scorefield.core.InvalidInputException;

/**
 * How a network is trained. Defaults were chosen with the quality benchmark ({@code bench} and
 * the table in the training issue): they reach SW2 ≤ 1.5 × the noise floor on every preset.
 *
 * @param batch        points per step
 * @param learningRate Adam's step size after warm-up
 * @param warmupSteps  steps over which the learning rate rises linearly from 0 (0 = none)
 * @param clipNorm     the largest global gradient norm; larger gradients are scaled down (∞ = off)
 * @param ema          whether sampling uses the exponential moving average of the weights
 * @param emaDecay     the EMA's decay, reached gradually: {@code min(decay, (1 + k)/(10 + k))} at step k
 * @param tMin         the smallest training time (uniform t on [t_min, 1]; EDM and FM ignore it)
 * @param seed         initial weights, data draws and noise all derive from it
 * @param labelDropout the probability that a conditional network trains on a point with its label replaced
 *                     by "none" (the null class of classifier-free guidance, Ho &amp; Salimans 2022; docs/math.md
 *                     §9.1), in [0, 1); unused by a network without classes
 */
public record TrainingSettings(int batch, double learningRate, int warmupSteps, double clipNorm, boolean ema,
                               double emaDecay, double tMin, long seed, double labelDropout) {

    public static final int DEFAULT_BATCH = 512;
    public static final double DEFAULT_LEARNING_RATE = 1e-2;
    public static final int DEFAULT_WARMUP = 100;
    public static final double DEFAULT_CLIP = 1.0;
    public static final double DEFAULT_EMA_DECAY = 0.999;
    public static final double DEFAULT_T_MIN = 1e-3;
    /** Ho &amp; Salimans (2022) train with p_uncond = 0.1 (they found 0.1–0.2 best); so do we. */
    public static final double DEFAULT_LABEL_DROPOUT = 0.1;
    public static final int MAX_BATCH = 65_536;

    public TrainingSettings {
        InvalidInputException.require(batch >= 1 && batch <= MAX_BATCH,
                "The batch size must lie between 1 and " + MAX_BATCH + ", got " + batch + ".");
        InvalidInputException.require(learningRate > 0 && learningRate <= 1,
                "The learning rate must lie in (0, 1], got " + learningRate + ".");
        InvalidInputException.require(warmupSteps >= 0, "Warm-up steps cannot be negative.");
        InvalidInputException.require(clipNorm > 0, "The gradient clipping norm must be positive (∞ turns it off).");
        InvalidInputException.require(emaDecay >= 0 && emaDecay < 1,
                "The EMA decay must lie in [0, 1), got " + emaDecay + ".");
        InvalidInputException.require(tMin >= 0 && tMin < 0.5,
                "t_min must lie in [0, 0.5), got " + tMin + ".");
        InvalidInputException.require(labelDropout >= 0 && labelDropout < 1,
                "The label dropout must lie in [0, 1), got " + labelDropout + ".");
    }

    /** Settings with the default label dropout ({@value #DEFAULT_LABEL_DROPOUT}). */
    public TrainingSettings(int batch, double learningRate, int warmupSteps, double clipNorm, boolean ema,
                            double emaDecay, double tMin, long seed) {
        this(batch, learningRate, warmupSteps, clipNorm, ema, emaDecay, tMin, seed, DEFAULT_LABEL_DROPOUT);
    }

    public static TrainingSettings defaults(long seed) {
        return new TrainingSettings(DEFAULT_BATCH, DEFAULT_LEARNING_RATE, DEFAULT_WARMUP, DEFAULT_CLIP, true,
                DEFAULT_EMA_DECAY, DEFAULT_T_MIN, seed, DEFAULT_LABEL_DROPOUT);
    }

    public TrainingSettings withBatch(int b) {
        return new TrainingSettings(b, learningRate, warmupSteps, clipNorm, ema, emaDecay, tMin, seed, labelDropout);
    }

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(batch, lr, warmupSteps, clipNorm, ema, emaDecay, tMin, seed, labelDropout);
    }

    public TrainingSettings withEma(boolean on) {
        return new TrainingSettings(batch, learningRate, warmupSteps, clipNorm, on, emaDecay, tMin, seed, labelDropout);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(batch, learningRate, warmupSteps, clipNorm, ema, emaDecay, tMin, s, labelDropout);
    }

    /** The same settings with label dropout p (the probability of the "none" label), 0 ≤ p &lt; 1. */
    public TrainingSettings withLabelDropout(double p) {
        return new TrainingSettings(batch, learningRate, warmupSteps, clipNorm, ema, emaDecay, tMin, seed, p);
    }
}
