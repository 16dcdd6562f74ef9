package org.scorefield.core.schedule;

/**
 * A schedule read at one time: {@code x_t = α·x0 + σ·ε} with the derivatives of α and σ in t
 * (docs/math.md §1.2). Every prediction-head conversion and sampler step works from these numbers.
 *
 * @param t      the time, 0 = data, 1 = prior
 * @param alpha  α(t)
 * @param sigma  σ(t)
 * @param dAlpha α'(t)
 * @param dSigma σ'(t)
 */
public record Coefficients(double t, double alpha, double sigma, double dAlpha, double dSigma) {

    /** λ = log(α/σ), half the log signal-to-noise ratio. */
    public double lambda() {
        return Math.log(alpha) - Math.log(sigma);
    }

    /** The noise-to-signal ratio σ/α: the noise level of the equivalent VE process (EDM's σ). */
    public double noiseToSignal() {
        return sigma / alpha;
    }
}
