package org.scorefield.core.sample;

import org.scorefield.core.schedule.TimeGrid;

/**
 * What a sampling run produced.
 *
 * @param samples      the end points, interleaved
 * @param nfe          number of denoiser calls (network function evaluations)
 * @param grid         the time grid that was used
 * @param trajectories the recorded paths, or null when not asked for
 */
public record SampleResult(double[] samples, long nfe, TimeGrid grid, Trajectories trajectories) {
}
