package org.scorefield.core.denoise;

import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.schedule.Schedule;

/**
 * The exact denoiser, score and density of a Gaussian mixture under an affine schedule
 * (docs/math.md §4.2): with {@code C_k = α²Σ_k + σ²I},
 * <pre>
 *   p_t = Σ π_k N(α μ_k, C_k)
 *   r_k(x) ∝ π_k N(x; α μ_k, C_k)
 *   ŝ(x)  = Σ r_k · [−C_k⁻¹ (x − α μ_k)]
 *   x̂0(x) = Σ r_k · [μ_k + α Σ_k C_k⁻¹ (x − α μ_k)]   (= (x + σ² ŝ)/α when α > 0)
 * </pre>
 * That is the {@link AffineMixture} of the mixture and N(0, I). x̂0 is computed from the
 * per-component posterior means, so it stays exact where α = 0.
 */
public final class GaussianMixtureDenoiser implements Denoiser {

    private final GaussianMixture mixture;
    private final Schedule schedule;
    private final AffineMixture path;

    public GaussianMixtureDenoiser(GaussianMixture mixture, Schedule schedule) {
        this.mixture = mixture;
        this.schedule = schedule;
        this.path = new AffineMixture(AffineMixture.Components.of(mixture), AffineMixture.Components.standardNormal(),
                schedule);
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    public GaussianMixture mixture() {
        return mixture;
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        return path.denoise(xt, t);
    }

    /** The exact score ∇ log p_t. */
    @Override
    public double[] score(double[] xt, double t) {
        return path.score(xt, t);
    }

    /** The exact log-density log p_t(x) at each point (one value per point). */
    public double[] logDensity(double[] xt, double t) {
        return path.logDensity(xt, t);
    }
}
