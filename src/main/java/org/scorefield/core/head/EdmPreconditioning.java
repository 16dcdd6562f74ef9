package org.scorefield.core.head;

import org.scorefield.core.InvalidInputException;

/**
 * EDM preconditioning (Karras et al. 2022, Table 1; book appendix D.6; docs/math.md §3.8):
 * {@code D(x; σ) = c_skip·x + c_out·F(c_in·x, c_noise)}. For a general affine schedule, with
 * {@code R = α²σ_d² + σ²}:
 * <pre>
 *   c_in = 1/sqrt(R),   c_skip = α σ_d²/R,   c_out = σ σ_d/sqrt(R),
 *   loss weight λ = 1/c_out² = R/(σ σ_d)²,   c_noise = ¼ ln(σ/α)
 * </pre>
 * With α = 1 these are the paper's {@code σ_d²/(σ²+σ_d²)}, {@code σσ_d/sqrt(σ²+σ_d²)},
 * {@code 1/sqrt(σ²+σ_d²)} and {@code ¼ ln σ}; for α ≠ 1 the noise input is the noise-to-signal
 * ratio σ/α, the noise level of the equivalent VE process. These choices give the network's input
 * and its effective training target unit variance when the data has standard deviation σ_d.
 *
 * @param sigmaData σ_d, the data's standard deviation per coordinate (0.5 in the paper)
 */
public record EdmPreconditioning(double sigmaData) {

    /** The paper's σ_data. */
    public static final double DEFAULT_SIGMA_DATA = 0.5;
    /** Training noise levels: ln σ ~ N(P_mean, P_std²). */
    public static final double P_MEAN = -1.2;
    public static final double P_STD = 1.2;

    /** The range of σ_data: data of any sensible spread, and squares that cannot overflow. */
    public static final double MIN_SIGMA_DATA = 1e-3;
    public static final double MAX_SIGMA_DATA = 1e3;

    public EdmPreconditioning {
        InvalidInputException.require(sigmaData >= MIN_SIGMA_DATA && sigmaData <= MAX_SIGMA_DATA,
                "σ_data must lie between " + MIN_SIGMA_DATA + " and " + MAX_SIGMA_DATA + ", got " + sigmaData + ".");
    }

    public static EdmPreconditioning standard() {
        return new EdmPreconditioning(DEFAULT_SIGMA_DATA);
    }

    private double r(double alpha, double sigma) {
        return alpha * alpha * sigmaData * sigmaData + sigma * sigma;
    }

    public double cSkip(double alpha, double sigma) {
        return alpha * sigmaData * sigmaData / r(alpha, sigma);
    }

    public double cOut(double alpha, double sigma) {
        return sigma * sigmaData / Math.sqrt(r(alpha, sigma));
    }

    public double cIn(double alpha, double sigma) {
        return 1 / Math.sqrt(r(alpha, sigma));
    }

    public double cNoise(double alpha, double sigma) {
        return 0.25 * Math.log(sigma / alpha);
    }

    /** The loss weight λ(σ) = 1/c_out², which makes the effective target of F unit-variance. */
    public double lossWeight(double alpha, double sigma) {
        double c = cOut(alpha, sigma);
        return 1 / (c * c);
    }
}
