package org.scorefield.core.sample;

import java.util.List;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.schedule.Schedule;

/**
 * Data N(m, s²I): p_t = N(α m, s_t² I) with s_t² = α²s² + σ², and the PF-ODE carries each point
 * along x_t = α_t m + (s_t/s_u)(x_u − α_u m) (docs/math.md §4.4). Exact ground truth for solvers.
 */
final class ClosedForm {

    static final double MX = 0.8;
    static final double MY = -0.4;
    static final double S = 0.5;

    private ClosedForm() {
    }

    static GaussianMixture gaussian() {
        return new GaussianMixture(List.of(GaussianMixture.Component.isotropic(1, MX, MY, S, 0)));
    }

    static GaussianMixtureDenoiser denoiser(Schedule schedule) {
        return new GaussianMixtureDenoiser(gaussian(), schedule);
    }

    /** Standard deviation of p_t. */
    static double std(Schedule schedule, double t) {
        double a = schedule.alpha(t);
        double s = schedule.sigma(t);
        return Math.sqrt(a * a * S * S + s * s);
    }

    /** The exact PF-ODE flow of points from time u to time t. */
    static double[] flow(Schedule schedule, double[] xu, double u, double t) {
        double ratio = std(schedule, t) / std(schedule, u);
        double[] out = new double[xu.length];
        for (int i = 0; i < xu.length; i += 2) {
            out[i] = schedule.alpha(t) * MX + ratio * (xu[i] - schedule.alpha(u) * MX);
            out[i + 1] = schedule.alpha(t) * MY + ratio * (xu[i + 1] - schedule.alpha(u) * MY);
        }
        return out;
    }

    /** Mean distance between corresponding points. */
    static double meanDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i += 2) {
            sum += Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]);
        }
        return sum / (a.length / 2);
    }

    /** Least-squares slope of log error against log steps: the measured order. */
    static double order(int[] steps, double[] errors) {
        int n = steps.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(steps[i]);
            my += Math.log(errors[i]);
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(steps[i]) - mx;
            sxy += dx * (Math.log(errors[i]) - my);
            sxx += dx * dx;
        }
        return -sxy / sxx;
    }
}
