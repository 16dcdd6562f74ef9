package org.scorefield.core.sample;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * Predictor–corrector sampling (Song et al. 2021, Algorithm 1; docs/math.md §5.14): each step is one
 * reverse-SDE step by Euler–Maruyama (the predictor, {@link EulerMaruyamaSampler} with η = 1),
 * then M Langevin steps at the new time (the corrector, {@link LangevinCorrector}).
 * NFE = K·(1 + M).
 *
 * @param corrector the Langevin steps after each predictor step
 */
public record PredictorCorrectorSampler(LangevinCorrector corrector) implements Sampler {

    @Override
    public void checkStable(Schedule schedule, TimeGrid grid) {
        EulerMaruyamaSampler.requireStable(schedule, grid, 1.0, "pc");
    }

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        double[] x = xStart.clone();
        for (int i = 0; i < grid.steps(); i++) {
            double t = grid.time(i);
            double tNext = grid.time(i + 1);
            double[] x0 = denoiser.denoise(x, t);
            observer.atGridTime(i, x, x0);
            EulerMaruyamaSampler.step(denoiser.schedule(), x, x0, t, tNext, 1.0, noise); // Predictor.
            corrector.run(denoiser, x, tNext, noise); // Corrector.
        }
        observer.atGridTime(grid.steps(), x, null);
        return x;
    }
}
