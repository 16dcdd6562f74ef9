package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.random.SeededRandom;

class SinkhornTest {

    @Test
    void marginalsHoldToOneMillionthAcrossEpsilon() {
        SeededRandom rng = new SeededRandom(2);
        double[] a = rng.gaussianPoints(40);
        double[] b = rng.gaussianPoints(30);
        for (int k = 0; k < 30; k++) {
            b[2 * k] += 2; // far apart: the kernel underflows without the log-domain potentials
        }
        double[] cost = Assignment.squaredDistances(a, b);
        for (double eps : new double[] {10, 1, 0.1, 0.03}) {
            Sinkhorn.Plan plan = Sinkhorn.solve(cost, 40, 30, eps, 1e-9, 100_000);
            double[] rows = plan.rowSums();
            double[] cols = plan.colSums();
            for (double r : rows) {
                assertEquals(1.0 / 40, r, 1e-6, "ε = " + eps);
            }
            for (double c : cols) {
                assertEquals(1.0 / 30, c, 1e-6, "ε = " + eps);
            }
            assertTrue(plan.marginalError() < 1e-6, "ε = " + eps + ": " + plan.marginalError());
            for (double p : plan.plan()) {
                assertTrue(p >= 0 && Double.isFinite(p));
            }
        }
    }

    @Test
    void approachesTheAssignmentAsEpsilonShrinks() {
        SeededRandom rng = new SeededRandom(9);
        int n = 7;
        double[] cost = Assignment.squaredDistances(rng.gaussianPoints(n), rng.gaussianPoints(n));
        int[] col = Assignment.solve(cost, n);
        double optimum = Assignment.cost(cost, n, col) / n;
        double previousGap = Double.POSITIVE_INFINITY;
        double previousMass = 0;
        double firstGap = Double.NaN;
        for (double eps : new double[] {3, 1, 0.3, 0.1, 0.03, 0.01}) {
            Sinkhorn.Plan plan = Sinkhorn.solve(cost, n, n, eps, 1e-10, 200_000);
            assertTrue(plan.marginalError() < 1e-8, "ε = " + eps + ": " + plan.marginalError());
            double gap = plan.cost(cost) - optimum;
            double massOnAssignment = 0;
            for (int i = 0; i < n; i++) {
                massOnAssignment += plan.at(i, col[i]);
            }
            assertTrue(gap >= -1e-9, "no plan beats the assignment, ε = " + eps);
            // ⟨P, C⟩ − OT ≤ ε (H(P) − H(P_OT)) ≤ ε ln n for uniform marginals
            assertTrue(gap <= eps * Math.log(n), "ε = " + eps + ": gap " + gap);
            if (eps == 3) {
                firstGap = gap;
            }
            assertTrue(gap <= previousGap + 1e-12, "the gap shrinks with ε: " + gap + " after " + previousGap);
            assertTrue(massOnAssignment >= previousMass - 1e-9, "mass moves onto the assignment");
            previousGap = gap;
            previousMass = massOnAssignment;
        }
        assertTrue(previousGap < firstGap / 100, "from ε = 3 to 0.01 the gap shrinks 100×: " + firstGap + " → "
                + previousGap);
        // (the rest sits on a nearly tied second-best assignment of these points)
        assertTrue(previousMass > 0.8, "at ε = 0.01 most mass is on the assignment: " + previousMass);
    }

    @Test
    void largeEpsilonIsTheIndependentPlan() {
        SeededRandom rng = new SeededRandom(4);
        double[] cost = Assignment.squaredDistances(rng.gaussianPoints(5), rng.gaussianPoints(6));
        Sinkhorn.Plan plan = Sinkhorn.solve(cost, 5, 6, 1e5, 1e-12, 10_000);
        for (double p : plan.plan()) {
            assertEquals(1.0 / 30, p, 1e-4);
        }
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Sinkhorn.solve(new double[4], 2, 3, 1, 1e-6, 10));
        assertThrows(IllegalArgumentException.class, () -> Sinkhorn.solve(new double[4], 2, 2, 0, 1e-6, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Sinkhorn.solve(new double[] {0, 1, Double.POSITIVE_INFINITY, 0}, 2, 2, 1, 1e-6, 10));
    }
}
