package org.scorefield.core.field;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.flow.FlowOracle;

/**
 * The probability flux {@code j = p_t·û} of the continuity equation (docs/math.md §8.10):
 * <pre>
 *   ∂p_t/∂t + ∇·(p_t û) = 0
 * </pre>
 * p_t is always the exact density of an oracle (docs/math.md §4.5, §4.6); û may come from any
 * denoiser (the oracle itself, a model, the swirled velocity of §8.11). Where û is not the oracle's
 * own velocity the product is the flux the data's density would have if it moved with û, which a
 * caption must say.
 */
public final class ProbabilityFlux {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private ProbabilityFlux() {
    }

    /**
     * The flux {@code p_t·û} at every cell centre: one call of {@code velocity}, and the exact density
     * of {@code densityOracle}.
     *
     * @throws IllegalArgumentException where σ(t) = 0 (no velocity there), or the oracle has no
     *                                  exact density
     */
    public static VectorGrid grid(Denoiser velocity, Denoiser densityOracle, GridSpec spec, double t) {
        requireDefined(velocity, t);
        InvalidInputException.require(ExactDensity.supports(densityOracle), "The flux p\u209c\u00b7\u00fb needs "
                + "the exact density p\u209c of the data, and this oracle has none.");
        double[] u = velocity.velocity(spec.points(), t);
        double[] logP = ExactDensity.logDensityGrid(densityOracle, spec, t).values();
        double[] j = new double[u.length];
        for (int k = 0; k < logP.length; k++) {
            double p = Math.exp(logP[k]);
            j[2 * k] = p * u[2 * k];
            j[2 * k + 1] = p * u[2 * k + 1];
        }
        return new VectorGrid(spec, j);
    }

    /** Refuses a time where the velocity is undefined: outside [0, 1], or σ(t) = 0. */
    static void requireDefined(Denoiser velocity, double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t lies in [0, 1], got " + t);
        }
        if (!(velocity.schedule().sigma(t) > 0)) {
            throw new IllegalArgumentException("the flux p\u209c\u00b7\u00fb is undefined where \u03c3(t) = 0 (t = "
                    + t + "): the velocity is; evaluate at t \u2265 the schedule's tMin()");
        }
    }

    /**
     * The exact log p_t of an oracle at each point (one value per point): the mixture's and the flow
     * oracle's own, and for memorised points {@code log (1/N) Σ_i N(x; α x⁽ⁱ⁾, σ² I)} by a direct
     * log-sum-exp, at t (at {@code tMin()} where σ(t) = 0, as {@link ExactDensity} has it).
     */
    public static double[] logDensity(Denoiser oracle, double[] points, double t) {
        if (oracle instanceof GaussianMixtureDenoiser mixture) {
            return mixture.logDensity(points, t);
        }
        if (oracle instanceof FlowOracle flow) {
            return flow.logDensity(points, t);
        }
        if (oracle instanceof EmpiricalDenoiser empirical) {
            double at = empirical.schedule().sigma(t) > 0 ? t : Math.max(t, empirical.schedule().tMin());
            double alpha = empirical.schedule().alpha(at);
            double sigma = empirical.schedule().sigma(at);
            double[] xy = empirical.data().xy();
            int n = xy.length / 2;
            double c = -0.5 / (sigma * sigma);
            double logConst = -Math.log(n) - LOG_2PI - 2 * Math.log(sigma);
            double[] out = new double[points.length / 2];
            double[] terms = new double[n];
            for (int k = 0; k < out.length; k++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double dx = points[2 * k] - alpha * xy[2 * i];
                    double dy = points[2 * k + 1] - alpha * xy[2 * i + 1];
                    terms[i] = c * (dx * dx + dy * dy);
                    max = Math.max(max, terms[i]);
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.exp(terms[i] - max);
                }
                out[k] = logConst + max + Math.log(sum);
            }
            return out;
        }
        throw new IllegalArgumentException("no exact density for " + oracle.getClass().getSimpleName()
                + "; only the mixture, empirical and flow oracles have one");
    }
}
