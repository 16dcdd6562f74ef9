package org.scorefield.core.metric;

import java.util.Arrays;
import org.scorefield.core.random.SeededRandom;

/**
 * Sliced Wasserstein-2 distance between two equal-size samples in the plane (docs/math.md §11.1).
 *
 * <pre>
 *   SW2² = (1/K) Σ_k (1/n) Σ_i ( sort(⟨x, θ_k⟩)_i − sort(⟨y, θ_k⟩)_i )²,   K = 256
 * </pre>
 *
 * <p>In one dimension the optimal transport between two equal-size empirical measures pairs the
 * i-th smallest point of one with the i-th smallest of the other, so each slice costs two sorts;
 * SW2² is the mean of those one-dimensional W2² over the K directions.
 *
 * <p>The directions θ_k are drawn once, from the constant seed {@link #DIRECTION_SEED}, as
 * normalised standard normal pairs (uniform on the circle). They never change, so a value printed
 * today can be compared with one printed next year, and two calls on the same arrays agree to
 * the last bit. {@link #distance} returns SW2 itself, in the units of the data.
 *
 * <p>Non-finite coordinates (a diverged run) give a non-finite result rather than an exception.
 */
public final class SlicedWasserstein {

    /** K, the number of slicing directions. */
    public static final int DIRECTION_COUNT = 256;

    /** The seed the directions are drawn from: the ASCII bytes of "SW2 ", fixed forever. */
    public static final long DIRECTION_SEED = 0x5357_3220L;

    private static final String NAME = "sliced Wasserstein-2";

    private static final double[] DIRECTION_X = new double[DIRECTION_COUNT];
    private static final double[] DIRECTION_Y = new double[DIRECTION_COUNT];

    static {
        SeededRandom rng = new SeededRandom(DIRECTION_SEED);
        double[] pair = new double[2];
        for (int k = 0; k < DIRECTION_COUNT; k++) {
            double norm;
            do { // a zero pair has no direction; Box–Muller returns one with probability 2^-53
                rng.nextGaussianPair(pair, 0);
                norm = Math.hypot(pair[0], pair[1]);
            } while (norm == 0);
            DIRECTION_X[k] = pair[0] / norm;
            DIRECTION_Y[k] = pair[1] / norm;
        }
    }

    private SlicedWasserstein() {
    }

    /** SW2 between two samples of equal size (interleaved coordinates). */
    public static double distance(double[] a, double[] b) {
        return Math.sqrt(squaredDistance(a, b));
    }

    /** SW2², the mean over directions of the one-dimensional squared W2. */
    public static double squaredDistance(double[] a, double[] b) {
        int n = InterleavedPoints.equalCount(a, b, NAME);
        double[] pa = new double[n];
        double[] pb = new double[n];
        double total = 0;
        for (int k = 0; k < DIRECTION_COUNT; k++) {
            project(a, DIRECTION_X[k], DIRECTION_Y[k], pa);
            project(b, DIRECTION_X[k], DIRECTION_Y[k], pb);
            Arrays.sort(pa);
            Arrays.sort(pb);
            double slice = 0;
            for (int i = 0; i < n; i++) {
                double d = pa[i] - pb[i];
                slice += d * d;
            }
            total += slice / n;
        }
        return total / DIRECTION_COUNT;
    }

    /**
     * A copy of the K unit directions, interleaved ({@code cos θ_0, sin θ_0, cos θ_1, …}): for tests
     * and for anyone reproducing a value by hand.
     */
    public static double[] directions() {
        double[] out = new double[2 * DIRECTION_COUNT];
        for (int k = 0; k < DIRECTION_COUNT; k++) {
            out[2 * k] = DIRECTION_X[k];
            out[2 * k + 1] = DIRECTION_Y[k];
        }
        return out;
    }

    private static void project(double[] xy, double ux, double uy, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = xy[2 * i] * ux + xy[2 * i + 1] * uy;
        }
    }
}
