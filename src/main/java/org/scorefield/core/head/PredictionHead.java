package org.scorefield.core.head;

import org.scorefield.core.Identified;
import org.scorefield.core.schedule.Coefficients;

/**
 * What a network predicts from {@code (x_t, t)}, and the exact conversions between the four
 * heads given x_t (book Table 6.1, Prop 6.3.1; docs/math.md §3.1–3.4):
 * <pre>
 *   x̂0 = (x_t − σ ε̂)/α        ε̂ = (x_t − α x̂0)/σ
 *   ŝ  = −ε̂/σ = (α x̂0 − x_t)/σ²   (Tweedie)
 *   û  = α' x̂0 + σ' ε̂        (the PF-ODE velocity dx_t/dt)
 *   with d = α'σ − ασ':   x̂0 = (σ û − σ' x_t)/d,   ε̂ = (α' x_t − α û)/d
 * </pre>
 * The velocity here is dx_t/dt. Salimans & Ho's "v-prediction" {@code α ε − σ x0} is a different
 * quantity (for the trigonometric schedule dx_t/dt = (π/2)·v, since its angle is πt/2; the two are
 * equal only for α = cos t, σ = sin t, which no schedule here is) and is not one of these heads.
 *
 * <p>All arrays are interleaved 2D points; the functions return new arrays.
 */
public enum PredictionHead implements Identified {
    /** The noise ε̂. */
    EPSILON("eps", "noise ε"),
    /** The clean data x̂0, the denoiser D(x_t, t). */
    DATA("x0", "clean data x₀"),
    /** The score ŝ = ∇ log p_t. */
    SCORE("score", "score ∇log p"),
    /** The velocity û = dx_t/dt. */
    VELOCITY("velocity", "velocity dx/dt");

    private final String id;
    private final String displayName;

    PredictionHead(String id, String displayName) {
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

    /** Converts this head's prediction at x_t into x̂0. */
    public double[] toData(Coefficients c, double[] xt, double[] prediction) {
        return switch (this) {
            case EPSILON -> dataFromEpsilon(c, xt, prediction);
            case DATA -> prediction.clone();
            case SCORE -> dataFromScore(c, xt, prediction);
            case VELOCITY -> dataFromVelocity(c, xt, prediction);
        };
    }

    /** Converts x̂0 at x_t into this head's prediction. */
    public double[] fromData(Coefficients c, double[] xt, double[] x0) {
        return switch (this) {
            case EPSILON -> epsilonFromData(c, xt, x0);
            case DATA -> x0.clone();
            case SCORE -> scoreFromData(c, xt, x0);
            case VELOCITY -> velocityFromData(c, xt, x0);
        };
    }

    /** ε̂ = (x_t − α x̂0)/σ. */
    public static double[] epsilonFromData(Coefficients c, double[] xt, double[] x0) {
        double[] out = new double[xt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (xt[i] - c.alpha() * x0[i]) / c.sigma();
        }
        return out;
    }

    /** x̂0 = (x_t − σ ε̂)/α. */
    public static double[] dataFromEpsilon(Coefficients c, double[] xt, double[] eps) {
        double[] out = new double[xt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (xt[i] - c.sigma() * eps[i]) / c.alpha();
        }
        return out;
    }

    /** ŝ = (α x̂0 − x_t)/σ² (Tweedie's formula). */
    public static double[] scoreFromData(Coefficients c, double[] xt, double[] x0) {
        double s2 = c.sigma() * c.sigma();
        double[] out = new double[xt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (c.alpha() * x0[i] - xt[i]) / s2;
        }
        return out;
    }

    /** x̂0 = (x_t + σ² ŝ)/α. */
    public static double[] dataFromScore(Coefficients c, double[] xt, double[] score) {
        double s2 = c.sigma() * c.sigma();
        double[] out = new double[xt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (xt[i] + s2 * score[i]) / c.alpha();
        }
        return out;
    }

    /** û = α' x̂0 + σ' ε̂, with ε̂ = (x_t − α x̂0)/σ. */
    public static double[] velocityFromData(Coefficients c, double[] xt, double[] x0) {
        double[] out = new double[xt.length];
        for (int i = 0; i < out.length; i++) {
            double eps = (xt[i] - c.alpha() * x0[i]) / c.sigma();
            out[i] = c.dAlpha() * x0[i] + c.dSigma() * eps;
        }
        return out;
    }

    /** x̂0 = (σ û − σ' x_t)/d with d = α'σ − ασ'. */
    public static double[] dataFromVelocity(Coefficients c, double[] xt, double[] u) {
        double d = c.dAlpha() * c.sigma() - c.alpha() * c.dSigma();
        double[] out = new double[xt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (c.sigma() * u[i] - c.dSigma() * xt[i]) / d;
        }
        return out;
    }

    /** ε̂ = (α' x_t − α û)/d with d = α'σ − ασ'. */
    public static double[] epsilonFromVelocity(Coefficients c, double[] xt, double[] u) {
        double d = c.dAlpha() * c.sigma() - c.alpha() * c.dSigma();
        double[] out = new double[xt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (c.dAlpha() * xt[i] - c.alpha() * u[i]) / d;
        }
        return out;
    }

    public static PredictionHead fromId(String id) {
        return Identified.byId(PredictionHead.class, id, "head");
    }
}
