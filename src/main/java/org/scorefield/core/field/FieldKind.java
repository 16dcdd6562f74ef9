package org.scorefield.core.field;

import org.scorefield.core.Identified;
import org.scorefield.core.denoise.Denoiser;

/**
 * Which vector field a plot shows, read from one denoiser (docs/math.md §3.2, §6.3, §8.10):
 * <pre>
 *   SCORE:     ŝ = ∇log p_t = (α x̂0 − x_t)/σ²                       (Tweedie)
 *   VELOCITY:  û = dx/dt = f·x − ½ g²·ŝ = α' x̂0 + σ' ε̂               (PF-ODE, book 4.1.7, Prop 6.3.2)
 *   FLUX:      j = p_t·û, with p_t the exact density of an oracle     (continuity equation)
 * </pre>
 * All need σ(t) &gt; 0; {@link #evaluate} refuses a time where σ(t) = 0 (t = 0 for most
 * schedules), where no field is defined. The flux takes p_t from an oracle: the denoiser itself, or
 * the one given to {@link #evaluate(Denoiser, Denoiser, GridSpec, double)}.
 */
public enum FieldKind implements Identified {
    /** The score ∇log p_t. */
    SCORE("score", "score \u2207log p\u209c"),
    /** The probability-flow ODE velocity dx/dt. */
    VELOCITY("velocity", "PF-ODE velocity dx/dt"),
    /** The probability flux p_t·û of the continuity equation, p_t exact. */
    FLUX("flux", "flux p\u209c\u00b7\u00fb");

    private final String id;
    private final String displayName;

    FieldKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @Override
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The field at every cell centre of the grid at time t, in one batched call: one NFE. The flux
     * takes p_t from the denoiser itself, which must be an oracle with an exact density (or that
     * oracle with a swirl).
     */
    public VectorGrid evaluate(Denoiser denoiser, GridSpec spec, double t) {
        Denoiser density = denoiser instanceof org.scorefield.core.denoise.SwirledDenoiser s ? s.inner() : denoiser;
        return evaluate(denoiser, density, spec, t);
    }

    /**
     * As {@link #evaluate(Denoiser, GridSpec, double)}, with the flux's p_t the exact density of
     * {@code densityOracle} (a model's û times the data's p_t); the score and velocity ignore it.
     */
    public VectorGrid evaluate(Denoiser denoiser, Denoiser densityOracle, GridSpec spec, double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t lies in [0, 1], got " + t);
        }
        if (!(denoiser.schedule().sigma(t) > 0)) {
            throw new IllegalArgumentException("the " + id + " field is undefined where σ(t) = 0 (t = " + t
                    + "); evaluate at t ≥ the schedule's tMin()");
        }
        if (this == SCORE && !denoiser.hasScore()) {
            throw new org.scorefield.core.InvalidInputException("This flow has no score: its x\u2081 is not Gaussian "
                    + "noise independent of x\u2080 (another source, or coupled pairs). Show its velocity instead.");
        }
        if (this == FLUX) {
            org.scorefield.core.InvalidInputException.require(ExactDensity.supports(densityOracle), "The flux "
                    + "p\u209c\u00b7\u00fb needs the exact density p\u209c of the data: show the velocity instead.");
            return ProbabilityFlux.grid(denoiser, densityOracle, spec, t);
        }
        double[] points = spec.points();
        double[] values = switch (this) {
            case SCORE -> denoiser.score(points, t);
            case VELOCITY, FLUX -> denoiser.velocity(points, t);
        };
        return new VectorGrid(spec, values);
    }

    public static FieldKind fromId(String id) {
        return Identified.byId(FieldKind.class, id, "field");
    }
}
