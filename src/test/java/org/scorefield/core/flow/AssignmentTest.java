package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scorefield.core.random.SeededRandom;

class AssignmentTest {

    @Test
    void isOptimalAgainstBruteForceOnSmallCases() {
        SeededRandom rng = new SeededRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + trial % 7;
            double[] cost = new double[n * n];
            for (int k = 0; k < cost.length; k++) {
                // integer costs make ties common: the solver must still be optimal through them
                cost[k] = trial % 2 == 0 ? rng.nextUniform(-3, 10) : rng.nextInt(4);
            }
            int[] col = Assignment.solve(cost, n);
            assertPermutation(col);
            assertEquals(bruteForce(cost, n), Assignment.cost(cost, n, col), 1e-9, "trial " + trial);
        }
    }

    @Test
    void pairsPointsByTheirSquaredDistances() {
        SeededRandom rng = new SeededRandom(3);
        double[] a = rng.gaussianPoints(6);
        double[] b = rng.gaussianPoints(6);
        double[] cost = Assignment.squaredDistances(a, b);
        assertEquals(Math.pow(a[2] - b[4], 2) + Math.pow(a[3] - b[5], 2), cost[6 + 2], 1e-15);
        int[] col = Assignment.solve(cost, 6);
        assertEquals(bruteForce(cost, 6), Assignment.cost(cost, 6, col), 1e-12);
    }

    @Test
    void recoversAShuffledCopyExactly() {
        // b is a permutation of a: the optimal matching has cost 0 and undoes the permutation
        SeededRandom rng = new SeededRandom(11);
        int n = 300;
        double[] a = rng.gaussianPoints(n);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] b = new double[2 * n];
        for (int i = 0; i < n; i++) {
            b[2 * perm[i]] = a[2 * i];
            b[2 * perm[i] + 1] = a[2 * i + 1];
        }
        int[] col = Assignment.solve(Assignment.squaredDistances(a, b), n);
        assertArrayEquals(perm, col);
    }

    @Test
    void largerCasesAreNoWorseThanAnySwap() {
        // 2-opt optimality: no exchange of two partners lowers the cost
        SeededRandom rng = new SeededRandom(5);
        int n = 128;
        double[] cost = Assignment.squaredDistances(rng.gaussianPoints(n), rng.gaussianPoints(n));
        int[] col = Assignment.solve(cost, n);
        assertPermutation(col);
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                double now = cost[i * n + col[i]] + cost[k * n + col[k]];
                double swapped = cost[i * n + col[k]] + cost[k * n + col[i]];
                assertTrue(swapped >= now - 1e-12);
            }
        }
    }

    @Test
    void refusesBadMatrices() {
        assertThrows(IllegalArgumentException.class, () -> Assignment.solve(new double[5], 2));
        assertThrows(IllegalArgumentException.class, () -> Assignment.solve(new double[] {0, Double.NaN, 1, 2}, 2));
        assertEquals(0, Assignment.solve(new double[0], 0).length);
    }

    private static void assertPermutation(int[] col) {
        int[] sorted = col.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    /** The minimum over all n! permutations. */
    static double bruteForce(double[] cost, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return permute(cost, n, p, 0);
    }

    private static double permute(double[] cost, int n, int[] p, int k) {
        if (k == n) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += cost[i * n + p[i]];
            }
            return total;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = k; i < n; i++) {
            int t = p[k];
            p[k] = p[i];
            p[i] = t;
            best = Math.min(best, permute(cost, n, p, k + 1));
            p[i] = p[k];
            p[k] = t;
        }
        return best;
    }
}
