package org.scorefield.core.metric;

import org.scorefield.core.sample.Trajectories;

/**
 * How far sampled paths are from straight lines run at constant speed (docs/math.md §8.8, book 5.4),
 * measured on recorded trajectories.
 *
 * <p>Our time runs from the source at the first recorded time (t = 1: x1, the start) to the data at
 * the last (t ≈ 0: x0, the end). Over the span {@code T = t_first − t_last} a straight path at
 * constant speed has velocity {@code dx/dt = (x1 − x0)/T} throughout; the straightness integrates
 * the squared deviation of the actual velocity from it:
 *
 * <pre>
 *   S = E ∫ ‖(x1 − x0)/T − dx/dt‖² dt
 *     ≈ (1/N) Σ_particles Σ_r |t_{r+1} − t_r| · ‖(x1 − x0)/T − (x_{r+1} − x_r)/(t_{r+1} − t_r)‖²
 * </pre>
 *
 * For T = 1 this is docs/math.md §8.8's {@code ∫_0^1 E‖(x1 − x0) − û(x_t, t)‖² dt} with û the velocity
 * the model actually followed, discretised with one constant velocity per recorded segment. Since
 * the mean of the velocity over the span is the chord velocity, S also equals
 * {@code E ∫‖dx/dt‖² dt − E‖x1 − x0‖²/T}: the kinetic energy wasted relative to the straight path.
 *
 * <p>S is a velocity measure, not a shape measure: it is exactly 0 (up to rounding) for straight
 * paths at constant speed, on any time grid, but a straight path run at varying speed scores
 * S &gt; 0. That is the property Reflow aims for: Euler steps of any size follow a constant-velocity
 * path exactly, so such a flow can be sampled in one step.
 *
 * <p>Measure the paths a flow actually follows: a final denoising row (the jump from t_min to
 * x̂0 at t = 0) is not ODE motion except on the linear schedule, and it adds about
 * ‖x̂0 − x_{t_min}‖²/t_min; record such runs without the final denoising step.
 *
 * <p>Segments of zero duration (a repeated time) are skipped: they span no time to integrate over
 * and their velocity would be 0/0. Times must be monotone (decreasing as recorded by the samplers;
 * increasing works the same) and the first and last must differ.
 */
public final class PathStraightness {

    private static final String NAME = "path straightness";

    private PathStraightness() {
    }

    /** S of every recorded particle path. */
    public static double straightness(Trajectories trajectories) {
        return straightness(trajectories.times(), trajectories.positions());
    }

    /** The transport cost E‖x1 − x0‖² between first and last recorded positions. */
    public static double transportCost(Trajectories trajectories) {
        return transportCost(trajectories.times(), trajectories.positions());
    }

    /** S relative to the straight paths' own kinetic energy; see {@link #normalizedStraightness(double[], double[][])}. */
    public static double normalizedStraightness(Trajectories trajectories) {
        return normalizedStraightness(trajectories.times(), trajectories.positions());
    }

    /**
     * S for paths given row by row: {@code positions[r]} holds every particle at {@code times[r]},
     * interleaved.
     */
    public static double straightness(double[] times, double[][] positions) {
        int particles = checkedParticles(times, positions);
        int last = times.length - 1;
        double span = times[0] - times[last];
        double[] start = positions[0];
        double[] end = positions[last];
        double[] chordVelocity = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            chordVelocity[i] = (start[i] - end[i]) / span;
        }
        double total = 0;
        for (int r = 0; r < last; r++) {
            double dt = times[r + 1] - times[r];
            if (dt == 0) {
                continue;
            }
            double[] from = positions[r];
            double[] to = positions[r + 1];
            double segment = 0;
            for (int i = 0; i < from.length; i += 2) {
                double dx = chordVelocity[i] - (to[i] - from[i]) / dt;
                double dy = chordVelocity[i + 1] - (to[i + 1] - from[i + 1]) / dt;
                segment += dx * dx + dy * dy;
            }
            total += Math.abs(dt) * segment;
        }
        return total / particles;
    }

    /** The transport cost C = E‖x1 − x0‖² between the first and last rows. */
    public static double transportCost(double[] times, double[][] positions) {
        int particles = checkedParticles(times, positions);
        double[] start = positions[0];
        double[] end = positions[positions.length - 1];
        double total = 0;
        for (int i = 0; i < start.length; i += 2) {
            double dx = start[i] - end[i];
            double dy = start[i + 1] - end[i + 1];
            total += dx * dx + dy * dy;
        }
        return total / particles;
    }

    /**
     * S divided by the kinetic energy of the straight constant-speed paths,
     * {@code E ∫‖(x1 − x0)/T‖² dt = C/T}:
     *
     * <pre>
     *   S_norm = S · T / C
     * </pre>
     *
     * For T = 1 this is docs/math.md §8.8's S / E‖x1 − x0‖²; the factor T makes it unit-free, so it does
     * not change when the time axis is rescaled. It is 0 when S is 0 (straight paths, or no motion
     * at all) and infinite when particles move but all return to where they started (C = 0).
     */
    public static double normalizedStraightness(double[] times, double[][] positions) {
        double s = straightness(times, positions);
        if (s == 0) {
            return 0;
        }
        double span = Math.abs(times[0] - times[times.length - 1]);
        return s * span / transportCost(times, positions);
    }

    private static int checkedParticles(double[] times, double[][] positions) {
        if (times == null || positions == null || times.length != positions.length) {
            throw new IllegalArgumentException(NAME + " needs one row of positions per time, got "
                    + (times == null ? "no times" : times.length + " times") + " and "
                    + (positions == null ? "no positions" : positions.length + " rows"));
        }
        if (times.length < 2) {
            throw new IllegalArgumentException(NAME + " needs at least two recorded times, got " + times.length);
        }
        int particles = InterleavedPoints.count(positions[0], NAME, "first row's");
        boolean decreasing = times[times.length - 1] < times[0];
        for (int r = 0; r < times.length; r++) {
            if (!Double.isFinite(times[r])) {
                throw new IllegalArgumentException(NAME + ": time " + r + " is " + times[r]);
            }
            if (positions[r] == null || positions[r].length != 2 * particles) {
                throw new IllegalArgumentException(NAME + ": row " + r + " does not hold the " + particles
                        + " particles of the first row");
            }
            if (r > 0 && (decreasing ? times[r] > times[r - 1] : times[r] < times[r - 1])) {
                throw new IllegalArgumentException(NAME + " needs monotone times, got " + times[r - 1] + " then "
                        + times[r] + " at row " + r);
            }
        }
        if (times[0] == times[times.length - 1]) {
            throw new IllegalArgumentException(NAME + " needs the first and last times to differ, both are "
                    + times[0]);
        }
        return particles;
    }
}
