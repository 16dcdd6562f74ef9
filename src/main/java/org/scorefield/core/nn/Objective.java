package org.scorefield.core.nn;

import org.scorefield.core.Identified;
import org.scorefield.core.head.PredictionHead;

/**
 * What the network is trained to output, and so how its loss is weighted (docs/math.md §3.6, book
 * 6.2.5 and Table 6.1; Karras et al. 2022; Lipman et al. 2023):
 * <pre>
 *   eps       F ≈ ε                          x0        F ≈ x0
 *   score     F ≈ −ε/σ   (weight 1 or g²)    velocity  F ≈ α'x0 + σ'ε   (dx_t/dt)
 *   edm       D = c_skip x_t + c_out F,  F ≈ (x0 − c_skip x_t)/c_out,  ln(σ/α) ~ N(P_mean, P_std²)
 *   fm        x_t = (1−t)x0 + t x1,  F ≈ x1 − x0  (conditional flow matching, independent coupling)
 * </pre>
 * All six share one loss, {@code mean_i w_i‖F_i − y_i‖²}; they differ in the target y, the
 * weight w and the distribution of t.
 */
public enum Objective implements Identified {
    EPSILON("eps", "noise ε (DDPM)"),
    DATA("x0", "clean data x₀"),
    SCORE("score", "score ∇log p (DSM)"),
    VELOCITY("velocity", "velocity dx/dt"),
    EDM("edm", "EDM denoiser"),
    FLOW_MATCHING("fm", "flow matching");

    /** The objective of the default model (chosen with the quality benchmark). */
    public static final Objective DEFAULT = EDM;

    private final String id;
    private final String displayName;

    Objective(String id, String displayName) {
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

    public static Objective fromId(String id) {
        return Identified.byId(Objective.class, id, "objective (--head)");
    }

    /** The head the raw output is, before preconditioning; EDM's D is a data prediction. */
    public PredictionHead head() {
        return switch (this) {
            case EPSILON -> PredictionHead.EPSILON;
            case DATA, EDM -> PredictionHead.DATA;
            case SCORE -> PredictionHead.SCORE;
            case VELOCITY, FLOW_MATCHING -> PredictionHead.VELOCITY;
        };
    }
}
