package org.scorefield.core.schedule;

import java.util.Map;

/**
 * The trigonometric path, a variance-preserving quarter circle:
 * <pre>
 *   α = cos(πt/2),   σ = sin(πt/2),   f = −(π/2) tan(πt/2),   g² = π tan(πt/2)
 * </pre>
 * (docs/math.md §2.7.) Like the linear path it reaches pure noise at t = 1, where f and g blow
 * up; {@link #tMax()} caps them at SNR = {@link Schedule#MIN_SNR}.
 */
public record Trigonometric() implements Schedule {

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.TRIG;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public double alpha(double t) {
        return Math.cos(Math.PI * t / 2);
    }

    @Override
    public double sigma(double t) {
        return Math.sin(Math.PI * t / 2);
    }

    @Override
    public double dAlpha(double t) {
        return -Math.PI / 2 * Math.sin(Math.PI * t / 2);
    }

    @Override
    public double dSigma(double t) {
        return Math.PI / 2 * Math.cos(Math.PI * t / 2);
    }

    @Override
    public double f(double t) {
        return -Math.PI / 2 * Math.tan(Math.PI * t / 2);
    }

    @Override
    public double g2(double t) {
        return Math.PI * Math.tan(Math.PI * t / 2);
    }

    @Override
    public double tOfLambda(double lambda) {
        // λ = −ln tan(πt/2)
        return 2 / Math.PI * Math.atan(Math.exp(-lambda));
    }

    @Override
    public double tMin() {
        return 1e-3;
    }

    @Override
    public double tMax() {
        return tOfLambda(Schedules.lambdaAtMinSnr());
    }
}
