package org.scorefield.core.likelihood;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.VelocityDivergence;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * The log-density a deterministic sampler gives its samples, by the instantaneous change of
 * variables (docs/math.md §7): each point x0 starts at {@code α(t_min)·x0} and rides the PF-ODE up to
 * the top of the grid while {@code ℓ = ∫∇·û dt} accumulates, all points in one batch; then
 * <pre>
 *   log p_0(x0) ≈ log N(x(1); 0, σ(1)² I) + ℓ + 2·log α(t_min)
 * </pre>
 * The last term undoes the scale of the start (the density of α·x0 is p_0/α² in 2D); what remains
 * of the gap at t_min is the blur by σ(t_min) (docs/math.md §7.3).
 */
public final class Likelihood {

    private Likelihood() {
    }

    /** Sees the points after each step (and at the start, step 0); may throw to stop the integration. */
    @FunctionalInterface
    public interface PathObserver {

        /**
         * @param step     0 at the start, then the number of steps taken
         * @param t        the time reached
         * @param x        the positions, interleaved (do not keep: it changes)
         * @param logDet   ℓ so far at each point (do not keep)
         */
        void at(int step, double t, double[] x, double[] logDet);

        PathObserver NONE = (step, t, x, logDet) -> { };
    }

    /**
     * The result for each point.
     *
     * @param end        x(1), where each point reached the top, interleaved
     * @param logDet     ℓ = ∫∇·û dt of each point
     * @param logPrior   log N(x(1); 0, σ(1)² I) of each point
     * @param logDensity log p_0 of each point: logPrior + ℓ + logScale
     * @param tMin       where the integration started
     * @param tTop       where it ended
     * @param logScale   2·log α(t_min)
     * @param evaluations calls of the denoiser (each a batch of all points)
     */
    public record Result(double[] end, double[] logDet, double[] logPrior, double[] logDensity, double tMin,
                         double tTop, double logScale, long evaluations) {

        /** The mean of −log p_0 over the points. */
        public double nll() {
            double sum = 0;
            for (double v : logDensity) {
                sum -= v;
            }
            return sum / logDensity.length;
        }

        /** The standard error of {@link #nll()}: the spread of −log p_0 over the points over √n. */
        public double nllStandardError() {
            int n = logDensity.length;
            if (n < 2) {
                return Double.NaN;
            }
            double mean = -nll();
            double squares = 0;
            for (double v : logDensity) {
                squares += (v - mean) * (v - mean);
            }
            return Math.sqrt(squares / (n - 1) / n);
        }
    }

    /** The time the integration ends at: 1, or t_max where the grid is defined through λ (as sampling starts). */
    public static double topTime(Schedule schedule, LikelihoodSettings settings) {
        return settings.grid().needsFiniteLambda() ? schedule.tMax() : 1.0;
    }

    /** The time it starts at: the settings' t_min, or the schedule's; σ must be positive there. */
    public static double bottomTime(Schedule schedule, LikelihoodSettings settings) {
        double t = Double.isNaN(settings.tMin()) ? schedule.tMin() : settings.tMin();
        InvalidInputException.require(schedule.sigma(t) > 0 && schedule.alpha(t) > 0, "t_min = " + t
                + " leaves no noise under " + schedule.kind().id() + " (σ = 0); use t_min ≥ " + schedule.tMin() + ".");
        return t;
    }

    /** The grid from the bottom up: time(0) = t_min. */
    public static double[] times(Schedule schedule, LikelihoodSettings settings) {
        double bottom = bottomTime(schedule, settings);
        double top = topTime(schedule, settings);
        InvalidInputException.require(bottom < top, "t_min = " + bottom + " must lie below the top of the grid, "
                + top + ".");
        TimeGrid down = settings.grid().build(schedule, top, bottom, settings.steps());
        double[] up = new double[settings.steps() + 1];
        for (int i = 0; i <= settings.steps(); i++) {
            up[i] = down.time(settings.steps() - i);
        }
        return up;
    }

    /** log p_0 of each data point (interleaved) under the denoiser's PF-ODE, as the class comment says. */
    public static Result logDensity(Denoiser denoiser, double[] data, LikelihoodSettings settings,
            PathObserver observer) {
        Schedule schedule = denoiser.schedule();
        double[] t = times(schedule, settings);
        int n = data.length / 2;
        double alpha = schedule.alpha(t[0]);
        double[] x = new double[data.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = alpha * data[k];
        }
        double[] ell = new double[n];
        double[] probes = settings.estimator().isExact() ? null
                : Hutchinson.probes(n, settings.estimator().probes(), settings.seed());
        LikelihoodSolver solver = settings.solver();
        int stages = solver.stages();
        double[][] kx = new double[stages][];
        double[][] kl = new double[stages][];
        long evaluations = 0;
        observer.at(0, t[0], x, ell);
        for (int i = 0; i < settings.steps(); i++) {
            double h = t[i + 1] - t[i];
            for (int s = 0; s < stages; s++) {
                double[] y = x.clone();
                for (int j = 0; j < s; j++) {
                    double a = solver.stage(s, j);
                    if (a != 0) {
                        for (int k = 0; k < y.length; k++) {
                            y[k] += h * a * kx[j][k];
                        }
                    }
                }
                VelocityDivergence rates = rates(denoiser, y, t[i] + solver.node(s) * h, probes);
                evaluations++;
                kx[s] = rates.velocity();
                kl[s] = rates.divergence();
            }
            for (int s = 0; s < stages; s++) {
                double b = h * solver.weight(s);
                for (int k = 0; k < x.length; k++) {
                    x[k] += b * kx[s][k];
                }
                for (int p = 0; p < n; p++) {
                    ell[p] += b * kl[s][p];
                }
            }
            observer.at(i + 1, t[i + 1], x, ell);
        }
        double sigma = schedule.sigma(t[settings.steps()]);
        double logScale = 2 * Math.log(alpha);
        double[] logPrior = new double[n];
        double[] logDensity = new double[n];
        for (int p = 0; p < n; p++) {
            double r2 = x[2 * p] * x[2 * p] + x[2 * p + 1] * x[2 * p + 1];
            logPrior[p] = gaussianLogDensity(r2, sigma);
            logDensity[p] = logPrior[p] + ell[p] + logScale;
        }
        return new Result(x, ell, logPrior, logDensity, t[0], t[settings.steps()], logScale, evaluations);
    }

    /** log N(x; 0, σ²I) in 2D for ‖x‖² = r2. */
    public static double gaussianLogDensity(double r2, double sigma) {
        return -Math.log(2 * Math.PI * sigma * sigma) - r2 / (2 * sigma * sigma);
    }

    /** û and ∇·û at y: exact, or Hutchinson's mean over the fixed probes. */
    private static VelocityDivergence rates(Denoiser denoiser, double[] y, double t, double[] probes) {
        if (probes == null) {
            return denoiser.velocityDivergence(y, t);
        }
        double[] velocity = denoiser.velocity(y, t);
        return new VelocityDivergence(velocity, Hutchinson.estimate(denoiser, y, t, probes).mean());
    }
}
