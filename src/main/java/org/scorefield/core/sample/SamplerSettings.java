package org.scorefield.core.sample;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.schedule.GridKind;

/**
 * Everything that defines a sampling run besides the model and the seeds.
 *
 * @param kind              the method
 * @param steps             grid steps K (NFE depends on the method)
 * @param grid              how the K steps are spaced
 * @param eta               stochasticity η: γ = η·g for {@code sde}, DDIM's η for {@code ddim-eta}
 * @param churn             S_churn for {@code edm-churn}
 * @param langevinSteps     Langevin steps per level ({@code langevin}) or per corrector ({@code pc})
 * @param langevinStepScale Langevin step as a fraction of σ(t)²
 * @param tMin              the last grid time; NaN for the schedule's {@code tMin()}
 * @param finalDenoise      whether to finish with x̂0(x_{t_min}, t_min), one more NFE
 */
public record SamplerSettings(SamplerKind kind, int steps, GridKind grid, double eta, double churn,
        int langevinSteps, double langevinStepScale, double tMin, boolean finalDenoise) {

    public SamplerSettings {
        InvalidInputException.require(kind != null && grid != null, "A solver and a grid are required.");
        InvalidInputException.require(steps >= 1 && steps <= 100_000,
                "Steps must lie between 1 and 100000, got " + steps + ".");
        InvalidInputException.require(eta >= 0 && Double.isFinite(eta), "η must be ≥ 0, got " + eta + ".");
        InvalidInputException.require(kind != SamplerKind.DDIM_ETA || eta <= 1,
                "DDIM-η needs η between 0 and 1, got " + eta + "; for more noise use the sde solver.");
        InvalidInputException.require(churn >= 0 && Double.isFinite(churn), "S_churn must be ≥ 0, got " + churn + ".");
        InvalidInputException.require(langevinSteps >= 1 && langevinSteps <= 10_000,
                "Langevin steps must lie between 1 and 10000, got " + langevinSteps + ".");
        InvalidInputException.require(langevinStepScale > 0 && langevinStepScale <= 1,
                "The Langevin step scale must lie in (0, 1] (steps near 2·σ² oscillate), got " + langevinStepScale
                        + ".");
        InvalidInputException.require(Double.isNaN(tMin) || (tMin >= 0 && tMin < 1),
                "t_min must lie in [0, 1), got " + tMin + ".");
    }

    /**
     * Sensible settings for each method on 2D data. Steps are uniform in log-SNR, Lu et al.'s grid
     * for DPM-Solver++ and NCSN's geometric noise levels for annealed Langevin, except for the EDM
     * sampler, which keeps Karras's ρ-spacing. On the presets the two do equally well for every
     * method and both beat a grid uniform in t, which under EDM's σ = σ_max·t leaves Heun at 32 steps
     * 5–11× above the SW2 floor, and which makes Euler–Maruyama diverge near t = 1 on the linear,
     * trigonometric and cosine schedules ({@link EulerMaruyamaSampler#checkStable}).
     * Annealed Langevin needs many levels and steps: 30 levels × 20 steps with a step of
     * 0.5·σ(t)² reach the noise floor on the presets, where 20 × 10 at 0.1·σ(t)² stay 2–5× above it.
     */
    public static SamplerSettings defaults(SamplerKind kind) {
        int steps = kind == SamplerKind.LANGEVIN ? 30 : 32;
        GridKind grid = kind == SamplerKind.EDM_CHURN ? GridKind.EDM : GridKind.LOG_SNR;
        double eta = kind == SamplerKind.SDE || kind == SamplerKind.DDIM_ETA ? 1.0 : 0.0;
        int langevinSteps = kind == SamplerKind.LANGEVIN ? 20 : 1;
        double stepScale = kind == SamplerKind.LANGEVIN ? 0.5 : 0.05;
        return new SamplerSettings(kind, steps, grid, eta, 5.0, langevinSteps, stepScale, Double.NaN, true);
    }

    /**
     * What a run with these settings is, for a title. Euler–Maruyama with γ = η·g is one member of a
     * family with the same marginals p_t (docs/math.md §5): η = 0 is the probability-flow ODE, only
     * η = 1 is the reverse SDE, any other η another SDE of the family. Other methods give their name.
     * Phrases are two spaces apart, where a narrow title breaks.
     */
    public String title() {
        if (kind != SamplerKind.SDE) {
            return kind.displayName();
        }
        if (eta == 0) {
            return "PF-ODE  (η = 0)";
        }
        if (eta == 1) {
            return "reverse SDE  (η = 1)";
        }
        return String.format(java.util.Locale.ROOT, "same-marginal SDE  (η = %.2g)", eta);
    }

    public SamplerSettings withSteps(int newSteps) {
        return new SamplerSettings(kind, newSteps, grid, eta, churn, langevinSteps, langevinStepScale, tMin,
                finalDenoise);
    }

    public SamplerSettings withGrid(GridKind newGrid) {
        return new SamplerSettings(kind, steps, newGrid, eta, churn, langevinSteps, langevinStepScale, tMin,
                finalDenoise);
    }

    public SamplerSettings withEta(double newEta) {
        return new SamplerSettings(kind, steps, grid, newEta, churn, langevinSteps, langevinStepScale, tMin,
                finalDenoise);
    }

    public SamplerSettings withChurn(double newChurn) {
        return new SamplerSettings(kind, steps, grid, eta, newChurn, langevinSteps, langevinStepScale, tMin,
                finalDenoise);
    }

    public SamplerSettings withLangevin(int newSteps, double newStepScale) {
        return new SamplerSettings(kind, steps, grid, eta, churn, newSteps, newStepScale, tMin, finalDenoise);
    }

    public SamplerSettings withTMin(double newTMin) {
        return new SamplerSettings(kind, steps, grid, eta, churn, langevinSteps, langevinStepScale, newTMin,
                finalDenoise);
    }

    public SamplerSettings withFinalDenoise(boolean on) {
        return new SamplerSettings(kind, steps, grid, eta, churn, langevinSteps, langevinStepScale, tMin, on);
    }

    public boolean stochastic() {
        return kind.isStochastic(this);
    }
}
