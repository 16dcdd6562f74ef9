package org.scorefield.core.field;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;

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
}
