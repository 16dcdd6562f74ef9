package org.scorefield.core.schedule;

import java.util.Map;

/**
 * EDM (Karras et al. 2022, "Elucidating the Design Space"): time is the noise level,
 * <pre>
 *   α = 1,   σ = σ_max·t,   f = 0,   g² = 2σσ' = 2σ_max² t
 * </pre>
 * (docs/math.md §2.5.) σ_min fixes the smallest time, {@code t_min = σ_min/σ_max}. For unit-scale
 * 2D data a σ_max of 5–10 serves (the images' 80 would waste most steps); the default 10 keeps the
 * prior N(0, σ_max²I) within 1% in variance of the true p₁.
 */
public record Edm(double sigmaMin, double sigmaMax) implements Schedule {

    static final ParameterSpec SIGMA_MIN = new ParameterSpec("sigma_min", "σ_min", 0.002, 0.0005, 0.5, true,
            "Smallest noise level sampled: where the sampler stops and denoises.");
    static final ParameterSpec SIGMA_MAX = new ParameterSpec("sigma_max", "σ_max", 10, 1, 80, true,
            "Noise level at t = 1: large enough to hide the data completely. The default 10 does for data of "
                    + "unit spread; the paper's 80 is for images and would spend most steps where nothing happens.");

    public Edm {
        Schedules.requireSigmaRange(sigmaMin, sigmaMax);
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.EDM;
    }

    @Override
    public Map<String, Double> parameters() {
        return Schedules.sigmaRange(sigmaMin, sigmaMax);
    }

    @Override
    public double alpha(double t) {
        return 1.0;
    }

    @Override
    public double sigma(double t) {
        return sigmaMax * t;
    }

    @Override
    public double dAlpha(double t) {
        return 0.0;
    }

    @Override
    public double dSigma(double t) {
        return sigmaMax;
    }

    @Override
    public double f(double t) {
        return 0.0;
    }

    @Override
    public double g2(double t) {
        return 2 * sigmaMax * sigmaMax * t;
    }

    @Override
    public double lambda(double t) {
        return -Math.log(sigmaMax * t);
    }

    @Override
    public double tOfLambda(double lambda) {
        return Math.exp(-lambda) / sigmaMax;
    }

    @Override
    public double tMin() {
        return sigmaMin / sigmaMax;
    }

    @Override
    public double tMax() {
        return 1.0;
    }
}
