package org.scorefield.core.denoise;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * A denoiser that answers for one affine schedule read under another, through the change of time
 * and scale of docs/math.md §2.10 (book Prop 6.3.3). Two schedules with the same half log-SNR λ
 * have the same VE-equivalent variable {@code x̃ = x/α} with noise level {@code σ̃ = e^{−λ}}, so
 * <pre>
 *   t'  = t_A(λ_B(t))                      the trained schedule's time with the same λ
 *   x'  = α_A(t')·x/α_B(t)                 the point scaled into the trained schedule
 *   x̂0_B(x, t) = x̂0_A(x', t')              the same guess of the clean point
 * </pre>
 * For an exact oracle this is an identity; for a network it is the model's own answer at the matching
 * noise level. With the same λ, α_A/α_B = σ_A/σ_B. Where λ_B(t) lies outside the trained schedule's
 * times [0, 1], t' is held at the nearest end: at the noisy end x' is scaled by σ_A(1)/σ_B(t), so the
 * network sees noise of the size it was trained on and the signal, below the trained prior's
 * signal-to-noise ratio, is all but lost anyway; at the clean end by α_A(0)/α_B(t) (docs/math.md §2.10).
 * Where σ_B(t) = 0 the guess is x/α.
 *
 * <p>One call is one call of the wrapped denoiser. The score, velocity and divergence follow from x̂0
 * under the new schedule by the default conversions (§3.2–3.3).
 */
public final class RescheduledDenoiser implements Denoiser {

    private final Denoiser trained;
    private final Schedule schedule;

    private RescheduledDenoiser(Denoiser trained, Schedule schedule) {
        this.trained = trained;
        this.schedule = schedule;
    }

    /**
     * The denoiser read under {@code schedule}; the denoiser itself when its schedule is equal.
     *
     * @throws InvalidInputException when the denoiser's x₁ is not Gaussian noise (a flow from another
     *                               source or over coupled pairs), whose prior belongs to its own path
     */
    public static Denoiser of(Denoiser trained, Schedule schedule) {
        if (trained.schedule().equals(schedule)) {
            return trained;
        }
        InvalidInputException.require(trained.gaussianNoise(), "Only a denoiser of independent Gaussian noise can "
                + "be sampled under another schedule: this flow's x\u2081 comes from another source or is paired with "
                + "x\u2080 (minibatch OT, Sinkhorn, Reflow), so its prior belongs to its own path.");
        Denoiser inner = trained instanceof RescheduledDenoiser r ? r.trained : trained;
        return inner.schedule().equals(schedule) ? inner : new RescheduledDenoiser(inner, schedule);
    }

    /** The denoiser as trained, under its own schedule. */
    public Denoiser trained() {
        return trained;
    }

    /** The trained schedule's time t' with the same λ as {@code t} under the new schedule, in [0, 1]. */
    public double trainedTime(double t) {
        double lambda = schedule.lambda(t);
        if (Double.isInfinite(lambda) || Double.isNaN(lambda)) {
            return lambda > 0 ? 0.0 : 1.0;
        }
        double tPrime = trained.schedule().tOfLambda(lambda);
        if (Double.isNaN(tPrime)) {
            return lambda > trained.schedule().lambda(0.5) ? 0.0 : 1.0;
        }
        return Math.min(1.0, Math.max(0.0, tPrime));
    }

    /**
     * Where sampling under the new schedule should end: the time with the half log-SNR the trained schedule
     * ends at, λ_A(t_min,A), or the new schedule's own t_min if that is later. Below it the network would be
     * read at noise levels it was never trained on (docs/math.md §2.10).
     */
    public double endTime() {
        return endTime(trained.schedule(), schedule);
    }

    /** {@link #endTime()} for a denoiser trained under {@code trained} and read under {@code read}. */
    public static double endTime(Schedule trained, Schedule read) {
        double lambdaEnd = trained.lambda(trained.tMin());
        double t = read.tOfLambda(lambdaEnd);
        return Double.isFinite(t) ? Math.min(read.tMax(), Math.max(read.tMin(), t)) : read.tMin();
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public boolean gaussianNoise() {
        return true;
    }

    @Override
    public boolean hasScore() {
        return trained.hasScore();
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        Coefficients c = schedule.at(t);
        if (c.sigma() == 0) {
            double[] x0 = new double[xt.length];
            for (int i = 0; i < xt.length; i++) {
                x0[i] = xt[i] / c.alpha();
            }
            return x0;
        }
        double tPrime = trainedTime(t);
        Coefficients a = trained.schedule().at(tPrime);
        double scale = tPrime >= 1 ? a.sigma() / c.sigma() : a.alpha() / c.alpha();
        double[] moved = new double[xt.length];
        for (int i = 0; i < xt.length; i++) {
            moved[i] = xt[i] * scale;
        }
        return trained.denoise(moved, tPrime);
    }
}
