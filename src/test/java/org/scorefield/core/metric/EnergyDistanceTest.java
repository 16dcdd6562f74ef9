package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scorefield.core.random.SeededRandom;

class EnergyDistanceTest {

    @Test
    void identicalSetsAreAtZero() {
        SeededRandom rng = new SeededRandom(1);
        double[] a = rng.gaussianPoints(200);
        assertEquals(0, EnergyDistance.distance(a, a.clone()), 0);
        assertEquals(0, EnergyDistance.distance(a, SlicedWassersteinTest.shuffle(a, rng)), 1e-13);
    }

    @Test
    void twoPointMassesAreTwiceTheirDistanceApart() {
        double[] a = {1, 2, 1, 2, 1, 2};
        double[] b = {-2, 6, -2, 6, -2, 6, -2, 6};
        assertEquals(2 * 5, EnergyDistance.distance(a, b), 1e-12);
    }

    @Test
    void smallExampleMatchesAHandComputation() {
        // X = {(0,0), (3,0), (0,4)}, Y = {(0,0), (3,4)}: every distance is 0, 3, 4 or 5.
        // E‖X−Y‖ = (0+5 + 3+4 + 4+3)/6 = 19/6, E‖X−X'‖ = 2(3+4+5)/9 = 8/3, E‖Y−Y'‖ = 2·5/4 = 5/2,
        // D = 19/3 − 8/3 − 5/2 = 7/6.
        double[] x = {0, 0, 3, 0, 0, 4};
        double[] y = {0, 0, 3, 4};
        assertEquals(7.0 / 6, EnergyDistance.distance(x, y), 1e-14);
    }

    @Test
    void isSymmetric() {
        SeededRandom rng = new SeededRandom(2);
        double[] a = rng.gaussianPoints(150);
        double[] b = rng.gaussianPoints(90);
        assertEquals(EnergyDistance.distance(a, b), EnergyDistance.distance(b, a), 1e-14);
    }

    @Test
    void isNonNegativeEvenOnTinySamplesWhereTheUStatisticIsNot() {
        SeededRandom rng = new SeededRandom(3);
        int uNegative = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] a = rng.gaussianPoints(2 + rng.nextInt(5));
            double[] b = rng.gaussianPoints(2 + rng.nextInt(5));
            double d = EnergyDistance.distance(a, b);
            assertTrue(d >= 0, "trial " + trial + ": " + d);
            if (uStatistic(a, b) < 0) {
                uNegative++;
            }
        }
        // The test has teeth: the unbiased estimator, a plausible slip, fails it on these samples.
        assertTrue(uNegative > 0, "the U-statistic never went negative; the samples are too large to tell");
    }

    @Test
    void growsWithTheShiftBetweenTwoGaussians() {
        SeededRandom rng = new SeededRandom(4);
        double[] a = rng.gaussianPoints(1500);
        double[] noise = rng.gaussianPoints(1500);
        double previous = -1;
        for (double mu : new double[] {0, 0.25, 0.5, 1, 2, 4}) {
            double[] b = noise.clone();
            for (int i = 0; i < b.length; i += 2) {
                b[i] += mu * 0.6;
                b[i + 1] += mu * 0.8;
            }
            double d = EnergyDistance.distance(a, b);
            assertTrue(d > previous, "‖μ‖ = " + mu + ": " + d + " after " + previous);
            previous = d;
        }
    }

    @Test
    void malformedArraysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EnergyDistance.distance(new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> EnergyDistance.distance(new double[2], new double[0]));
    }

    @Test
    void fiveThousandPointsTakeUnderASecond() {
        SeededRandom rng = new SeededRandom(5);
        double[] a = rng.gaussianPoints(5000);
        double[] b = rng.gaussianPoints(5000);
        // Generous bound for a cold JIT on a shared machine; a typical run takes about 0.25 s.
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> EnergyDistance.distance(a, b));
    }

    /** The unbiased U-statistic: same cross term, self terms over distinct pairs only. */
    private static double uStatistic(double[] a, double[] b) {
        int n = a.length / 2;
        int m = b.length / 2;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                cross += Math.hypot(a[2 * i] - b[2 * j], a[2 * i + 1] - b[2 * j + 1]);
            }
        }
        return 2 * cross / (n * m) - selfMean(a) - selfMean(b);
    }

    private static double selfMean(double[] p) {
        int n = p.length / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum += Math.hypot(p[2 * i] - p[2 * j], p[2 * i + 1] - p[2 * j + 1]);
            }
        }
        return sum / (n * (n - 1.0));
    }
}
