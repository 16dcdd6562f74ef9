package org.scorefield.core.schedule;

import org.scorefield.core.Progress;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.Trajectories;

/**
 * Brownian paths of the forward SDE (docs/math.md §1.4), one per data point, drawn by Euler–Maruyama:
 *
 * <pre>
 *   dx = f(t)·x dt + g(t) dW,      f = α'/α,   g² = 2σσ' − 2(α'/α)σ²
 *   x_{i+1} = x_i + f(t_i)·x_i·h_i + g(t_i)·√h_i·z_i,     z_i ~ N(0, I),   h_i = t_{i+1} − t_i
 * </pre>
 *
 * Each path starts on its fixed-ε path, {@code x(t) = α(t)·x0 + σ(t)·ε} with the point's own ε, at
 * t = 0 and at the schedule's tMin, and runs {@link #STEPS} Euler–Maruyama steps from tMin to tMax on a
 * grid uniform in λ = log(α/σ), which keeps every step's |Δλ| (and so {@code h·g²/σ²} and {@code h·f})
 * small at both ends (docs/math.md §5.11). At every t its law given x0 is the same
 * {@code N(α(t)·x0, σ(t)²I)} as the fixed-ε path's, up to the scheme's O(|Δλ|) error in the variance
 * (under 1 % with these steps); the joint law over several times is not: the fixed-ε path is a smooth
 * curve, this one a Brownian zig-zag whose increments are independent.
 *
 * <p>Positions are kept at every {@link #RECORD_EVERY}-th step; between two kept times a position is
 * interpolated linearly, as a canvas draws a path.
 */
public final class ForwardSdePaths {

    /** Euler–Maruyama steps from tMin to tMax. */
    public static final int STEPS = 2000;
    /** Steps between two kept positions. */
    public static final int RECORD_EVERY = 8;

    private final Schedule schedule;
    /** Kept times, increasing: 0, tMin, …, tMax. */
    private final double[] times;
    /** rows[r] holds every point at times[r], interleaved. */
    private final double[][] rows;

    private ForwardSdePaths(Schedule schedule, double[] times, double[][] rows) {
        this.schedule = schedule;
        this.times = times;
        this.rows = rows;
    }

    /**
     * Draws the paths of every point.
     *
     * @param data     the points x0, interleaved
     * @param eps      each point's own ε (interleaved), where its path starts: {@code α(tMin)·x0 + σ(tMin)·ε}
     * @param schedule the forward process
     * @param seed     the seed of the increments z
     * @param progress checked between steps
     */
    public static ForwardSdePaths draw(double[] data, double[] eps, Schedule schedule, long seed, Progress progress) {
        return draw(data, eps, schedule, seed, STEPS, RECORD_EVERY, progress);
    }

    /** As {@link #draw(double[], double[], Schedule, long, Progress)} with a given number of steps. */
    public static ForwardSdePaths draw(double[] data, double[] eps, Schedule schedule, long seed, int steps,
                                       int recordEvery, Progress progress) {
        if (data.length != eps.length || data.length % 2 != 0) {
            throw new IllegalArgumentException("need one ε per point: " + data.length + " and " + eps.length + " numbers");
        }
        if (steps < 1 || recordEvery < 1 || steps % recordEvery != 0) {
            throw new IllegalArgumentException("steps must be a positive multiple of recordEvery, got " + steps + " and "
                    + recordEvery);
        }
        SeededRandom noise = new SeededRandom(seed);
        double tMin = schedule.tMin();
        TimeGrid down = TimeGrid.uniformLogSnr(schedule, schedule.tMax(), tMin, steps);
        boolean zeroFirst = tMin > 0;
        int kept = steps / recordEvery + 1 + (zeroFirst ? 1 : 0);
        double[] times = new double[kept];
        double[][] rows = new double[kept][];
        int r = 0;
        if (zeroFirst) {
            times[r] = 0;
            rows[r++] = fixed(data, eps, schedule, 0);
        }
        double[] x = fixed(data, eps, schedule, tMin); // Start on the fixed-ε path at tMin.
        times[r] = tMin;
        rows[r++] = x.clone();
        double[] z = new double[x.length];
        for (int i = 0; i < steps; i++) {
            progress.check();
            double t = down.time(steps - i);
            double tNext = down.time(steps - i - 1);
            double h = tNext - t;
            double drift = 1 + schedule.f(t) * h; // x + f·x·h
            double diffusion = Math.sqrt(schedule.g2(t) * h); // g·√h
            noise.fillGaussian(z);
            for (int k = 0; k < x.length; k++) {
                x[k] = drift * x[k] + diffusion * z[k]; // One Euler–Maruyama step.
            }
            if ((i + 1) % recordEvery == 0) {
                times[r] = tNext;
                rows[r++] = x.clone();
                progress.update("Euler\u2013Maruyama", (i + 1.0) / steps);
            }
        }
        return new ForwardSdePaths(schedule, times, rows);
    }

    private static double[] fixed(double[] data, double[] eps, Schedule schedule, double t) {
        double a = schedule.alpha(t);
        double s = schedule.sigma(t);
        double[] out = new double[data.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = a * data[k] + s * eps[k];
        }
        return out;
    }

    /** The process the paths follow. */
    public Schedule schedule() {
        return schedule;
    }

    /** Number of points. */
    public int size() {
        return rows[0].length / 2;
    }

    /** The kept times, increasing from 0 (or tMin) to tMax. */
    public double[] times() {
        return times.clone();
    }

    /** Every point at time t (interleaved), linear between kept times; held at the ends outside them. */
    public double[] at(double t) {
        int last = times.length - 1;
        if (t <= times[0]) {
            return rows[0].clone();
        }
        if (t >= times[last]) {
            return rows[last].clone();
        }
        int r = 0;
        while (times[r + 1] < t) {
            r++;
        }
        double w = (t - times[r]) / (times[r + 1] - times[r]);
        double[] out = new double[rows[r].length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (1 - w) * rows[r][k] + w * rows[r + 1][k];
        }
        return out;
    }

    /**
     * The paths of the first {@code count} points as a canvas draws sampling paths, whose times fall: row r
     * at time {@code 1 − times[r]}. Drawn at the scrubber time {@code 1 − t}, each runs from its data
     * point up to its position at t.
     */
    public Trajectories reversed(int count) {
        int n = Math.min(count, size());
        double[] tau = new double[times.length];
        double[][] pos = new double[times.length][];
        for (int r = 0; r < times.length; r++) {
            tau[r] = 1 - times[r];
            pos[r] = java.util.Arrays.copyOf(rows[r], 2 * n);
        }
        return new Trajectories(tau, pos, null);
    }
}
