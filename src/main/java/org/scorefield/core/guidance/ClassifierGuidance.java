package org.scorefield.core.guidance;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * Classifier guidance of any unconditional denoiser (Dhariwal &amp; Nichol 2021; book 8.2;
 * docs/math.md §9.2): the score of p_t plus ω times a classifier's ∇_x log p_t(c | x_t),
 * <pre>
 *   ŝ_ω(x_t) = ŝ(x_t) + ω·∇ log p_t(c | x_t)
 *   x̂0_ω(x_t) = x̂0(x_t) + (σ²/α)·ω·∇ log p_t(c | x_t)      (Tweedie, ŝ = (α x̂0 − x_t)/σ²)
 * </pre>
 * so every head moves with it (docs/math.md §3.2). One call evaluates the denoiser once and the
 * classifier's gradient once.
 */
public final class ClassifierGuidance {

    /** ∇_x log p_t(c | x_t) of one class at each point of a batch ({@code n × 2} values, interleaved). */
    @FunctionalInterface
    public interface ClassGradient {
        double[] at(double[] xt, double t);
    }

    private ClassifierGuidance() {
    }

    /**
     * The guided denoiser; ω = 0 is the unconditional one itself. Where α = 0 (the linear path's
     * t = 1) x_t carries nothing of x0, so p_t(c | x_t) is the prior and its gradient vanishes:
     * the unconditional x̂0 is returned there rather than 0·∞.
     */
    public static Denoiser guide(Denoiser unconditional, ClassGradient gradient, double omega) {
        ExactGuidance.checkOmega(omega);
        if (omega == 0) {
            return unconditional;
        }
        return new Denoiser() {
            @Override
            public Schedule schedule() {
                return unconditional.schedule();
            }

            @Override
            public boolean gaussianNoise() {
                return unconditional.gaussianNoise();
            }

            @Override
            public boolean hasScore() {
                return unconditional.hasScore();
            }

            @Override
            public double[] denoise(double[] xt, double t) {
                double[] x0 = unconditional.denoise(xt, t);
                Coefficients c = schedule().at(t);
                if (c.alpha() == 0) {
                    return x0;
                }
                addScaled(x0, c.sigma() * c.sigma() / c.alpha() * omega, gradient.at(xt, t));
                return x0;
            }

            @Override
            public double[] score(double[] xt, double t) {
                double[] s = unconditional.score(xt, t);
                addScaled(s, omega, gradient.at(xt, t));
                return s;
            }
        };
    }

    private static void addScaled(double[] into, double scale, double[] g) {
        for (int i = 0; i < into.length; i++) {
            into[i] += scale * g[i];
        }
    }
}
