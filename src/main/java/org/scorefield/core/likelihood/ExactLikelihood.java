package org.scorefield.core.likelihood;

import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.AffineMixture;
import org.scorefield.core.schedule.Schedule;

/**
 * The exact log-densities the likelihood ODE is checked against (docs/math.md §7.3): a mixture's own
 * log p_0, and for memorised points, which have no density at t = 0, the oracle's density at t_min
 * read the way the ODE reads it, {@code log p_{t_min}(α·x0) + 2·log α}.
 */
public final class ExactLikelihood {

    private ExactLikelihood() {
    }

    /** log Σ_k π_k N(x; μ_k, Σ_k) at each point (interleaved). */
    public static double[] mixture(GaussianMixture mixture, double[] x) {
        AffineMixture.Components c = AffineMixture.Components.of(mixture);
        double[] out = new double[x.length / 2];
        for (int p = 0; p < out.length; p++) {
            out[p] = c.logDensity(x[2 * p], x[2 * p + 1]);
        }
        return out;
    }

    /**
     * {@code log p_{t}(α·x) + 2·log α} at time t for the memorised points,
     * {@code p_t(y) = (1/N) Σ_i N(y; α·x_i, σ²I)}, by a log-sum-exp over the points.
     */
    public static double[] points(PointSet points, Schedule schedule, double t, double[] x) {
        double alpha = schedule.alpha(t);
        double[] scaled = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            scaled[k] = alpha * x[k];
        }
        double[] out = org.scorefield.core.field.ExactDensity.memorisedLogDensity(points, alpha, schedule.sigma(t),
                scaled);
        for (int p = 0; p < out.length; p++) {
            out[p] += 2 * Math.log(alpha);
        }
        return out;
    }
}
