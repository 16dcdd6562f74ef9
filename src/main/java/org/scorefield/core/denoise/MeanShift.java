package org.scorefield.core.denoise;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.head.PredictionHead;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.Schedule;

/**
 * The memorising oracle at one probe point read as one step of Gaussian mean shift (docs/math.md §4.1,
 * §6.1–6.2; geometry notes): every data point's posterior weight
 * {@code w_i = softmax_i(−‖x_t − α x⁽ⁱ⁾‖²/2σ²)}, the kernel's bandwidth σ/α around x_t/α, the guess
 * x̂0 = Σ w_i x⁽ⁱ⁾ (the weighted mean), and where an Euler step of the PF-ODE from t to t' goes.
 *
 * @param weights   w_i, one per data point, summing to one
 * @param bandwidth σ/α, the kernel's radius in data units
 * @param centre    x_t/α, where the kernel sits in data units
 * @param denoised  x̂0, the weighted mean
 */
public record MeanShift(double[] weights, double bandwidth, double[] centre, double[] denoised) {

    /** The reading at x_t = (x, y) and time t, where σ(t) &gt; 0 and α(t) &gt; 0. */
    public static MeanShift at(PointSet data, Schedule schedule, double x, double y, double t) {
        Coefficients c = schedule.at(t);
        InvalidInputException.require(c.sigma() > 0 && c.alpha() > 0, "Mean shift needs noise and signal: σ and α "
                + "are " + c.sigma() + " and " + c.alpha() + " at t = " + t + ".");
        InvalidInputException.require(data.size() > 0, "Mean shift needs at least one data point.");
        // −‖x_t − αx⁽ⁱ⁾‖²/2σ² = −‖x_t/α − x⁽ⁱ⁾‖²/2(σ/α)²: a kernel of bandwidth σ/α around x_t/α
        double[] xy = data.xy();
        double[] w = new double[data.size()];
        double sum = KernelDenoiser.weights(xy, x / c.alpha(), y / c.alpha(), c.sigma() / c.alpha(), w);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
            mx += w[i] * xy[2 * i];
            my += w[i] * xy[2 * i + 1];
        }
        return new MeanShift(w, c.sigma() / c.alpha(), new double[] {x / c.alpha(), y / c.alpha()},
                new double[] {mx, my});
    }

    /**
     * Where one Euler step of the PF-ODE from (x_t, t) to t' lands, with û = α'x̂0 + σ'ε̂ (docs/math.md
     * §5.4). Where α ≡ 1 (VE, EDM) it lies on the line through x_t and x̂0, a fraction −(t' − t)·σ'/σ of
     * the way, which is {@link #chordStep}'s 1 − σ(t')/σ(t) only when σ is affine in t (EDM: 1 − t'/t,
     * §6.1); under VE geometric it goes further. Where α varies it stays on the chord in data units only
     * when α is linear in t (the linear path, where it is the DDIM step); under VP-type schedules it
     * leaves it (§6.4).
     */
    public double[] eulerStep(Schedule schedule, double x, double y, double t, double tNext) {
        double[] u = PredictionHead.velocityFromData(schedule.at(t), new double[] {x, y}, denoised);
        double h = tNext - t;
        return new double[] {x + h * u[0], y + h * u[1]};
    }

    /** The largest posterior weight: 1 when one data point has taken the whole kernel. */
    public double topWeight() {
        double top = 0;
        for (double w : weights) {
            top = Math.max(top, w);
        }
        return top;
    }

    /**
     * The effective number of data points the guess averages, {@code 1/Σ w_i²} (Kish's effective sample
     * size): N for equal weights, 1 when one point has all of it (docs/math.md §6.4).
     */
    public double effectivePoints() {
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        return 1 / sum;
    }

    /**
     * Where the DDIM step from (x_t, t) to t' &lt; t lands, in data units: in the VE-equivalent variables
     * x̃ = x/α, σ̃ = σ/α it is {@code x̃' = (σ̃'/σ̃)·x̃ + (1 − σ̃'/σ̃)·x̂0}, a point on the chord from the
     * kernel's centre x_t/α to x̂0 (docs/math.md §5.7, §6.1, §6.4); the sampler's own next point is
     * {@code x_{t'} = α(t')·x̃'}. It is the Euler step of {@link #eulerStep} under EDM (α = 1, σ = σ_max·t)
     * and on the linear path; under VE Euler's step stays on the chord's line but goes a different
     * fraction of it, and under VP-type schedules it leaves the chord (docs/math.md §6.4).
     */
    public double[] chordStep(Schedule schedule, double t, double tNext) {
        double keep = 1 - chordFraction(schedule, t, tNext);
        return new double[] {keep * centre[0] + (1 - keep) * denoised[0],
                keep * centre[1] + (1 - keep) * denoised[1]};
    }

    /** How far along the chord from x_t/α to x̂0 a step from t to t' goes: {@code 1 − σ̃(t')/σ̃(t)}, σ̃ = σ/α. */
    public static double chordFraction(Schedule schedule, double t, double tNext) {
        double ratio = schedule.sigma(tNext) / schedule.alpha(tNext) / (schedule.sigma(t) / schedule.alpha(t));
        return 1 - ratio;
    }

    /**
     * The end of one step from t of a K-step grid uniform in λ = log(α/σ) over the schedule's usable
     * range [t_min, t_max] (docs/math.md §5.1): {@code λ(t') = λ(t) + (λ(t_min) − λ(t_max))/K}, never below
     * t_min. Such a step has σ̃'/σ̃ = e^{−Δλ} wherever it starts, so every step goes the same fraction of
     * its chord (docs/math.md §6.4).
     */
    public static double stepEnd(Schedule schedule, double t, int steps) {
        double tMin = schedule.tMin();
        if (t <= tMin) {
            return tMin;
        }
        double dLambda = (schedule.lambda(tMin) - schedule.lambda(schedule.tMax())) / steps;
        double end = schedule.tOfLambda(schedule.lambda(t) + dLambda);
        return Math.max(tMin, Math.min(t, end));
    }
}
