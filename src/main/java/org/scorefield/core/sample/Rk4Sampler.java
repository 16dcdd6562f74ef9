package org.scorefield.core.sample;

import static org.scorefield.core.head.PredictionHead.velocityFromData;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * The classical fourth-order Runge–Kutta method on the PF-ODE {@code dx/dt = û(x, t)}
 * (docs/math.md §5.6). Four NFE per step; global error O(h⁴).
 */
public record Rk4Sampler() implements Sampler {

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        Schedule schedule = denoiser.schedule();
        double[] x = xStart.clone();
        for (int i = 0; i < grid.steps(); i++) {
            double t = grid.time(i);
            double h = grid.time(i + 1) - t;
            double[] x0 = denoiser.denoise(x, t);
            observer.atGridTime(i, x, x0);
            double[] k1 = velocityFromData(schedule.at(t), x, x0);
            double[] k2 = denoiser.velocity(Vectors.plusScaled(x, h / 2, k1), t + h / 2);
            double[] k3 = denoiser.velocity(Vectors.plusScaled(x, h / 2, k2), t + h / 2);
            double[] k4 = denoiser.velocity(Vectors.plusScaled(x, h, k3), t + h);
            for (int k = 0; k < x.length; k++) {
                x[k] += h / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
            }
        }
        observer.atGridTime(grid.steps(), x, null);
        return x;
    }
}
