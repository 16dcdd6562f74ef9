package org.scorefield.core.nn;

import java.util.Optional;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.metric.ModeCoverage;
import org.scorefield.core.metric.SampleQuality;

/**
 * Trains until the model's samples are within a factor of the noise floor (SW2, docs/math.md §11.6) and
 * hit every mode of a mixture, checking every few hundred steps with Heun at its default steps;
 * or until a time budget runs out. The yardstick of {@code bench} and of the quality table.
 */
public final class TrainToQuality {

    /** Points sampled at each check. */
    public static final int CHECK_POINTS = 1000;

    /**
     * @param reached        whether the target was met
     * @param steps          optimiser steps taken
     * @param trainSeconds   time spent in optimiser steps (including drawing the data pool)
     * @param wallSeconds    time including the checks
     * @param ratio          SW2/floor at the last check
     * @param modes          mode coverage at the last check, for a mixture
     * @param model          the model at the last check
     * @param failure        why training stopped, if it failed
     */
    public record Result(boolean reached, long steps, double trainSeconds, double wallSeconds, double ratio,
                         Optional<ModeCoverage.Result> modes, TrainedModel model, Optional<String> failure) {
    }

    private TrainToQuality() {
    }

    /**
     * Builds the trainer (drawing its data pool counts as training time), then trains and checks.
     *
     * @param factor     the target SW2/floor
     * @param checkEvery steps between checks
     * @param maxSeconds training-time budget
     * @param evalSeed   seed of the check samples
     */
    public static Result run(java.util.function.Supplier<Trainer> newTrainer, DataDistribution reference,
                             double factor, int checkEvery, double maxSeconds, long evalSeed) {
        long wallStart = System.nanoTime();
        long trainNanos = 0;
        long t0 = System.nanoTime();
        Trainer trainer = newTrainer.get();
        trainNanos += System.nanoTime() - t0;
        SampleQuality quality = null;
        TrainedModel model = null;
        while (true) {
            t0 = System.nanoTime();
            for (int k = 0; k < checkEvery && trainer.failure().isEmpty(); k++) {
                trainer.step();
            }
            trainNanos += System.nanoTime() - t0;
            if (trainer.failure().isPresent()) {
                break;
            }
            model = trainer.snapshot();
            quality = SampleQuality.of(model.denoiser(), reference, CHECK_POINTS, evalSeed);
            if (quality.within(factor) || trainNanos / 1e9 >= maxSeconds) {
                break;
            }
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        boolean reached = quality != null && quality.within(factor);
        return new Result(reached, trainer.steps(), trainNanos / 1e9, wall,
                quality == null ? Double.NaN : quality.sw2().ratio(),
                quality == null ? Optional.empty() : quality.modes(), model, trainer.failure());
    }
}
