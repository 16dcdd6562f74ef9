package org.scorefield.core.denoise;

import org.scorefield.core.head.PredictionHead;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * The one interface every sampler, field and metric evaluates: a batch of noisy points x_t at one
 * time t in, the denoised estimate {@code x̂0 = E[x0 | x_t]} of each out (docs/math.md §3–4). The other
 * heads follow exactly from x̂0 through {@link PredictionHead}'s conversions.
 *
 * <p>Points are interleaved, {@code x0, y0, x1, y1, …}. One call is one network function
 * evaluation (NFE), whatever the batch size. Implementations are safe to call from one thread at a
 * time.
 */
public interface Denoiser {

    /** The noising schedule the denoiser answers for. */
    Schedule schedule();

    /**
     * Whether x_t is {@code α·x0 + σ·ε} with ε independent N(0, I) noise (docs/math.md §1.5). Then Tweedie
     * gives the score from x̂0 and the reverse SDE of the schedule has the marginals p_t, so
     * stochastic samplers apply. False for a flow from another source than N(0, I), or trained on
     * dependent pairs (minibatch OT, Sinkhorn, Reflow): there x̂0 still gives the velocity that every
     * deterministic solver follows, but ε̂ is E[x1 | x_t] of a coupled x1, not a noise prediction.
     */
    default boolean gaussianNoise() {
        return true;
    }

    /**
     * Whether {@link #score} is ∇log p_t: true with Gaussian noise, and for an oracle that computes
     * the score directly.
     */
    default boolean hasScore() {
        return gaussianNoise();
    }

    /** x̂0 for each point of xt at time t. */
    double[] denoise(double[] xt, double t);

    /** ε̂ at each point. */
    default double[] epsilon(double[] xt, double t) {
        return PredictionHead.epsilonFromData(schedule().at(t), xt, denoise(xt, t));
    }

    /** ŝ = ∇ log p_t at each point. */
    default double[] score(double[] xt, double t) {
        return PredictionHead.scoreFromData(schedule().at(t), xt, denoise(xt, t));
    }

    /** The PF-ODE velocity û = dx/dt at each point. */
    default double[] velocity(double[] xt, double t) {
        Coefficients c = schedule().at(t);
        return PredictionHead.velocityFromData(c, xt, denoise(xt, t));
    }

    /**
     * û and its divergence ∇·û at each point (docs/math.md §7.2), one call. By default central
     * differences of û in double precision ({@link VelocityDivergence#centralDifferences}); a
     * network overrides it with the exact divergence through its layers.
     */
    default VelocityDivergence velocityDivergence(double[] xt, double t) {
        return VelocityDivergence.centralDifferences(this, xt, t);
    }

    /**
     * {@code ξᵀ (∂û/∂x) ξ} at each point for one probe ξ per point (interleaved), one call: the
     * summand of Hutchinson's estimator of ∇·û (docs/math.md §7.2).
     */
    default double[] velocityQuadraticForm(double[] xt, double t, double[] xi) {
        return VelocityDivergence.quadraticFormByDifferences(this, xt, t, xi);
    }

    /** Whether {@link #velocityDivergence} differentiates exactly, rather than by central differences. */
    default boolean exactDivergence() {
        return false;
    }

    /** The prediction of any head at each point. */
    default double[] predict(PredictionHead head, double[] xt, double t) {
        return head.fromData(schedule().at(t), xt, denoise(xt, t));
    }
}
