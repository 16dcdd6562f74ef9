package org.scorefield.core.sdf;

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
        int m = points.length / 2;
        double c = -0.5 / (sigma * sigma);
        double[] out = new double[queries.length];
        double[] e = new double[m];
        for (int q = 0; q < queries.length / 2; q++) {
            double zx = queries[2 * q];
            double zy = queries[2 * q + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double dx = zx - points[2 * i];
                double dy = zy - points[2 * i + 1];
                e[i] = c * (dx * dx + dy * dy);
                max = Math.max(max, e[i]);
            }
            double sum = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < m; i++) {
                double w = Math.exp(e[i] - max);
                sum += w;
                sx += w * points[2 * i];
                sy += w * points[2 * i + 1];
            }
            out[2 * q] = sx / sum;
            out[2 * q + 1] = sy / sum;
        }
        return out;
    }
}
