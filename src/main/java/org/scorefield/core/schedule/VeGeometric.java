package org.scorefield.core.schedule;

import java.util.Map;

/**
 * Variance exploding with geometric noise levels (NCSN, Song & Ermon 2019/2020):
 * <pre>
 *   α = 1,   σ = σ_min (σ_max/σ_min)^t,   f = 0,   g² = 2σ² ln(σ_max/σ_min)
 * </pre>
 * (docs/math.md §2.4.) σ(0) = σ_min > 0, so the whole of [0, 1] is usable. Song & Ermon's
 * technique 1 sets σ_max to about the largest distance between two data points; the default 5 is
 * about that distance for the presets (3.6 for 8 Gaussians to 5.2 for pinwheel, at 1,000 points).
 */
public record VeGeometric(double sigmaMin, double sigmaMax) implements Schedule {

    static final ParameterSpec SIGMA_MIN = new ParameterSpec("sigma_min", "σ_min", 0.01, 0.001, 0.5, true,
            "Noise left at t = 0: the finest detail the process resolves.");
    static final ParameterSpec SIGMA_MAX = new ParameterSpec("sigma_max", "σ_max", 5, 0.5, 50, true,
            "Noise at t = 1: about the largest distance between two data points (Song & Ermon 2020). "
                    + "The default 5 is about that for the presets (3.6 to 5.2 at 1,000 points); "
                    + "raise it for wider data.");

    public VeGeometric {
        Schedules.requireSigmaRange(sigmaMin, sigmaMax);
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.VE;
    }

    @Override
    public Map<String, Double> parameters() {
        return Schedules.sigmaRange(sigmaMin, sigmaMax);
    }

    private double logRatio() {
        return Math.log(sigmaMax / sigmaMin);
    }

    @Override
    public double alpha(double t) {
        return 1.0;
    }

    @Override
    public double sigma(double t) {
        return sigmaMin * Math.exp(t * logRatio());
    }

    @Override
    public double dAlpha(double t) {
        return 0.0;
    }

    @Override
    public double dSigma(double t) {
        return sigma(t) * logRatio();
    }

    @Override
    public double f(double t) {
        return 0.0;
    }

    @Override
    public double g2(double t) {
        double s = sigma(t);
        return 2 * s * s * logRatio();
    }

    @Override
    public double lambda(double t) {
        return -Math.log(sigma(t));
    }

    @Override
    public double tOfLambda(double lambda) {
        return (-lambda - Math.log(sigmaMin)) / logRatio();
    }

    @Override
    public double tMin() {
        return 0.0;
    }

    @Override
    public double tMax() {
        return 1.0;
    }
}
