package org.scorefield.core.sample;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.TimeGrid;

/**
 * DDIM (Song, Meng and Ermon 2021; book 9.2; docs/math.md §5.7–5.8), from s to t < s with x̂0 and ε̂
 * evaluated at (x_s, s):
 * <pre>
 *   η = 0:  x_t = α_t x̂0 + σ_t ε̂                         (exponential Euler on the PF-ODE)
 *   η > 0:  x_t = α_t x̂0 + sqrt(σ_t² − c²) ε̂ + c ξ,
 *           c = η σ_t sqrt(1 − (α_s σ_t)²/(α_t σ_s)²)    (η = 1: the DDPM posterior)
 * </pre>
 * The book's printed eq. 9.2.10 gives a negative variance; this is the corrected form.
 *
 * @param eta η ∈ [0, 1]
 */
public record DdimSampler(double eta) implements Sampler {

    public DdimSampler {
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("DDIM's η must lie in [0, 1], got " + eta);
        }
    }

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        Schedule schedule = denoiser.schedule();
        double[] x = xStart.clone();
        for (int i = 0; i < grid.steps(); i++) {
            Coefficients s = schedule.at(grid.time(i));
            Coefficients t = schedule.at(grid.time(i + 1));
            double[] x0 = denoiser.denoise(x, s.t());
            observer.atGridTime(i, x, x0);
            double c = 0;
            if (eta > 0) {
                // (α_s σ_t)²/(α_t σ_s)² = SNR_s/SNR_t = e^{2(λ_s − λ_t)}: 1 minus it without cancellation.
                double oneMinusRatio2 = -Math.expm1(2 * (s.lambda() - t.lambda()));
                c = eta * t.sigma() * Math.sqrt(Math.max(0, oneMinusRatio2)); // Posterior noise level.
            }
            double epsScale = Math.sqrt(Math.max(0, t.sigma() * t.sigma() - c * c));
            for (int k = 0; k < x.length; k++) {
                double eps = (x[k] - s.alpha() * x0[k]) / s.sigma(); // ε̂ at (x_s, s).
                x[k] = t.alpha() * x0[k] + epsScale * eps; // Re-noise x̂0 to level t along ε̂.
            }
            if (c > 0) {
                Vectors.addNoise(x, c, noise); // Fresh noise c ξ.
            }
        }
        observer.atGridTime(grid.steps(), x, null);
        return x;
    }
}
