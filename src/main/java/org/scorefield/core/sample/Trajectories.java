package org.scorefield.core.sample;

/**
 * The path of every particle of a run: positions at each recorded time, and optionally the
 * denoising trajectory, the x̂0 the model gives at each of those positions (docs/math.md §6.2).
 * Times decrease from the start of the grid to its end, followed by t = 0 when the run finished
 * with a denoising step.
 *
 * @param times     the recorded times, one per row
 * @param positions positions[r] holds every particle at times[r], interleaved
 * @param denoised  denoised[r] holds x̂0 of every particle at times[r]; null when not recorded
 */
public record Trajectories(double[] times, double[][] positions, double[][] denoised) {

    /** Number of recorded times. */
    public int length() {
        return times.length;
    }

    public int particles() {
        return positions[0].length / 2;
    }

    public boolean hasDenoised() {
        return denoised != null;
    }

    /**
     * The paths of the first {@code n} particles only (all of them when there are fewer), on the same
     * times, with their denoising trajectories when those were recorded.
     */
    public Trajectories first(int n) {
        double[][] pos = new double[positions.length][];
        double[][] den = denoised == null ? null : new double[denoised.length][];
        for (int r = 0; r < pos.length; r++) {
            pos[r] = firstParticles(positions[r], n);
            if (den != null) {
                den[r] = firstParticles(denoised[r], n);
            }
        }
        return new Trajectories(times, pos, den);
    }

    /** The first {@code n} particles of interleaved points (all of them when there are fewer), copied. */
    public static double[] firstParticles(double[] xy, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a number of particles must not be negative, got " + n);
        }
        return java.util.Arrays.copyOf(xy, (int) Math.min(xy.length, 2L * n));
    }

    /** The path of one particle, interleaved, in recorded order. */
    public double[] path(int particle) {
        return column(positions, particle);
    }

    /** The denoising trajectory of one particle, interleaved, in recorded order. */
    public double[] denoisedPath(int particle) {
        if (denoised == null) {
            throw new IllegalStateException("the denoising trajectory was not recorded");
        }
        return column(denoised, particle);
    }

    private static double[] column(double[][] rows, int particle) {
        double[] out = new double[2 * rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[2 * r] = rows[r][2 * particle];
            out[2 * r + 1] = rows[r][2 * particle + 1];
        }
        return out;
    }
}
