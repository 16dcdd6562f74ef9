package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The landing time of docs/math.md §6.2 against a scan of every row. */
class DenoisingLandingTest {

    /** The first row k from which every row j ≥ k is within tol of the last, by checking them all. */
    private static int bruteForce(double[] path, double tol) {
        int rows = path.length / 2;
        for (int k = 0; k < rows; k++) {
            boolean all = true;
            for (int j = k; j < rows; j++) {
                double dx = path[2 * j] - path[2 * rows - 2];
                double dy = path[2 * j + 1] - path[2 * rows - 1];
                all &= Math.sqrt(dx * dx + dy * dy) <= tol;
            }
            if (all) {
                return k;
            }
        }
        throw new AssertionError("the last row always lands");
    }

    @Test
    void theLandingRowIsTheFirstFromWhichEveryRowStaysWithinTheTolerance() {
        SplittableRandom rng = new SplittableRandom(19);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 1 + rng.nextInt(40);
            double[] path = new double[2 * rows];
            // a walk that settles, with an occasional jump back out after coming close
            double scale = 1;
            for (int r = 0; r < rows; r++) {
                scale *= 0.8;
                double jump = rng.nextDouble() < 0.1 ? 0.3 : scale;
                path[2 * r] = 1 + jump * (rng.nextDouble() - 0.5);
                path[2 * r + 1] = -1 + jump * (rng.nextDouble() - 0.5);
            }
            double tol = rng.nextDouble() * 0.2;
            assertEquals(bruteForce(path, tol), DenoisingLanding.row(path, tol), "trial " + trial);
        }
    }

    @Test
    void aParticleLandsAtTheTimeOfItsRowAndItsGuessLandsNoLaterThanItsPoint() {
        // a guess that is already at its end from row 2 on, a point that reaches it only at the last row
        double[] times = {1, 0.75, 0.5, 0.25, 0};
        double[][] positions = {{3, 3}, {2, 2}, {1.5, 1.5}, {1.2, 1.1}, {1, 1}};
        double[][] denoised = {{0, 0}, {0.5, 0.9}, {1.02, 0.99}, {0.98, 1.01}, {1, 1}};
        DenoisingLanding.Landing l = DenoisingLanding.of(new Trajectories(times, positions, denoised), 0,
                DenoisingLanding.TOLERANCE);
        assertEquals(2, l.denoisedRow());
        assertEquals(0.5, l.denoisedTime());
        assertEquals(1.02, l.landedAt()[0]);
        assertEquals(4, l.sampleRow());
        assertEquals(0.0, l.sampleTime());
    }
}
