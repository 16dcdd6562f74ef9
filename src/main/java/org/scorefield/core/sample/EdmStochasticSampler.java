package org.scorefield.core.sample;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * EDM's stochastic sampler (Karras et al. 2022, Algorithm 2; docs/math.md §5.12): at each step, raise
 * the noise level by a factor 1 + γ ("churn"), then take a Heun step down to the next level.
 * <pre>
 *   γ_i = min(S_churn/K, √2 − 1) if σ_i ∈ [S_tmin, S_tmax], else 0
 *   σ̂ = σ_i (1 + γ_i),   x̂ = x_i + sqrt(σ̂² − σ_i²) S_noise ξ
 *   d = (x̂ − D(x̂; σ̂))/σ̂,   x_{i+1} = x̂ + (σ_{i+1} − σ̂) d,   then the 2nd-order correction
 * </pre>
 * For a general affine schedule the algorithm runs on the equivalent VE process
 * {@code x̃ = x/α}, {@code σ̃ = σ/α} (Karras et al. 2022, section 4), and maps back at every grid
 * time. The churned level never rises above the grid's first level, where the model has been
 * trained.
 *
 * @param sChurn total churn S_churn ≥ 0
 * @param sTmin  smallest σ̃ that is churned
 * @param sTmax  largest σ̃ that is churned
 * @param sNoise noise inflation S_noise (1 for exact marginals)
 */
public record EdmStochasticSampler(double sChurn, double sTmin, double sTmax, double sNoise) implements Sampler {

    /** Defaults for 2D data: the paper's S_tmin, S_tmax and S_noise = 1. */
    public static EdmStochasticSampler withChurn(double sChurn) {
        return new EdmStochasticSampler(sChurn, 0.05, 50, 1.0);
    }

    public EdmStochasticSampler {
        if (!(sChurn >= 0) || !(sTmin >= 0) || !(sTmax >= sTmin) || !(sNoise >= 0)) {
            throw new IllegalArgumentException("EDM churn constants out of range: S_churn " + sChurn + ", S_tmin "
                    + sTmin + ", S_tmax " + sTmax + ", S_noise " + sNoise);
        }
    }

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        Schedule schedule = denoiser.schedule();
        int steps = grid.steps();
        double sigmaTop = schedule.at(grid.time(0)).noiseToSignal();
        double[] x = scaled(xStart, 1 / schedule.alpha(grid.time(0))); // x̃ = x/α
        for (int i = 0; i < steps; i++) {
            double tCur = grid.time(i);
            double sigmaCur = schedule.at(tCur).noiseToSignal();
            double sigmaNext = schedule.at(grid.time(i + 1)).noiseToSignal();
            // The start is reported as given: x/α·α need not round-trip to the same bits.
            observer.atGridTime(i, i == 0 ? xStart : scaled(x, schedule.alpha(tCur)), null);

            // Increase noise temporarily.
            double gamma = sigmaCur >= sTmin && sigmaCur <= sTmax ? Math.min(sChurn / steps, Math.sqrt(2) - 1) : 0;
            double sigmaHat = Math.min(sigmaCur * (1 + gamma), Math.max(sigmaCur, sigmaTop));
            double[] xHat = x.clone();
            if (sigmaHat > sigmaCur) {
                Vectors.addNoise(xHat, Math.sqrt(sigmaHat * sigmaHat - sigmaCur * sigmaCur) * sNoise, noise);
            }

            // Euler step.
            double tHat = sigmaHat > sigmaCur ? schedule.tOfNoiseToSignal(sigmaHat) : tCur;
            double[] dCur = slope(denoiser, xHat, sigmaHat, tHat);
            double[] xNext = Vectors.plusScaled(xHat, sigmaNext - sigmaHat, dCur);

            // Apply 2nd order correction.
            if (sigmaNext > 0) {
                double[] dPrime = slope(denoiser, xNext, sigmaNext, grid.time(i + 1));
                for (int k = 0; k < x.length; k++) {
                    xNext[k] = xHat[k] + (sigmaNext - sigmaHat) * 0.5 * (dCur[k] + dPrime[k]);
                }
            }
            x = xNext;
        }
        double[] out = scaled(x, schedule.alpha(grid.end()));
        observer.atGridTime(steps, out, null);
        return out;
    }

    /** dx̃/dσ̃ = (x̃ − D(x̃; σ̃))/σ̃, with D read from the denoiser at t, the time of level σ̃. */
    private static double[] slope(Denoiser denoiser, double[] xTilde, double sigmaTilde, double t) {
        Schedule schedule = denoiser.schedule();
        double[] x0 = denoiser.denoise(scaled(xTilde, schedule.alpha(t)), t);
        double[] d = new double[xTilde.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = (xTilde[k] - x0[k]) / sigmaTilde;
        }
        return d;
    }

    private static double[] scaled(double[] x, double factor) {
        double[] out = new double[x.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = factor * x[k];
        }
        return out;
    }
}
