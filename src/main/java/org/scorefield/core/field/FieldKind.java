package org.scorefield.core.field;

import org.scorefield.core.Identified;
import org.scorefield.core.denoise.Denoiser;

/**
 * Which vector field a plot shows, both read from one denoiser (docs/math.md §3.2, §6.3):
 * <pre>
 *   SCORE:     ŝ = ∇log p_t = (α x̂0 − x_t)/σ²                       (Tweedie)
 *   VELOCITY:  û = dx/dt = f·x − ½ g²·ŝ = α' x̂0 + σ' ε̂               (PF-ODE, book 4.1.7, Prop 6.3.2)
 * </pre>
 * Both need σ(t) &gt; 0; {@link #evaluate} refuses a time where σ(t) = 0 (t = 0 for most
 * schedules), where neither field is defined.
 */
public enum FieldKind implements Identified {
    /** The score ∇log p_t. */
    SCORE("score", "score \u2207log p\u209c"),
    /** The probability-flow ODE velocity dx/dt. */
    VELOCITY("velocity", "PF-ODE velocity dx/dt");

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

    /** The field at every cell centre of the grid at time t, in one batched call: one NFE. */
    public VectorGrid evaluate(Denoiser denoiser, GridSpec spec, double t) {
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
        double[] points = spec.points();
        double[] values = switch (this) {
            case SCORE -> denoiser.score(points, t);
            case VELOCITY -> denoiser.velocity(points, t);
        };
        return new VectorGrid(spec, values);
    }

    public static FieldKind fromId(String id) {
        return Identified.byId(FieldKind.class, id, "field");
    }
}
