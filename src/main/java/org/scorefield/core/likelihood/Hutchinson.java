package org.scorefield.core.likelihood;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;

/**
 * Hutchinson's estimator of ∇·û = tr(∂û/∂x): the mean of ξᵀ(∂û/∂x)ξ over random probes ξ with
 * E[ξξᵀ] = I (docs/math.md §7.2). With Rademacher probes (each coordinate ±1) in two dimensions one
 * probe gives {@code ξᵀJξ = J_xx + J_yy + (J_xy + J_yx)·ξ_x·ξ_y}: the trace, off by ±(J_xy + J_yx)
 * with equal odds, so the variance of the mean of M probes is {@code (J_xy + J_yx)²/M}. The exact
 * trace costs two backward passes here, so the estimator is shown for what its spread teaches.
 */
public final class Hutchinson {

    private Hutchinson() {
    }

    /**
     * The estimate at each point, and the spread of its single-probe values.
     *
     * @param mean   the average of ξᵀJξ over the probes, one per point
     * @param spread the standard deviation of the single-probe values, one per point (0 with one probe)
     */
    public record Estimate(double[] mean, double[] spread) {
    }

    /** Rademacher probes, {@code probes} per point, stacked probe after probe: {@code probes × xt.length} values. */
    public static double[] probes(int points, int probes, long seed) {
        SeededRandom random = new SeededRandom(SeededRandom.derive(seed, "hutchinson"));
        double[] xi = new double[2 * points * probes];
        for (int k = 0; k < xi.length; k++) {
            xi[k] = random.nextUniform() < 0.5 ? -1 : 1;
        }
        return xi;
    }

    /** ξᵀ(∂û/∂x)ξ for every probe of every point, in one call: {@code probes × n} values, probe after probe. */
    public static double[] quadraticForms(Denoiser denoiser, double[] xt, double t, double[] xi) {
        int probes = xi.length / xt.length;
        double[] stacked = new double[xi.length];
        for (int m = 0; m < probes; m++) {
            System.arraycopy(xt, 0, stacked, m * xt.length, xt.length);
        }
        return denoiser.velocityQuadraticForm(stacked, t, xi);
    }

    /** The estimate of ∇·û at each point of xt from the given probes. */
    public static Estimate estimate(Denoiser denoiser, double[] xt, double t, double[] xi) {
        int n = xt.length / 2;
        int probes = xi.length / xt.length;
        double[] forms = quadraticForms(denoiser, xt, t, xi);
        double[] mean = new double[n];
        double[] spread = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int m = 0; m < probes; m++) {
                sum += forms[m * n + i];
            }
            double mu = sum / probes;
            double squares = 0;
            for (int m = 0; m < probes; m++) {
                double d = forms[m * n + i] - mu;
                squares += d * d;
            }
            mean[i] = mu;
            spread[i] = probes > 1 ? Math.sqrt(squares / (probes - 1)) : 0;
        }
        return new Estimate(mean, spread);
    }
}
