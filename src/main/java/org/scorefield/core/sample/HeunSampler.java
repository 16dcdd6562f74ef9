package org.scorefield.core.sample;

import static org.scorefield.core.head.PredictionHead.velocityFromData;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * Heun's second-order method on the PF-ODE {@code dx/dt = û(x, t)} (Karras et al. 2022,
 * Algorithm 1; docs/math.md §5.5): an Euler predictor, then the trapezoidal corrector. Two NFE per
 * step; a plain Euler step where {@code û(·, t_{i+1})} is undefined (σ = 0). Global error O(h²).
 */
public record HeunSampler() implements Sampler {

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        Schedule schedule = denoiser.schedule();
        double[] x = xStart.clone();
        for (int i = 0; i < grid.steps(); i++) {
            double tCur = grid.time(i);
            double tNext = grid.time(i + 1);
            double h = tNext - tCur;
            double[] x0 = denoiser.denoise(x, tCur);
            observer.atGridTime(i, x, x0);
            double[] dCur = velocityFromData(schedule.at(tCur), x, x0); // Evaluate dx/dt at t_i.
            double[] xNext = Vectors.plusScaled(x, h, dCur); // Euler step.
            if (schedule.sigma(tNext) > 0) {
                double[] dPrime = velocityFromData(schedule.at(tNext), xNext, denoiser.denoise(xNext, tNext));
                for (int k = 0; k < x.length; k++) {
                    xNext[k] = x[k] + h * 0.5 * (dCur[k] + dPrime[k]); // Apply 2nd order correction.
                }
            }
            x = xNext;
        }
        observer.atGridTime(grid.steps(), x, null);
        return x;
    }
}
