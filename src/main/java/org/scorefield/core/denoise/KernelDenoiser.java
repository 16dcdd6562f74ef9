package org.scorefield.core.denoise;

/**
 * The kernel denoiser of a point set at noise level σ with α = 1 (the memorising oracle of
 * docs/math.md §4.1): {@code D(z; σ) = Σ_i w_i x_i} with {@code w_i ∝ exp(−‖z − x_i‖²/2σ²)}, by a
 * log-sum-exp per query point so that no weight underflows to a division by zero.
 */
public final class KernelDenoiser {

    private KernelDenoiser() {
    }

    /** D(z; σ) at each query point (interleaved) over the points (interleaved). */
    public static double[] denoise(double[] points, double[] queries, double sigma) {
        double[] out = new double[queries.length];
        double[] w = new double[points.length / 2];
        for (int q = 0; q < queries.length / 2; q++) {
            double sum = weights(points, queries[2 * q], queries[2 * q + 1], sigma, w);
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < w.length; i++) {
                sx += w[i] * points[2 * i];
                sy += w[i] * points[2 * i + 1];
            }
            out[2 * q] = sx / sum;
            out[2 * q + 1] = sy / sum;
        }
        return out;
    }

    /**
     * The kernel weights of the points around (zx, zy) at this bandwidth, unnormalised:
     * {@code w_i = exp(−‖z − x_i‖²/2h² − max)}, written into {@code w} (one per point); returns their
     * sum. The largest weight is 1, so the sum never underflows.
     */
    static double weights(double[] points, double zx, double zy, double bandwidth, double[] w) {
        double c = -0.5 / (bandwidth * bandwidth);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < w.length; i++) {
            double dx = zx - points[2 * i];
            double dy = zy - points[2 * i + 1];
            w[i] = c * (dx * dx + dy * dy);
            max = Math.max(max, w[i]);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(w[i] - max);
            sum += w[i];
        }
        return sum;
    }
}
