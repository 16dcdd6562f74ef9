package org.scorefield.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.sample.Trajectories;

/**
 * A model's samples as it trains, for the training animation: the trainer runs {@code steps}
 * steps, and at {@code count} evenly spaced steps (the last one included) the model of that moment
 * samples {@code n} points from the same seed, so that frame to frame only the model changes.
 */
public final class TrainingSnapshots {

    /**
     * The model's samples at one step.
     *
     * @param step    optimiser steps taken
     * @param loss    the smoothed loss then
     * @param samples the sampling paths (their end points are the samples)
     */
    public record Snapshot(long step, double loss, Trajectories samples) {
    }

    private TrainingSnapshots() {
    }

    /**
     * Trains and samples.
     *
     * @param cancelled asked between steps; true stops with what there is
     * @throws InvalidInputException if training diverges, naming the step
     */
    public static List<Snapshot> record(Trainer trainer, long steps, int count, SamplerSettings sampler, int n,
                                        long seed, BooleanSupplier cancelled) {
        InvalidInputException.require(steps >= 1 && steps <= 1_000_000, "Training steps must lie between 1 and "
                + "1000000, got " + steps + ".");
        InvalidInputException.require(count >= 1 && count <= 1000, "Snapshots must lie between 1 and 1000, got "
                + count + ".");
        List<Snapshot> out = new ArrayList<>();
        long start = trainer.steps();
        for (int k = 1; k <= count && !cancelled.getAsBoolean(); k++) {
            long until = start + Math.round((double) steps * k / count);
            while (trainer.steps() < until && !cancelled.getAsBoolean()) {
                trainer.step();
                if (trainer.failure().isPresent()) {
                    throw new InvalidInputException("Training stopped at step " + trainer.steps() + ": "
                            + trainer.failure().get());
                }
            }
            TrainedModel model = trainer.snapshot();
            Trajectories paths = Sampling.fromSource(model.denoiser(), sampler, model.flow().source(), n, seed,
                    Recording.POSITIONS).trajectories();
            out.add(new Snapshot(trainer.steps(), trainer.smoothedLoss(), paths));
        }
        return out;
    }
}
