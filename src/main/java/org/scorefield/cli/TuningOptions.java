package org.scorefield.cli;

import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.GridKind;
import picocli.CommandLine.Option;

/** The sampler settings besides the method and its steps; each defaults to the method's own. */
final class TuningOptions {

    @Option(names = "--grid", paramLabel = "<uniform|logsnr|edm>",
            description = "Step spacing: uniform in t, uniform in log-SNR, or EDM's rho = 7 (default logsnr; edm for "
                    + "edm-churn).")
    String grid;

    @Option(names = "--eta", paramLabel = "E",
            description = "Stochasticity: gamma = eta*g for sde (0 = PF-ODE, 1 = reverse SDE), DDIM's eta for "
                    + "ddim-eta (default 1).")
    Double eta;

    @Option(names = "--churn", paramLabel = "S", description = "S_churn of edm-churn (default 5).")
    Double churn;

    @Option(names = "--langevin-steps", paramLabel = "M",
            description = "Langevin steps per level (langevin, default 20) or per corrector (pc, default 1).")
    Integer langevinSteps;

    @Option(names = "--langevin-step", paramLabel = "R",
            description = "Langevin step as a fraction of sigma(t)^2 (langevin 0.5, pc 0.05).")
    Double langevinStep;

    @Option(names = "--t-min", paramLabel = "T", description = "Last time of the grid (default: the schedule's).")
    Double tMin;

    @Option(names = "--final-denoise", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Finish with the denoiser's x0 at t_min (default on; --no-final-denoise to stop at t_min).")
    boolean finalDenoise;

    /** The method's defaults with every option that was given. */
    SamplerSettings settings(SamplerKind kind, Integer steps) {
        SamplerSettings s = SamplerSettings.defaults(kind);
        if (steps != null) {
            s = s.withSteps(steps);
        }
        return over(s);
    }

    /** {@code base} (a session's sampler, say) with every option that was given. */
    SamplerSettings over(SamplerSettings base) {
        SamplerSettings s = base;
        if (grid != null) {
            s = s.withGrid(GridKind.fromId(grid));
        }
        if (eta != null) {
            s = s.withEta(eta);
        }
        if (churn != null) {
            s = s.withChurn(churn);
        }
        if (langevinSteps != null || langevinStep != null) {
            s = s.withLangevin(langevinSteps != null ? langevinSteps : s.langevinSteps(),
                    langevinStep != null ? langevinStep : s.langevinStepScale());
        }
        if (tMin != null) {
            s = s.withTMin(tMin);
        }
        return s.withFinalDenoise(finalDenoise);
    }
}
