package org.scorefield.core.likelihood;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.schedule.GridKind;

/**
 * How the likelihood ODE is integrated (docs/math.md §7.4).
 *
 * @param solver    the Runge–Kutta method
 * @param grid      how the steps are spaced (the sampling grids, walked upwards)
 * @param steps     the number of steps from t_min to the top
 * @param tMin      where the integration starts; NaN for the schedule's t_min
 * @param estimator the exact divergence or Hutchinson's estimator
 * @param seed      the seed of Hutchinson's probes
 */
public record LikelihoodSettings(LikelihoodSolver solver, GridKind grid, int steps, double tMin,
                                 DivergenceEstimator estimator, long seed) {

    /** The most steps an integration may take. */
    public static final int MAX_STEPS = 10_000;

    public LikelihoodSettings {
        InvalidInputException.require(steps >= 1 && steps <= MAX_STEPS, "The likelihood takes 1 to " + MAX_STEPS
                + " steps, got " + steps + ".");
        InvalidInputException.require(Double.isNaN(tMin) || tMin >= 0 && tMin < 1, "t_min must lie in [0, 1), got "
                + tMin + ".");
    }

    /** RK4 in 64 steps uniform in log-SNR, exact divergence: the defaults of {@code nll} (docs/math.md §7.4). */
    public static LikelihoodSettings defaults() {
        return new LikelihoodSettings(LikelihoodSolver.RK4, GridKind.LOG_SNR, 64, Double.NaN,
                DivergenceEstimator.exact(), 0);
    }

    public LikelihoodSettings withSteps(int k) {
        return new LikelihoodSettings(solver, grid, k, tMin, estimator, seed);
    }

    public LikelihoodSettings withGrid(GridKind g) {
        return new LikelihoodSettings(solver, g, steps, tMin, estimator, seed);
    }

    public LikelihoodSettings withEstimator(DivergenceEstimator e, long probeSeed) {
        return new LikelihoodSettings(solver, grid, steps, tMin, e, probeSeed);
    }

    /** Evaluations of the denoiser per integration: one per stage of every step. */
    public long evaluations() {
        return (long) steps * solver.stages();
    }
}
