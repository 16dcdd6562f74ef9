package org.scorefield.core.flow;

import org.scorefield.core.Progress;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.sample.Trajectories;

/**
 * Euler's method for a flow on the whole interval, from the source at t = 1 to the data at t = 0 in
 * K equal steps (docs/math.md §8.6):
 * <pre>
 *   x_{t − 1/K} = x_t − (1/K) û(x_t, t),   t = 1, 1 − 1/K, …, 1/K
 * </pre>
 * exactly K velocity evaluations (NFE = K), none at t = 0. A straight flow at constant speed is
 * followed exactly by any K, which is what 1-step and 2-step sampling after Reflow measure. The
 * diffusion samplers stop at t_min and add a denoising step instead; for flows this is the same
 * map with one more evaluation.
 */
public final class FlowEuler {

    private FlowEuler() {
    }

    /** The end points after K steps from the sources z (interleaved; not modified). */
    public static double[] sample(Denoiser flow, double[] z, int steps) {
        return run(flow, z, steps, false, Progress.NONE).positions()[1];
    }

    /**
     * K steps from z, recording every position: row r holds all points at t = 1 − r/K, so rows 0
     * and K are the sources and the samples.
     */
    public static Trajectories trajectories(Denoiser flow, double[] z, int steps) {
        return run(flow, z, steps, true, Progress.NONE);
    }

    /** As {@link #trajectories(Denoiser, double[], int)}, checking {@code progress} for a cancel before each step. */
    public static Trajectories trajectories(Denoiser flow, double[] z, int steps, Progress progress) {
        return run(flow, z, steps, true, progress);
    }

    private static Trajectories run(Denoiser flow, double[] z, int steps, boolean record, Progress progress) {
        if (steps < 1) {
            throw new IllegalArgumentException("Euler needs at least one step, got " + steps);
        }
        double[] times = new double[record ? steps + 1 : 2];
        double[][] rows = new double[times.length][];
        times[0] = 1;
        rows[0] = z.clone();
        double[] x = z.clone();
        double h = 1.0 / steps;
        for (int k = 0; k < steps; k++) {
            progress.check();
            double t = 1 - k * h;
            double[] u = flow.velocity(x, t);
            for (int i = 0; i < x.length; i++) {
                x[i] -= h * u[i];
            }
            if (record) {
                times[k + 1] = k + 1 == steps ? 0 : 1 - (k + 1) * h;
                rows[k + 1] = x.clone();
            }
        }
        if (!record) {
            times[1] = 0;
            rows[1] = x;
        }
        return new Trajectories(times, rows, null);
    }
}
