package org.scorefield.core.nn;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.head.PredictionHead;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * How a network's raw output F relates to the process: what it sees, what it is trained towards,
 * and how its output becomes the denoiser x̂0 every sampler uses (docs/math.md §3).
 *
 * <p>Every objective feeds the network {@code c_in·x_t}, with EDM's {@code c_in = 1/sqrt(α²σ_d² + σ²)},
 * so that its input has about unit variance at every t whatever the schedule (VE's x_t reaches
 * σ_max). The time input τ is t, except for EDM, whose τ is {@code c_noise = ¼ ln(σ/α)}. The
 * target, weight and output conversion are those of {@link Objective}.
 *
 * @param objective the training objective
 * @param schedule  the noising process; the linear path for flow matching
 * @param weighting w(t) of the score objective
 * @param edm       σ_data and the preconditioning coefficients
 */
public record Parameterization(Objective objective, Schedule schedule, LossWeighting weighting,
                               EdmPreconditioning edm) {

    public Parameterization {
        InvalidInputException.require(objective != Objective.FLOW_MATCHING || schedule.kind() == ScheduleKind.LINEAR,
                "Flow matching trains on the linear path x_t = (1−t)x0 + t·x1: use the linear process "
                        + "(or leave --process out), not " + schedule.kind().id() + ".");
        InvalidInputException.require(weighting == LossWeighting.UNIFORM || objective == Objective.SCORE,
                "The likelihood weighting g² applies to the score objective only, not to "
                        + objective.id() + ".");
    }

    public static Parameterization of(Objective objective, Schedule schedule) {
        return new Parameterization(objective, schedule, LossWeighting.UNIFORM, EdmPreconditioning.standard());
    }

    /** The network's time input τ at these coefficients. */
    public double timeInput(Coefficients c) {
        return objective == Objective.EDM ? edm.cNoise(c.alpha(), c.sigma()) : c.t();
    }

    /** c_in: the factor on x_t at the network's input. */
    public double inputScale(Coefficients c) {
        return edm.cIn(c.alpha(), c.sigma());
    }

    /** What the network sees of x_t: {@code c_in·x_t} for each coordinate (§3.9). */
    public double[] networkInput(Coefficients c, double[] xt) {
        double scale = inputScale(c);
        double[] in = new double[xt.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = scale * xt[i];
        }
        return in;
    }

    /**
     * The regression target of F for one pair (x0, ε) at these coefficients, written to
     * {@code target[0..1]}; returns the loss weight w.
     */
    public double target(Coefficients c, double x0, double y0, double ex, double ey, double[] target) {
        double a = c.alpha();
        double s = c.sigma();
        switch (objective) {
            case EPSILON -> set(target, ex, ey);
            case DATA -> set(target, x0, y0);
            case SCORE -> set(target, -ex / s, -ey / s);
            case VELOCITY, FLOW_MATCHING -> set(target, c.dAlpha() * x0 + c.dSigma() * ex,
                    c.dAlpha() * y0 + c.dSigma() * ey);
            case EDM -> {
                double skip = edm.cSkip(a, s);
                double outScale = edm.cOut(a, s);
                set(target, (x0 - skip * (a * x0 + s * ex)) / outScale,
                        (y0 - skip * (a * y0 + s * ey)) / outScale);
                // λ(σ)·c_out² = 1: EDM's weight is exactly what makes F's target unit-variance
                return 1;
            }
        }
        return weighting == LossWeighting.LIKELIHOOD ? schedule.g2(c.t()) : 1;
    }

    private static void set(double[] target, double x, double y) {
        target[0] = x;
        target[1] = y;
    }

    /** x̂0 at x_t from the network's raw output F (interleaved points). */
    public double[] toData(Coefficients c, double[] xt, double[] f) {
        if (objective == Objective.EDM) {
            double skip = edm.cSkip(c.alpha(), c.sigma());
            double outScale = edm.cOut(c.alpha(), c.sigma());
            double[] x0 = new double[xt.length];
            for (int i = 0; i < x0.length; i++) {
                x0[i] = skip * xt[i] + outScale * f[i];
            }
            return x0;
        }
        PredictionHead head = objective.head();
        return head.toData(c, xt, f);
    }
}
