package org.scorefield.core.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scorefield.core.data.GaussianMixture;

/**
 * The share of particles each mode of a Gaussian mixture holds, beside the mixture's weights
 * (docs/math.md §5.13, §11.4): what tells whether a sampler puts the right mass on each mode, which mode
 * coverage (a mode hit or not) cannot.
 *
 * <p>The particles are judged as samples of the mixture blurred by N(0, σ²I),
 * {@code p_σ = Σ π_k N(μ_k, Σ_k + σ²I)}, and each shares itself out by its posterior responsibilities
 * <pre>
 *   r_k(x) = π_k N(x; μ_k, Σ_k + σ²I) / p_σ(x),      share_k = (1/n) Σ_i r_k(x_i)
 * </pre>
 * whose expectation under exact samples of p_σ is exactly π_k (∫ r_k p_σ = π_k), with no threshold to
 * choose. For well separated modes r_k is 0 or 1 almost everywhere and the share is the fraction of the
 * particles in mode k. The error is the total variation between the two distributions on the modes,
 * {@code ½ Σ_k |share_k − π_k|}: 0 when the weights are right, 1 − π_k when every particle sits in mode k.
 *
 * @param shares  the particles' share of each mode
 * @param weights the mixture's weights π_k
 */
public record ModeWeights(double[] shares, double[] weights) {

    public ModeWeights {
        shares = shares.clone();
        weights = weights.clone();
    }

    /** The shares of the particles (interleaved) under the mixture blurred by σ (σ = 0: the mixture itself). */
    public static ModeWeights of(double[] particles, GaussianMixture mixture, double sigma) {
        int n = InterleavedPoints.count(particles, "mode weights", "particle");
        GaussianMixture blurred = blurred(mixture, sigma);
        int modes = blurred.size();
        double[] shares = new double[modes];
        double[] logTerms = new double[modes];
        for (int i = 0; i < n; i++) {
            double x = particles[2 * i];
            double y = particles[2 * i + 1];
            double top = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < modes; k++) {
                GaussianMixture.Component c = blurred.component(k);
                double det = c.cxx() * c.cyy() - c.cxy() * c.cxy();
                logTerms[k] = Math.log(c.weight()) - 0.5 * Math.log(det) - 0.5 * c.mahalanobis2(x, y);
                top = Math.max(top, logTerms[k]);
            }
            if (!Double.isFinite(top)) {
                continue; // a non-finite particle belongs to no mode, but counts in n
            }
            double sum = 0;
            for (int k = 0; k < modes; k++) {
                logTerms[k] = Math.exp(logTerms[k] - top);
                sum += logTerms[k];
            }
            for (int k = 0; k < modes; k++) {
                shares[k] += logTerms[k] / sum;
            }
        }
        for (int k = 0; k < modes; k++) {
            shares[k] /= n;
        }
        double[] weights = new double[modes];
        for (int k = 0; k < modes; k++) {
            weights[k] = blurred.component(k).weight();
        }
        return new ModeWeights(shares, weights);
    }

    /** The mixture of p_σ: every covariance plus σ²I. */
    public static GaussianMixture blurred(GaussianMixture mixture, double sigma) {
        double v = sigma * sigma;
        List<GaussianMixture.Component> out = new ArrayList<>();
        for (GaussianMixture.Component c : mixture.components()) {
            out.add(new GaussianMixture.Component(c.weight(), c.meanX(), c.meanY(), c.cxx() + v, c.cxy(), c.cyy() + v,
                    c.label()));
        }
        return new GaussianMixture(out);
    }

    /** ½ Σ |share_k − π_k|, in [0, 1]. */
    public double error() {
        double total = 0;
        for (int k = 0; k < shares.length; k++) {
            total += Math.abs(shares[k] - weights[k]);
        }
        return total / 2;
    }

    @Override
    public double[] shares() {
        return shares.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** "0.44 0.21 0.35" (the shares, two decimals), or the first eight then "…". */
    public static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < values.length && k < 8; k++) {
            sb.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", values[k]));
        }
        return values.length > 8 ? sb + " \u2026" : sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeWeights w && Arrays.equals(shares, w.shares) && Arrays.equals(weights, w.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shares) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ModeWeights[shares=" + Arrays.toString(shares) + ", weights=" + Arrays.toString(weights) + "]";
    }
}
