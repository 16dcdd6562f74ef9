package org.scorefield.core.schedule;

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

    /** λ at which SNR = {@link Schedule#MIN_SNR}. */
    static double lambdaAtMinSnr() {
        return 0.5 * Math.log(Schedule.MIN_SNR);
    }
}
