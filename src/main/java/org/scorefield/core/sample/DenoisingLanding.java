package org.scorefield.core.sample;

/**
 * When a denoising trajectory "lands" (docs/math.md §6.2): the largest recorded time from which on
 * every guess x̂0(x_t, t) stays within {@link #TOLERANCE} of where the trajectory ends. The
 * sampling path x_t itself is measured the same way, so the two times can be compared: the geometry
 * notes' observation is that the guess settles long before the point does.
 */
public final class DenoisingLanding {

    /**
     * Within this distance of its end a path has landed: 0.1 in data units, a tenth of the unit the
     * presets are drawn at, 0.6 of the standard deviation of one of the 8 Gaussians' modes (0.17) and a
     * tenth of the gap between two neighbouring modes (docs/math.md §6.2).
     */
    public static final double TOLERANCE = 0.1;

    private DenoisingLanding() {
    }

    /**
     * The first recorded row from which on every point of the path lies within {@code tolerance} of its
     * last point; with times decreasing along the rows, the largest such time. The last row always
     * qualifies.
     *
     * @param path one particle's points in recorded order, interleaved (see {@link Trajectories#path})
     */
    public static int row(double[] path, double tolerance) {
        int rows = path.length / 2;
        if (rows == 0) {
            throw new IllegalArgumentException("an empty path never lands");
        }
        double ex = path[2 * (rows - 1)];
        double ey = path[2 * (rows - 1) + 1];
        int k = rows - 1;
        while (k > 0 && Math.hypot(path[2 * (k - 1)] - ex, path[2 * (k - 1) + 1] - ey) <= tolerance) {
            k--;
        }
        return k;
    }

    /**
     * Where and when the denoising trajectory and the sampling path of one particle land.
     *
     * @param particle     which particle of the run
     * @param denoisedRow  the row at which x̂0 lands
     * @param denoisedTime its time
     * @param landedAt     x̂0 at that row, {x, y}
     * @param sampleRow    the row at which x_t lands
     * @param sampleTime   its time
     */
    public record Landing(int particle, int denoisedRow, double denoisedTime, double[] landedAt, int sampleRow,
                          double sampleTime) {
    }

    /** Both landings of one particle of a run that recorded its denoising trajectory. */
    public static Landing of(Trajectories paths, int particle, double tolerance) {
        double[] den = paths.denoisedPath(particle);
        int d = row(den, tolerance);
        int s = row(paths.path(particle), tolerance);
        return new Landing(particle, d, paths.times()[d], new double[] {den[2 * d], den[2 * d + 1]}, s,
                paths.times()[s]);
    }
}
