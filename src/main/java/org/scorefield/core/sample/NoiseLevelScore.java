package org.scorefield.core.sample;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.schedule.Schedule;

/**
 * The score of the data blurred by Gaussian noise of standard deviation σ,
 * {@code p_σ = p_data ∗ N(0, σ²I)}, read from any denoiser through the VE-equivalent variables
 * (docs/math.md §2.10): at the time t where {@code σ(t)/α(t) = σ}, {@code x_t/α = x0 + σ·ε} is a
 * point of p_σ, whose density is {@code α²·p_t(α·y)} in the plane, so
 *
 * <pre>
 *   ∇log p_σ(y) = α(t)·ŝ(α(t)·y, t),       t = t(σ/α = σ)
 * </pre>
 *
 * For the exact oracle this is the exact score of p_σ (for a Gaussian mixture, of
 * {@code Σ π_k N(μ_k, Σ_k + σ²I)}, docs/math.md §4.2); for a trained model, its learned score at that
 * level. The level is held inside the schedule's usable times {@code [tMin, tMax]}: a σ below the
 * noise at tMin reads the score at tMin ({@link #levelAt} says which level was read).
 */
public final class NoiseLevelScore implements LangevinDynamics.Score {

    private final Denoiser denoiser;

    /**
     * @param denoiser a denoiser whose {@link Denoiser#score} is ∇log p_t
     * @throws InvalidInputException for a flow whose x₁ is not Gaussian noise: it has no score
     */
    public NoiseLevelScore(Denoiser denoiser) {
        InvalidInputException.require(denoiser.hasScore(), "Langevin dynamics needs a score, and this flow has "
                + "none: its x\u2081 is not Gaussian noise independent of x\u2080.");
        this.denoiser = denoiser;
    }

    /** The time whose noise-to-signal ratio σ/α is {@code sigma}, within the schedule's usable times. */
    public double time(double sigma) {
        Schedule s = denoiser.schedule();
        double t = s.tOfNoiseToSignal(sigma);
        if (!(t >= s.tMin())) { // NaN too: a level below every time's
            return s.tMin();
        }
        return Math.min(t, s.tMax());
    }

    /** The noise level σ/α actually read for a wanted level (it differs only outside the schedule's range). */
    public double levelAt(double sigma) {
        Schedule s = denoiser.schedule();
        double t = time(sigma);
        return s.sigma(t) / s.alpha(t);
    }

    /** ∇log p_σ at every point of y (interleaved). One NFE. */
    @Override
    public double[] score(double[] y, double sigma) {
        double t = time(sigma);
        double alpha = denoiser.schedule().alpha(t);
        double[] x = y.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
        double[] s = denoiser.score(x, t);
        for (int i = 0; i < s.length; i++) {
            s[i] *= alpha;
        }
        return s;
    }
}
