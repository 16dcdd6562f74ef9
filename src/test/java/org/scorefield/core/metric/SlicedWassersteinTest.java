package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.scorefield.core.random.SeededRandom;

class SlicedWassersteinTest {

    private static final int K = SlicedWasserstein.DIRECTION_COUNT;

    @Test
    void identicalSetsAreAtZero() {
        double[] a = new SeededRandom(1).gaussianPoints(500);
        assertEquals(0, SlicedWasserstein.distance(a, a.clone()), 0);
    }

    @Test
    void reorderingThePointsChangesNothing() {
        SeededRandom rng = new SeededRandom(2);
        double[] a = rng.gaussianPoints(300);
        double[] b = rng.gaussianPoints(300);
        double[] shuffled = shuffle(a, rng);
        assertTrue(SlicedWasserstein.distance(a, b) > 0.01);
        assertEquals(0, SlicedWasserstein.distance(a, shuffled), 0);
        assertEquals(SlicedWasserstein.distance(a, b), SlicedWasserstein.distance(shuffled, b), 0);
        assertEquals(SlicedWasserstein.distance(a, b), SlicedWasserstein.distance(b, a), 1e-15);
    }

    @Test
    void translationCostsTheMeanSquaredProjectionOfTheShift() {
        double[] a = new SeededRandom(3).gaussianPoints(400);
        double[] dirs = SlicedWasserstein.directions();
        for (int j = 0; j < 12; j++) {
            double cx = 0.7 * Math.cos(j * Math.PI / 12);
            double cy = 0.7 * Math.sin(j * Math.PI / 12);
            double[] b = a.clone();
            for (int i = 0; i < b.length; i += 2) {
                b[i] += cx;
                b[i + 1] += cy;
            }
            double expected = 0;
            for (int k = 0; k < K; k++) {
                double proj = cx * dirs[2 * k] + cy * dirs[2 * k + 1];
                expected += proj * proj;
            }
            expected /= K;
            double sw2 = SlicedWasserstein.squaredDistance(a, b);
            assertEquals(expected, sw2, 1e-12, "shift direction " + j);
            assertEquals(Math.sqrt(sw2), SlicedWasserstein.distance(a, b), 1e-15);
            // Uniform directions on the circle average cos² to 1/2; 256 of them get within a few %.
            assertEquals(0.49 / 2, sw2, 0.05 * 0.49 / 2, "shift direction " + j);
        }
    }

    @Test
    void eachSliceIsTheOptimalOneDimensionalMatching() {
        // Brute force over all 5! pairings per direction: sorting must find the cheapest one.
        SeededRandom rng = new SeededRandom(4);
        double[] a = rng.gaussianPoints(5);
        double[] b = rng.gaussianPoints(5);
        double[] dirs = SlicedWasserstein.directions();
        double total = 0;
        for (int k = 0; k < K; k++) {
            double[] pa = new double[5];
            double[] pb = new double[5];
            for (int i = 0; i < 5; i++) {
                pa[i] = a[2 * i] * dirs[2 * k] + a[2 * i + 1] * dirs[2 * k + 1];
                pb[i] = b[2 * i] * dirs[2 * k] + b[2 * i + 1] * dirs[2 * k + 1];
            }
            total += cheapestMatching(pa, pb, new int[5], new boolean[5], 0) / 5;
        }
        assertEquals(total / K, SlicedWasserstein.squaredDistance(a, b), 1e-12);
    }

    @Test
    void directionsAreFixedUnitVectors() {
        double[] first = SlicedWasserstein.directions();
        assertEquals(2 * K, first.length);
        for (int k = 0; k < K; k++) {
            assertEquals(1, Math.hypot(first[2 * k], first[2 * k + 1]), 1e-15, "direction " + k);
        }
        double[] copy = first.clone();
        first[0] = 42; // the caller's copy must not reach the metric
        assertArrayEquals(copy, SlicedWasserstein.directions(), 0);
    }

    @Test
    void scalingBothSetsScalesTheDistance() {
        SeededRandom rng = new SeededRandom(5);
        double[] a = rng.gaussianPoints(200);
        double[] b = rng.gaussianPoints(200);
        double base = SlicedWasserstein.distance(a, b);
        for (double s : new double[] {0.3, -2.5}) {
            assertEquals(Math.abs(s) * base, SlicedWasserstein.distance(scaled(a, s), scaled(b, s)), 1e-12 * base,
                    "s = " + s);
        }
    }

    @Test
    void unequalSizesAndMalformedArraysAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlicedWasserstein.distance(new double[6], new double[4]));
        assertTrue(e.getMessage().contains("equal size") && e.getMessage().contains("3 and 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlicedWasserstein.distance(new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> SlicedWasserstein.distance(new double[0], new double[0]));
    }

    @Test
    void tenThousandPointsTakeWellUnderASecond() {
        SeededRandom rng = new SeededRandom(6);
        double[] a = rng.gaussianPoints(10_000);
        double[] b = rng.gaussianPoints(10_000);
        // Generous bound (cold JIT, shared CI machines); an O(n²) slice would take minutes.
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> SlicedWasserstein.distance(a, b));
    }

    private static double cheapestMatching(double[] pa, double[] pb, int[] perm, boolean[] used, int depth) {
        if (depth == pa.length) {
            double cost = 0;
            for (int i = 0; i < pa.length; i++) {
                cost += (pa[i] - pb[perm[i]]) * (pa[i] - pb[perm[i]]);
            }
            return cost;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < pb.length; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[depth] = j;
                best = Math.min(best, cheapestMatching(pa, pb, perm, used, depth + 1));
                used[j] = false;
            }
        }
        return best;
    }

    static double[] shuffle(double[] xy, SeededRandom rng) {
        double[] out = xy.clone();
        for (int i = out.length / 2 - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double x = out[2 * i];
            double y = out[2 * i + 1];
            out[2 * i] = out[2 * j];
            out[2 * i + 1] = out[2 * j + 1];
            out[2 * j] = x;
            out[2 * j + 1] = y;
        }
        return out;
    }

    private static double[] scaled(double[] xy, double s) {
        double[] out = xy.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }
}
