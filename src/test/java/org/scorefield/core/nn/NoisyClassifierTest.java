package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.ScheduleKind;

/** The noisy classifier's probabilities and their input gradient, against independent computations. */
class NoisyClassifierTest {

    private final Parameterization edm = Parameterization.of(Objective.EDM, ScheduleKind.VP.createDefault());
    private final Architecture arch = NoisyClassifier.architectureFor(Architecture.defaults(), 3);
    private final float[] weights = new Mlp(arch, DataType.FLOAT, 21).weights();
    private final double[] points = new SeededRandom(5).gaussianPoints(7);

    @Test
    void itsLogProbabilitiesAreALogSoftmaxOfTheNetworksOutputs() {
        NoisyClassifier classifier = new NoisyClassifier(arch, edm, weights, 0, DataType.DOUBLE);
        double t = 0.3;
        var c = edm.schedule().at(t);
        double[] scaled = points.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 1 / Math.sqrt(c.alpha() * c.alpha() * 0.25 + c.sigma() * c.sigma()); // c_in, σ_d = 0.5
        }
        double[] logits = new Mlp(arch, DataType.DOUBLE, weights).forwardAtTime(scaled,
                0.25 * Math.log(c.sigma() / c.alpha()), 0);
        double[] log = classifier.logProbabilities(points, t);
        for (int i = 0; i < points.length / 2; i++) {
            double z = Math.exp(logits[3 * i]) + Math.exp(logits[3 * i + 1]) + Math.exp(logits[3 * i + 2]);
            double total = 0;
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(logits[3 * i + k]) / z, Math.exp(log[3 * i + k]), 1e-12);
                total += Math.exp(log[3 * i + k]);
            }
            assertEquals(1, total, 1e-12);
        }
    }

    @Test
    void theGradientOfLogPMatchesCentralDifferencesInDoublePrecision() {
        NoisyClassifier classifier = new NoisyClassifier(arch, edm, weights, 0, DataType.DOUBLE);
        double h = 1e-6;
        double worst = 0;
        double largest = 0;
        for (double t : new double[] {0.01, 0.3, 0.9}) {
            for (int c = 0; c < 3; c++) {
                double[] g = classifier.gradLogProbability(points, t, c);
                for (int k = 0; k < points.length; k++) {
                    double[] up = points.clone();
                    double[] down = points.clone();
                    up[k] += h;
                    down[k] -= h;
                    int i = k / 2;
                    // only point i moves: its own log p(c | x) changes
                    double numeric = (classifier.logProbabilities(up, t)[3 * i + c]
                            - classifier.logProbabilities(down, t)[3 * i + c]) / (2 * h);
                    worst = Math.max(worst, Math.abs(numeric - g[k]) / Math.max(1e-4, Math.abs(numeric) + Math.abs(g[k])));
                    largest = Math.max(largest, Math.abs(g[k]));
                }
            }
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        assertTrue(largest > 1e-2, "a zero gradient would pass trivially; largest " + largest);
    }

    @Test
    void theFloatGradientFollowsTheCheckedDoubleOne() {
        NoisyClassifier d = new NoisyClassifier(arch, edm, weights, 0, DataType.DOUBLE);
        NoisyClassifier f = new NoisyClassifier(arch, edm, weights, 0);
        for (double t : new double[] {0.01, 0.5}) {
            double[] gd = d.gradLogProbability(points, t, 1);
            double[] gf = f.gradLogProbability(points, t, 1);
            double scale = java.util.Arrays.stream(gd).map(Math::abs).max().orElse(1);
            for (int k = 0; k < gd.length; k++) {
                assertEquals(gd[k], gf[k], 1e-4 * scale, "coordinate " + k + " at t = " + t);
            }
        }
    }

    @Test
    void aClassOutsideItsRangeIsOneSentence() {
        NoisyClassifier classifier = new NoisyClassifier(arch, edm, weights, 0);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> classifier.gradLogProbability(points, 0.5, 3));
        assertEquals("The class must lie between 0 and 2, got 3.", e.getMessage());
    }
}
