package org.scorefield.core.metric;

/**
 * Energy distance between two samples in the plane (docs/math.md §11.2; Székely and Rizzo 2013):
 *
 * <pre>
 *   D(X, Y) = 2 E‖X − Y‖ − E‖X − X'‖ − E‖Y − Y'‖
 * </pre>
 *
 * <p>The expectations are taken under the two EMPIRICAL measures, i.e. as V-statistics over all
 * pairs, the diagonal i = j included:
 *
 * <pre>
 *   E‖X − Y‖  = (1/(n m)) Σ_i Σ_j ‖x_i − y_j‖
 *   E‖X − X'‖ = (1/n²)    Σ_i Σ_j ‖x_i − x_j‖      (likewise for Y)
 * </pre>
 *
 * <p>Why V- and not U-statistics: D is then the energy distance between two genuine probability
 * measures, hence ≥ 0, and 0 exactly when the empirical measures coincide (the same points in the
 * same proportions, e.g. one sample a permutation of the other). The
 * unbiased U-statistic (dividing by n(n − 1)) estimates the population value better but can be
 * negative on small samples, which a teaching tool should not show as a "distance". The price is
 * a small positive bias of order 1/n; the {@link NoiseFloor} measures it alongside.
 *
 * <p>The value is D itself (a squared-distance-like quantity in the units of the data, not its
 * square root), and the sizes of the two samples may differ. The cost is O((n + m)²) distances,
 * computed with plain loops. Rounding can leave a value of order 1e-16 of either sign when the two
 * samples are the same points in a different order; the same array order gives exactly 0.
 */
public final class EnergyDistance {

    private static final String NAME = "energy distance";

    private EnergyDistance() {
    }

    /** D between the empirical measures of {@code a} and {@code b} (interleaved coordinates). */
    public static double distance(double[] a, double[] b) {
        InterleavedPoints.count(a, NAME, "first");
        InterleavedPoints.count(b, NAME, "second");
        // One routine for all three terms, so identical arrays give bit-identical terms and D = 0.
        return 2 * meanDistance(a, b) - meanDistance(a, a) - meanDistance(b, b);
    }

    /** (1/(n m)) Σ_i Σ_j ‖p_i − q_j‖: the mean over all pairs, the diagonal included. */
    private static double meanDistance(double[] p, double[] q) {
        int n = p.length / 2;
        int m = q.length / 2;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double px = p[2 * i];
            double py = p[2 * i + 1];
            double row = 0; // summing row by row keeps rounding small over n·m terms
            for (int j = 0; j < m; j++) {
                double dx = px - q[2 * j];
                double dy = py - q[2 * j + 1];
                row += Math.sqrt(dx * dx + dy * dy);
            }
            total += row;
        }
        return total / ((double) n * m);
    }
}
