package org.scorefield.core.sample;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * DPM-Solver++(2M) (Lu et al. 2022, Algorithm 2; book Algorithm 7; docs/math.md §5.9), a multistep
 * second-order solver in λ = log(α/σ) that reuses the previous step's x̂0. With
 * {@code h_i = λ_i − λ_{i−1}}:
 * <pre>
 *   first step:  x_1 = (σ_1/σ_0) x_0 − α_1 (e^{−h_1} − 1) x̂0(x_0, t_0)
 *   then:        r = h_i/h_{i−1},   D = (1 + r/2) x̂0_{i−1} − (r/2) x̂0_{i−2}
 *                x_i = (σ_i/σ_{i−1}) x_{i−1} − α_i (e^{−h_i} − 1) D
 * </pre>
 * One NFE per step.
 */
public record DpmSolverPp2M() implements Sampler {

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        Schedule schedule = denoiser.schedule();
        double[] x = xStart.clone();
        double[] x0Prev = null;
        double hPrev = Double.NaN;
        for (int i = 0; i < grid.steps(); i++) {
            double tPrev = grid.time(i);
            double tCur = grid.time(i + 1);
            double[] x0 = denoiser.denoise(x, tPrev);
            observer.atGridTime(i, x, x0);
            double h = schedule.lambda(tCur) - schedule.lambda(tPrev);
            double[] d = x0;
            if (x0Prev != null) {
                double r = h / hPrev; // Ratio of step sizes in λ.
                d = new double[x.length];
                for (int k = 0; k < x.length; k++) {
                    d[k] = (1 + r / 2) * x0[k] - (r / 2) * x0Prev[k]; // Second-order extrapolation of x̂0.
                }
            }
            double ratio = schedule.sigma(tCur) / schedule.sigma(tPrev);
            double coef = -schedule.alpha(tCur) * Math.expm1(-h); // −α_i (e^{−h} − 1)
            for (int k = 0; k < x.length; k++) {
                x[k] = ratio * x[k] + coef * d[k]; // Exponential integrator step.
            }
            x0Prev = x0;
            hPrev = h;
        }
        observer.atGridTime(grid.steps(), x, null);
        return x;
    }
}
