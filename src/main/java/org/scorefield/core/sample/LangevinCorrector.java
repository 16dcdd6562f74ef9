package org.scorefield.core.sample;

import static org.scorefield.core.head.PredictionHead.scoreFromData;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;

/**
 * Langevin dynamics at one noise level, which leaves p_t invariant (Rakitin Alg. 1; book 3.1;
 * docs/math.md §5.13): {@code x ← x + η ŝ(x, t) + sqrt(2η) ξ}. The √2 is what makes p_t stationary.
 * The step is {@code η = r·σ(t)²}: NCSN's {@code δ σ_ℓ²/σ_1²} with {@code δ = r σ_1²}, which
 * keeps the step a fixed fraction of the local width of p_t at every level.
 *
 * @param steps     Langevin steps M per level
 * @param stepScale r, the step as a fraction of σ(t)²
 */
public record LangevinCorrector(int steps, double stepScale) {

    public LangevinCorrector {
        if (steps < 0 || !(stepScale > 0) || !Double.isFinite(stepScale)) {
            throw new IllegalArgumentException("Langevin needs steps ≥ 0 and a positive step scale, got " + steps
                    + " and " + stepScale);
        }
    }

    /** Runs M steps at time t, in place. Each step is one NFE. */
    void run(Denoiser denoiser, double[] x, double t, SeededRandom noise) {
        Coefficients c = denoiser.schedule().at(t);
        double eta = stepScale * c.sigma() * c.sigma();
        for (int m = 0; m < steps; m++) {
            double[] score = scoreFromData(c, x, denoiser.denoise(x, t));
            Vectors.addScaled(x, eta, score); // Move up the score.
            Vectors.addNoise(x, Math.sqrt(2 * eta), noise); // Add noise sqrt(2η) ξ.
        }
    }
}
