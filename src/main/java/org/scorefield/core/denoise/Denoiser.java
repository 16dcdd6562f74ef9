package org.scorefield.core.denoise;

import org.scorefield.core.head.PredictionHead;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * The one interface every sampler, field and metric evaluates: a batch of noisy points x_t at one
 * time t in, the denoised estimate {@code x̂0 = E[x0 | x_t]} of each out (MATH.md §3–4). The other
 * heads follow exactly from x̂0 through {@link PredictionHead}'s conversions.
 *
 * <p>Points are interleaved, {@code x0, y0, x1, y1, …}. One call is one network function
 * evaluation (NFE), whatever the batch size. Implementations are safe to call from one thread at a
 * time.
 */
public interface Denoiser {

    /** The noising schedule the denoiser answers for. */
    Schedule schedule();

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

    /** The prediction of any head at each point. */
    default double[] predict(PredictionHead head, double[] xt, double t) {
        return head.fromData(schedule().at(t), xt, denoise(xt, t));
    }
}
