package org.scorefield.core.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorefield.core.InvalidInputException;

/**
 * VP with a linear β (Song et al. 2021, "Score-Based Generative Modeling through SDEs"):
 * <pre>
 *   β(t) = β_min + t(β_max − β_min),   B(t) = β_min t + ½t²(β_max − β_min)
 *   α = exp(−B/2),   σ = sqrt(1 − exp(−B)),   f = −β/2,   g² = β
 * </pre>
 * (docs/math.md §2.1.)
 */
public record VpLinear(double betaMin, double betaMax) implements Schedule {

    static final ParameterSpec BETA_MIN = new ParameterSpec("beta_min", "β_min", 0.1, 0.01, 5, true,
            "Noise rate at t = 0: how quickly the data starts to blur.");
    static final ParameterSpec BETA_MAX = new ParameterSpec("beta_max", "β_max", 20, 1, 50, true,
            "Noise rate at t = 1: how thoroughly the data is destroyed by the end.");

    public VpLinear {
        validateBetas(betaMin, betaMax);
    }

    static void validateBetas(double betaMin, double betaMax) {
        InvalidInputException.requireFinite(betaMin, "β_min");
        InvalidInputException.requireFinite(betaMax, "β_max");
        InvalidInputException.require(betaMin >= 0, "β_min must be at least 0, got " + betaMin + ".");
        InvalidInputException.require(betaMax > 0, "β_max must be positive, got " + betaMax + ".");
        InvalidInputException.require(betaMin <= betaMax,
                "β_min must not exceed β_max (β_min = " + betaMin + ", β_max = " + betaMax + ").");
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.VP;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("beta_min", betaMin);
        p.put("beta_max", betaMax);
        return p;
    }

    /** β(t). */
    public double beta(double t) {
        return beta(betaMin, betaMax, t);
    }

    /** B(t) = ∫₀ᵗ β. */
    public double integratedBeta(double t) {
        return integratedBeta(betaMin, betaMax, t);
    }

    /** β(t) = β_min + t(β_max − β_min), shared with {@link SubVp}. */
    static double beta(double betaMin, double betaMax, double t) {
        return betaMin + t * (betaMax - betaMin);
    }

    /** B(t) = β_min t + ½t²(β_max − β_min), shared with {@link SubVp}. */
    static double integratedBeta(double betaMin, double betaMax, double t) {
        return betaMin * t + 0.5 * t * t * (betaMax - betaMin);
    }

    /** The t at which B(t) = b: the positive root of ½Δβ t² + β_min t − b = 0, in a stable form. */
    static double tOfIntegratedBeta(double betaMin, double betaMax, double b) {
        if (b == 0) {
            return 0; // also when β_min = 0, where the formula below would be 0/0
        }
        return 2 * b / (betaMin + Math.sqrt(betaMin * betaMin + 2 * (betaMax - betaMin) * b));
    }

    @Override
    public double alpha(double t) {
        return Math.exp(-0.5 * integratedBeta(t));
    }

    @Override
    public double sigma(double t) {
        return Math.sqrt(-Math.expm1(-integratedBeta(t)));
    }

    @Override
    public double dAlpha(double t) {
        return -0.5 * beta(t) * alpha(t);
    }

    @Override
    public double dSigma(double t) {
        double b = integratedBeta(t);
        return 0.5 * beta(t) * Math.exp(-b) / Math.sqrt(-Math.expm1(-b));
    }

    @Override
    public double f(double t) {
        return -0.5 * beta(t);
    }

    @Override
    public double g2(double t) {
        return beta(t);
    }

    @Override
    public double lambda(double t) {
        double b = integratedBeta(t);
        return -0.5 * b - 0.5 * Math.log(-Math.expm1(-b));
    }

    @Override
    public double tOfLambda(double lambda) {
        // α²/σ² = e^{2λ} ⇔ e^{−B} = sigmoid(2λ) ⇔ B = log(1 + e^{−2λ})
        return tOfIntegratedBeta(betaMin, betaMax, Schedules.softplus(-2 * lambda));
    }

    @Override
    public double tMin() {
        return 1e-3;
    }

    @Override
    public double tMax() {
        return 1.0;
    }
}
