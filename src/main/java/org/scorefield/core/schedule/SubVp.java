package org.scorefield.core.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * sub-VP (Song et al. 2021), with the β of {@link VpLinear}:
 * <pre>
 *   α = exp(−B/2),   σ = 1 − exp(−B),   f = −β/2,   g² = β(1 − exp(−2B))
 * </pre>
 * (docs/math.md §2.2.) Its marginal variance stays below VP's at every t.
 */
public record SubVp(double betaMin, double betaMax) implements Schedule {

    public SubVp {
        VpLinear.validateBetas(betaMin, betaMax);
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.SUB_VP;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("beta_min", betaMin);
        p.put("beta_max", betaMax);
        return p;
    }

    private double integratedBeta(double t) {
        return VpLinear.integratedBeta(betaMin, betaMax, t);
    }

    private double beta(double t) {
        return VpLinear.beta(betaMin, betaMax, t);
    }

    @Override
    public double alpha(double t) {
        return Math.exp(-0.5 * integratedBeta(t));
    }

    @Override
    public double sigma(double t) {
        return -Math.expm1(-integratedBeta(t));
    }

    @Override
    public double dAlpha(double t) {
        return -0.5 * beta(t) * alpha(t);
    }

    @Override
    public double dSigma(double t) {
        return beta(t) * Math.exp(-integratedBeta(t));
    }

    @Override
    public double f(double t) {
        return -0.5 * beta(t);
    }

    @Override
    public double g2(double t) {
        return -beta(t) * Math.expm1(-2 * integratedBeta(t));
    }

    @Override
    public double lambda(double t) {
        double b = integratedBeta(t);
        return -0.5 * b - Math.log(-Math.expm1(-b));
    }

    @Override
    public double tOfLambda(double lambda) {
        // u = e^{−B/2} solves u/(1 − u²) = e^λ, so B = −2 log u = 2 asinh(e^{−λ}/2).
        return VpLinear.tOfIntegratedBeta(betaMin, betaMax, 2 * Schedules.asinh(0.5 * Math.exp(-lambda)));
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
