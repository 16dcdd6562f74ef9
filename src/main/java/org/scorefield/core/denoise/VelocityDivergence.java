package org.scorefield.core.denoise;

import org.scorefield.core.schedule.Coefficients;

/**
 * The PF-ODE velocity û at a batch of points and its divergence {@code ∇·û = ∂û_x/∂x + ∂û_y/∂y}
 * at each (docs/math.md §7.2): what the likelihood ODE integrates.
 *
 * @param velocity   û, interleaved ({@code x0, y0, x1, y1, …})
 * @param divergence ∇·û, one value per point
 */
public record VelocityDivergence(double[] velocity, double[] divergence) {

    /**
     * The step of {@link #centralDifferences}: small against the smallest feature of p_t, which is
     * blurred by at least σ_t (docs/math.md §7.2). With h = 10⁻⁴·min(σ, 1) the truncation error is
     * about (h/σ)² ≈ 10⁻⁸ of the divergence and the rounding error of double precision 10⁻¹⁶/h.
     */
    public static double step(Coefficients c) {
        return 1e-4 * Math.min(c.sigma(), 1);
    }

    /**
     * û and ∇·û by central differences of û in double precision, {@code (û_x(x + h) − û_x(x − h))/2h
     * + (û_y(y + h) − û_y(y − h))/2h}, all five positions of every point in one call of the denoiser:
     * for the oracles, which compute in double precision and have no network to differentiate.
     */
    public static VelocityDivergence centralDifferences(Denoiser denoiser, double[] xt, double t) {
        int n = xt.length / 2;
        double h = step(denoiser.schedule().at(t));
        double[] stacked = new double[10 * n];
        System.arraycopy(xt, 0, stacked, 0, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                int o = 2 * ((k + 1) * n + i);
                stacked[o] = xt[2 * i] + (k == 0 ? h : k == 1 ? -h : 0);
                stacked[o + 1] = xt[2 * i + 1] + (k == 2 ? h : k == 3 ? -h : 0);
            }
        }
        double[] u = denoiser.velocity(stacked, t);
        double[] velocity = java.util.Arrays.copyOf(u, 2 * n);
        double[] divergence = new double[n];
        for (int i = 0; i < n; i++) {
            double dx = u[2 * (n + i)] - u[2 * (2 * n + i)];
            double dy = u[2 * (3 * n + i) + 1] - u[2 * (4 * n + i) + 1];
            divergence[i] = (dx + dy) / (2 * h);
        }
        return new VelocityDivergence(velocity, divergence);
    }

    /**
     * {@code ξᵀ J ξ} at each point by a central difference along ξ, {@code ξ·(û(x + hξ) − û(x − hξ))/2h},
     * with J = ∂û/∂x and one probe ξ per point (interleaved): the summand of Hutchinson's estimator
     * for a denoiser without a network to differentiate.
     */
    public static double[] quadraticFormByDifferences(Denoiser denoiser, double[] xt, double t, double[] xi) {
        int n = xt.length / 2;
        double h = step(denoiser.schedule().at(t));
        double[] stacked = new double[4 * n];
        for (int k = 0; k < 2 * n; k++) {
            stacked[k] = xt[k] + h * xi[k];
            stacked[2 * n + k] = xt[k] - h * xi[k];
        }
        double[] u = denoiser.velocity(stacked, t);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 2; d++) {
                int k = 2 * i + d;
                out[i] += xi[k] * (u[k] - u[2 * n + k]) / (2 * h);
            }
        }
        return out;
    }
}
