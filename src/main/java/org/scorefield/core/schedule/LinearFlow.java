package org.scorefield.core.schedule;

import java.util.Map;

/**
 * The linear path of rectified flow and conditional flow matching (Lipman et al. 2023 "CondOT",
 * Liu et al. 2023):
 * <pre>
 *   α = 1 − t,   σ = t,   f = −1/(1 − t),   g² = 2t/(1 − t)
 * </pre>
 * (docs/math.md §2.6.) g blows up at t = 1: ODE samplers may start at t = 1, SDE samplers start
 * at {@link #tMax()}, where the SNR is {@link Schedule#MIN_SNR}.
 */
public record LinearFlow() implements Schedule {

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.LINEAR;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    @Override
    public double alpha(double t) {
        return 1 - t;
    }

    @Override
    public double sigma(double t) {
        return t;
    }

    @Override
    public double dAlpha(double t) {
        return -1;
    }

    @Override
    public double dSigma(double t) {
        return 1;
    }

    @Override
    public double f(double t) {
        return -1 / (1 - t);
    }

    @Override
    public double g2(double t) {
        return 2 * t / (1 - t);
    }

    @Override
    public double tOfLambda(double lambda) {
        return Schedules.sigmoid(-lambda);
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
