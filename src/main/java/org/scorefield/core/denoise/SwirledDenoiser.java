package org.scorefield.core.denoise;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * A denoiser whose velocity carries a divergence-free swirl (docs/math.md §8.9, §8.11; book 5.2 and
 * App. B): the velocity {@code û} of the wrapped denoiser plus
 * <pre>
 *   w/p_t = s·σ(t)·J ŝ,     J (a, b) = (−b, a)   (a quarter turn counter-clockwise)
 *   w     = s·σ(t)·J ∇p_t,  ∇·w = s·σ(t)·(−∂y∂x p + ∂x∂y p) = 0
 * </pre>
 * so the continuity equation {@code ∂p_t/∂t + ∇·(p_t û) = 0} holds with the same p_t: every marginal
 * stays, particles circle along the level sets of p_t. That needs ŝ = ∇log p_t: exact for the oracle,
 * approximate for a model, and false for a guided denoiser, whose ŝ is not the score of the marginals
 * it follows. Any factor f(t) independent of x keeps
 * {@code ∇·w = 0}; {@code s·σ(t)} makes the swirl {@code −s·J ε̂}, bounded by the size of the noise
 * prediction, with a strength s in the units of a velocity per unit noise.
 *
 * <p>Every sampler reads the swirl: {@link #denoise} returns the x̂0 whose velocity is the swirled
 * one, {@code x̂0 + σ·Δu/d} with {@code d = α'σ − ασ'} (docs/math.md §3.3, d ≠ 0 where σ &gt; 0). A
 * stochastic sampler, which reads both û and ŝ from x̂0, sees each moved by a multiple c(t) of
 * {@code J ŝ}; its drift then changes by c(t)·{@code J∇log p_t}, whose flux {@code c(t) J∇p_t} is
 * divergence-free as well, so its marginals stay too. {@link #score} stays the true ∇log p_t of the
 * wrapped denoiser, which the swirl does not change.
 *
 * <p>One call of {@link #denoise} is one call of the wrapped denoiser where x1 is Gaussian noise
 * (the score follows from x̂0 by Tweedie); otherwise the wrapped denoiser's own score is read too.
 */
public final class SwirledDenoiser implements Denoiser {

    private final Denoiser inner;
    private final double strength;

    private SwirledDenoiser(Denoiser inner, double strength) {
        this.inner = inner;
        this.strength = strength;
    }

    /**
     * The denoiser with a swirl of strength s added to its velocity; the denoiser itself when s = 0.
     *
     * @throws InvalidInputException when s is not finite, or the denoiser has no score ∇log p_t
     */
    public static Denoiser of(Denoiser inner, double strength) {
        InvalidInputException.require(Double.isFinite(strength), "The swirl strength must be a finite number.");
        if (strength == 0) {
            return inner;
        }
        InvalidInputException.require(inner.hasScore(), "The swirl follows the level sets of p\u209c through its "
                + "score, and this flow has none (its x\u2081 is not Gaussian noise): set the swirl to 0.");
        return new SwirledDenoiser(inner, strength);
    }

    /** The swirl's strength s. */
    public double strength() {
        return strength;
    }

    /** The denoiser without the swirl. */
    public Denoiser inner() {
        return inner;
    }

    @Override
    public Schedule schedule() {
        return inner.schedule();
    }

    @Override
    public boolean gaussianNoise() {
        return inner.gaussianNoise();
    }

    @Override
    public boolean hasScore() {
        return inner.hasScore();
    }

    /** The swirl velocity {@code s·σ(t)·J ŝ} at each point, from a score ŝ. */
    public static double[] swirl(double strength, double sigma, double[] score) {
        double k = strength * sigma;
        double[] w = new double[score.length];
        for (int i = 0; i < score.length; i += 2) {
            w[i] = -k * score[i + 1];
            w[i + 1] = k * score[i];
        }
        return w;
    }

    /** x̂0 moved so that its velocity is the swirled one: {@code x̂0 + σ·Δu/d}. */
    @Override
    public double[] denoise(double[] xt, double t) {
        Coefficients c = schedule().at(t);
        double[] x0 = inner.denoise(xt, t);
        double[] score = inner.gaussianNoise() ? org.scorefield.core.head.PredictionHead.scoreFromData(c, xt, x0)
                : inner.score(xt, t);
        double[] w = swirl(strength, c.sigma(), score);
        double d = c.dAlpha() * c.sigma() - c.alpha() * c.dSigma();
        for (int i = 0; i < x0.length; i++) {
            x0[i] += c.sigma() * w[i] / d;
        }
        return x0;
    }

    /** The wrapped velocity plus the swirl (one call of the wrapped denoiser where x1 is Gaussian noise). */
    @Override
    public double[] velocity(double[] xt, double t) {
        if (inner.gaussianNoise()) {
            return Denoiser.super.velocity(xt, t);
        }
        double[] u = inner.velocity(xt, t);
        double[] w = swirl(strength, schedule().sigma(t), inner.score(xt, t));
        for (int i = 0; i < u.length; i++) {
            u[i] += w[i];
        }
        return u;
    }

    /** The true score of the wrapped denoiser: the swirl leaves p_t as it is. */
    @Override
    public double[] score(double[] xt, double t) {
        return inner.score(xt, t);
    }
}
