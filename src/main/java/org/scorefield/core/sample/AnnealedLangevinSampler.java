package org.scorefield.core.sample;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.TimeGrid;

/**
 * Annealed Langevin dynamics (NCSN, Song & Ermon 2019; book Algorithm 1 with its off-by-one
 * fixed; docs/math.md §5.13): for each level of the grid, from the noisiest t_0 to t_K, run M Langevin
 * steps with {@code η_ℓ = δ σ_ℓ²/σ_1²} ({@link LangevinCorrector}). Every level is run, the
 * last one included. NFE = (K + 1)·M.
 *
 * @param langevin the steps per level and the step scale
 */
public record AnnealedLangevinSampler(LangevinCorrector langevin) implements Sampler {

    @Override
    public double[] run(Denoiser denoiser, double[] xStart, TimeGrid grid, SeededRandom noise,
            StepObserver observer) {
        double[] x = xStart.clone();
        for (int level = 0; level <= grid.steps(); level++) {
            langevin.run(denoiser, x, grid.time(level), noise); // Equilibrate at level ℓ.
            observer.atGridTime(level, x, null);
        }
        return x;
    }
}
