package org.scorefield.core.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An affine noising schedule {@code x_t = α(t)·x0 + σ(t)·ε}, {@code t ∈ [0, 1]}, t = 0 data,
 * t = 1 prior (docs/math.md §1–2). The one abstraction behind forward noising, training targets,
 * sampling and plots.
 *
 * <p>The equivalent SDE is {@code dx = f(t)·x dt + g(t) dw} with {@code f = α'/α} and
 * {@code g² = 2σσ' − 2(α'/α)σ² = −2σ²λ'} (book Lemma 4.4.1, eq. 4.4.2); every implementation
 * gives f and g² in closed form, and the tests check them against these identities.
 *
 * <p>α and σ and their derivatives are defined on all of [0, 1]. λ, f and g² are finite on
 * {@code [tMin(), tMax()]}: schedules whose α reaches 0 at t = 1 (linear, trigonometric, VP
 * cosine) stop at the time where the SNR falls to {@link #MIN_SNR}, and schedules whose σ is 0 at
 * t = 0 start at a small positive time. Implementations are immutable records whose constructors
 * validate their constants with {@link org.scorefield.core.InvalidInputException}.
 */
public interface Schedule {

    /** The signal-to-noise ratio at which schedules with α(1) = 0 are capped (docs/math.md §2.8). */
    double MIN_SNR = 1e-5;

    /**
     * Above this SNR at the start of sampling the prior visibly misses the data's trace: for unit-scale
     * data the true p_t then has a variance more than 5% above the prior's.
     */
    double WARN_SNR = 0.05;

    ScheduleKind kind();

    /** The constants of this schedule, in the order of {@link ScheduleKind#parameters()}. */
    Map<String, Double> parameters();

    double alpha(double t);

    double sigma(double t);

    double dAlpha(double t);

    double dSigma(double t);

    /** Drift coefficient f(t) = α'/α of the equivalent SDE. */
    double f(double t);

    /** Squared diffusion coefficient g²(t) = 2σσ' − 2fσ² of the equivalent SDE. */
    double g2(double t);

    /** The time at which λ(t) = log(α/σ) takes the given value: the inverse of {@link #lambda}. */
    double tOfLambda(double lambda);

    /** The smallest usable time: σ(t) > 0 and λ finite (the default end of a sampling grid). */
    double tMin();

    /** The largest time at which λ, f and g² are finite (the start of SDE and log-SNR grids). */
    double tMax();

    /** λ(t) = log(α/σ). */
    default double lambda(double t) {
        return Math.log(alpha(t)) - Math.log(sigma(t));
    }

    /** dλ/dt = α'/α − σ'/σ. */
    default double dLambda(double t) {
        return dAlpha(t) / alpha(t) - dSigma(t) / sigma(t);
    }

    /** SNR(t) = α²/σ². */
    default double snr(double t) {
        double a = alpha(t);
        double s = sigma(t);
        return a * a / (s * s);
    }

    /** All four coefficients at one time. */
    default Coefficients at(double t) {
        return new Coefficients(t, alpha(t), sigma(t), dAlpha(t), dSigma(t));
    }

    /** The time at which the noise-to-signal ratio σ/α takes the given value. */
    default double tOfNoiseToSignal(double ratio) {
        return tOfLambda(-Math.log(ratio));
    }

    /**
     * Things a user should know about these constants that do not make them invalid, for example a
     * prior that still carries a visible trace of the data. Empty when all is well.
     */
    default List<String> warnings() {
        List<String> out = new ArrayList<>();
        double snrEnd = snr(tMax());
        if (snrEnd > WARN_SNR) {
            out.add(String.format(
                    "At t = %.3g the signal-to-noise ratio is still %.3g: the prior N(0, σ²I) ignores the data "
                            + "that remains there, so samples will be biased. Noise more by t = 1.",
                    tMax(), snrEnd));
        }
        return out;
    }

    /** A one-line description, e.g. {@code vp(beta_min=0.1, beta_max=20)}. */
    default String describe() {
        StringBuilder sb = new StringBuilder(kind().id());
        Map<String, Double> p = parameters();
        if (!p.isEmpty()) {
            sb.append('(');
            boolean first = true;
            for (Map.Entry<String, Double> e : p.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
                first = false;
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** A copy with one constant changed (validated like a new schedule). */
    default Schedule with(String name, double value) {
        Map<String, Double> p = new LinkedHashMap<>(parameters());
        p.put(name, value);
        return kind().create(p);
    }
}
