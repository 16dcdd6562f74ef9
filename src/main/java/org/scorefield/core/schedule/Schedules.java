package org.scorefield.core.schedule;

import org.scorefield.core.InvalidInputException;

/** Numerical helpers shared by the schedule formulas. */
final class Schedules {

    private Schedules() {
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return x > 30 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** The logistic function 1/(1 + e^{−x}) without overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** asinh(z) for z ≥ 0, accurate for small z. */
    static double asinh(double z) {
        return Math.log1p(z + z * z / (1.0 + Math.sqrt(1.0 + z * z)));
    }

    /** The constants of a schedule with a noise range, {@code sigma_min} then {@code sigma_max} (VE, EDM). */
    static java.util.Map<String, Double> sigmaRange(double sigmaMin, double sigmaMax) {
        java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
        p.put("sigma_min", sigmaMin);
        p.put("sigma_max", sigmaMax);
        return p;
    }

    /** Validates the noise range of VE and EDM: 0 < σ_min < σ_max, both finite. */
    static void requireSigmaRange(double sigmaMin, double sigmaMax) {
        InvalidInputException.requireFinite(sigmaMin, "σ_min");
        InvalidInputException.requireFinite(sigmaMax, "σ_max");
        InvalidInputException.require(sigmaMin > 0, "σ_min must be positive, got " + sigmaMin + ".");
        InvalidInputException.require(sigmaMin < sigmaMax,
                "σ_min must be smaller than σ_max (σ_min = " + sigmaMin + ", σ_max = " + sigmaMax + ").");
    }

    /** λ at which SNR = {@link Schedule#MIN_SNR}. */
    static double lambdaAtMinSnr() {
        return 0.5 * Math.log(Schedule.MIN_SNR);
    }
}
