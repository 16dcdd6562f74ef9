package org.scorefield.core.sample;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * A numerical method that carries points from the prior side of a time grid to its data side
 * through a denoiser (docs/math.md §5). Call order: build one with its constants, then
 * {@link #run} any number of times; a sampler holds no state between runs.
 */
public interface Sampler {

    /**
     * Integrates from {@code xStart} at {@code grid.start()} down to {@code grid.end()}.
     *
     * @param denoiser the model or oracle; every call is one NFE
     * @param xStart   the starting points, interleaved (not modified)
     * @param grid     the times to visit
     * @param noise    the stream of ξ for stochastic steps (unused by deterministic samplers)
     * @param observer told the position at every grid time, in order i = 0..K
     * @return the points at {@code grid.end()}
     */
    double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise, StepObserver observer);

    /**
     * Refuses, before any work, a grid on which this method would blow up rather than return
     * samples; explicit methods override it. Nothing to check by default.
     *
     * @throws org.scorefield.core.InvalidInputException saying what to change
     */
    default void checkStable(Schedule schedule, TimeGrid grid) {
    }
}
