package org.scorefield.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.random.SeededRandom;

class PointSetDiameterTest {

    private static double bruteForce(double[] xy) {
        double best = 0;
        for (int i = 0; i < xy.length; i += 2) {
            for (int j = i + 2; j < xy.length; j += 2) {
                best = Math.max(best, Math.hypot(xy[i] - xy[j], xy[i + 1] - xy[j + 1]));
            }
        }
        return best;
    }

    @Test
    void equalsTheLargestPairwiseDistance() {
        SeededRandom rng = new SeededRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(60);
            double[] xy = rng.gaussianPoints(n);
            if (trial % 3 == 0) { // points on a circle: every point is a hull vertex
                for (int i = 0; i < n; i++) {
                    double a = 2 * Math.PI * rng.nextUniform();
                    xy[2 * i] = Math.cos(a);
                    xy[2 * i + 1] = Math.sin(a);
                }
            }
            if (trial % 7 == 0) { // duplicates and collinear points
                for (int i = 0; i < n; i++) {
                    xy[2 * i] = i % 4;
                    xy[2 * i + 1] = 2 * (i % 4);
                }
            }
            assertEquals(bruteForce(xy), PointSet.of(xy).diameter(), 1e-12, "trial " + trial);
        }
    }

    @Test
    void handlesTinySets() {
        assertEquals(0, PointSet.of(new double[] {1, 2}).diameter(), 0);
        assertEquals(0, PointSet.of(new double[] {1, 2, 1, 2}).diameter(), 0);
        assertEquals(5, PointSet.of(new double[] {0, 0, 3, 4}).diameter(), 1e-15);
    }
}
