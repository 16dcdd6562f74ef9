package org.scorefield.core.sample;

import static org.scorefield.core.head.PredictionHead.scoreFromData;
import static org.scorefield.core.head.PredictionHead.velocityFromData;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * The stochastic family of samplers with the marginals p_t (book Prop 6.4.1; docs/math.md §5.10),
 * integrated by Euler–Maruyama with stochasticity {@code γ = η·g}:
 * <pre>
 *   x_{t−h} = x_t − h·û(x_t, t) + ½ h γ² ŝ(x_t, t) + γ sqrt(h) ξ
 * </pre>
 * η = 0 is the PF-ODE by Euler's method, {@code x ← x + (t_{i+1} − t_i)·û}; η = 1 is the reverse
 * SDE of Anderson / Song, {@code x_{t−h} = x_t − h f x_t + h g² ŝ + g sqrt(h) ξ}; η > 1 is noisier
 * still and keeps the same marginals in the limit of small steps.
 *
 * @param eta η ≥ 0
 */
public record EulerMaruyamaSampler(double eta) implements Sampler {

    public EulerMaruyamaSampler {
        if (!(eta >= 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("η must be a finite number ≥ 0, got " + eta);
        }
    }

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        double[] x = xStart.clone();
        for (int i = 0; i < grid.steps(); i++) {
            double[] x0 = denoiser.denoise(x, grid.time(i)); // Evaluate x̂0 at (x, t_i).
            observer.atGridTime(i, x, x0);
            step(denoiser.schedule(), x, x0, grid.time(i), grid.time(i + 1), eta, noise);
        }
        observer.atGridTime(grid.steps(), x, null);
        return x;
    }

    /**
     * Euler–Maruyama treats the score term explicitly. Holding x̂0 fixed, ŝ = (α x̂0 − x)/σ², so one
     * step multiplies x by {@code 1 − h f − ½ h (1 + η²) g²/σ²}, and since g²/σ² = −2λ' the last
     * term is about {@code (1 + η²)·|Δλ|}. Below −1 the step amplifies instead of contracting and the
     * run diverges (on the linear schedule a uniform grid of 32 steps gives −9 at its first step).
     * Steps uniform in log-SNR keep |Δλ| small everywhere.
     */
    @Override
    public void checkStable(Schedule schedule, TimeGrid grid) {
        requireStable(schedule, grid, eta, "sde");
    }

    /** The check of {@link #checkStable}, shared with the predictor of {@link PredictorCorrectorSampler}. */
    static void requireStable(Schedule schedule, TimeGrid grid, double eta, String method) {
        for (int i = 0; i < grid.steps(); i++) {
            double t = grid.time(i);
            double h = t - grid.time(i + 1);
            double sigma = schedule.sigma(t);
            double factor = 1 - h * schedule.f(t) - 0.5 * h * (1 + eta * eta) * schedule.g2(t) / (sigma * sigma);
            if (factor < -1) {
                throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                        "The %s solver with η = %.3g would diverge: its step from t = %.4g to %.4g is too large "
                                + "for Euler–Maruyama (it multiplies x by %.1f). Use more steps, the logsnr grid, "
                                + "or a smaller η.", method, eta, t, grid.time(i + 1), factor));
            }
        }
    }

    /**
     * One step from t to tNext < t, in place, given x̂0 at (x, t). Shared with the predictor of
     * {@link PredictorCorrectorSampler}.
     */
    static void step(Schedule schedule, double[] x, double[] x0, double t, double tNext, double eta,
            SeededRandom noise) {
        Coefficients c = schedule.at(t);
        double h = t - tNext;
        double[] u = velocityFromData(c, x, x0); // û = α' x̂0 + σ' ε̂
        if (eta == 0) {
            Vectors.addScaled(x, -h, u); // Euler step on the PF-ODE.
            return;
        }
        double gamma2 = eta * eta * schedule.g2(t); // γ² = η² g²
        double[] s = scoreFromData(c, x, x0); // ŝ = (α x̂0 − x)/σ²
        Vectors.addScaled(x, -h, u); // Deterministic drift.
        Vectors.addScaled(x, 0.5 * h * gamma2, s); // Score correction for the added noise.
        Vectors.addNoise(x, Math.sqrt(h * gamma2), noise); // Add noise γ sqrt(h) ξ.
    }
}
