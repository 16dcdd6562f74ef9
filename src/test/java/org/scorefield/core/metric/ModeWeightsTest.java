package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.random.SeededRandom;

/** The particles' share of each mode beside the mixture's weights (docs/math.md §5.13). */
class ModeWeightsTest {

    private final GaussianMixture labelled = DatasetPreset.GMM_LABELLED.mixture().orElseThrow();

    /**
     * Exact samples of p_σ (the mixture's samples plus σ·z) have shares whose expectation is exactly the
     * weights 0.5, 0.3, 0.2: with 40,000 samples each share is within 4 standard errors √(π(1 − π)/n)
     * (at most 0.01) of its weight.
     */
    @Test
    void exactSamplesOfTheBlurredMixtureShareAsTheWeights() {
        int n = 40_000;
        for (double sigma : new double[] {0, 0.1, 0.6}) {
            double[] x = labelled.sample(n, new SeededRandom(11)).xy();
            SeededRandom z = new SeededRandom(12);
            double[] pair = new double[2];
            for (int i = 0; i < n; i++) {
                z.nextGaussianPair(pair, 0);
                x[2 * i] += sigma * pair[0];
                x[2 * i + 1] += sigma * pair[1];
            }
            ModeWeights w = ModeWeights.of(x, labelled, sigma);
            double[] expected = {0.5, 0.3, 0.2};
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[k], w.weights()[k], 1e-12);
                assertEquals(expected[k], w.shares()[k], 4 * Math.sqrt(expected[k] * (1 - expected[k]) / n),
                        "σ = " + sigma + ", mode " + k);
            }
            assertEquals(0, w.error(), 0.02);
        }
    }

    /** Every particle on one mode's centre: that mode holds all, and the error is 1 − π_k. */
    @Test
    void particlesAllInOneModeGiveAnErrorOfOneMinusItsWeight() {
        GaussianMixture.Component c = labelled.component(2);
        double[] x = new double[200];
        for (int i = 0; i < 100; i++) {
            x[2 * i] = c.meanX();
            x[2 * i + 1] = c.meanY();
        }
        ModeWeights w = ModeWeights.of(x, labelled, 0.05);
        assertEquals(1, w.shares()[2], 1e-9);
        assertEquals(0.8, w.error(), 1e-9);
        assertEquals("0.00 0.00 1.00", ModeWeights.list(w.shares()));
    }

    /** Blurring adds σ² to each covariance's diagonal and keeps the weights and means. */
    @Test
    void theBlurredMixtureAddsSigmaSquaredToEachCovariance() {
        GaussianMixture b = ModeWeights.blurred(labelled, 0.5);
        for (int k = 0; k < 3; k++) {
            var c = labelled.component(k);
            var d = b.component(k);
            assertEquals(c.cxx() + 0.25, d.cxx(), 1e-15);
            assertEquals(c.cyy() + 0.25, d.cyy(), 1e-15);
            assertEquals(c.cxy(), d.cxy(), 0);
            assertEquals(c.weight(), d.weight(), 1e-15);
            assertEquals(c.meanX(), d.meanX(), 0);
        }
    }
}
