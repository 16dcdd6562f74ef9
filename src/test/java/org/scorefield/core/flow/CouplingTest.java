package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.random.SeededRandom;

class CouplingTest {

    private static double meanCost(double[] x0, double[] x1) {
        double total = 0;
        for (int i = 0; i < x0.length; i += 2) {
            total += Math.pow(x0[i] - x1[i], 2) + Math.pow(x0[i + 1] - x1[i + 1], 2);
        }
        return total / (x0.length / 2);
    }

    @Test
    void otPairsCostLessThanSinkhornWhichCostsLessThanIndependent() {
        SeededRandom rng = new SeededRandom(1);
        double[] x0 = rng.gaussianPoints(256);
        for (int i = 0; i < x0.length; i += 2) {
            x0[i] = 0.3 * x0[i] + 2; // a small blob to the right
        }
        double[] x1 = rng.gaussianPoints(256);
        double independent = meanCost(x0, Coupling.independent().partners(x0, x1, new SeededRandom(2)));
        double ot = meanCost(x0, Coupling.of(CouplingKind.OT).partners(x0, x1, new SeededRandom(2)));
        double sinkhorn = meanCost(x0, new Coupling(CouplingKind.SINKHORN, 0.05).partners(x0, x1, new SeededRandom(2)));
        double blurred = meanCost(x0, new Coupling(CouplingKind.SINKHORN, 100).partners(x0, x1, new SeededRandom(2)));
        assertTrue(ot < 0.75 * independent, ot + " vs " + independent);
        // Sinkhorn's pairs may reuse a source point (one draw per row), so they can cost less than OT
        assertEquals(ot, sinkhorn, 0.1 * ot, "small ε pairs nearly as OT does");
        assertEquals(independent, blurred, 0.15 * independent, "huge ε pairs almost at random");
        // within one chunk, OT's pairs are the exact assignment of that chunk
        int chunk = Coupling.CHUNK;
        double[] a = java.util.Arrays.copyOfRange(x0, 0, 2 * chunk);
        double[] b = java.util.Arrays.copyOfRange(x1, 0, 2 * chunk);
        double[] cost = Assignment.squaredDistances(a, b);
        int[] pi = Coupling.of(CouplingKind.OT).pair(x0, x1, new SeededRandom(2));
        assertEquals(Assignment.cost(cost, chunk, Assignment.solve(cost, chunk)),
                Assignment.cost(cost, chunk, java.util.Arrays.copyOf(pi, chunk)), 1e-12);
    }

    @Test
    void independentKeepsTheOrderAndOtIsAPermutation() {
        SeededRandom rng = new SeededRandom(3);
        double[] x0 = rng.gaussianPoints(20);
        double[] x1 = rng.gaussianPoints(20);
        assertArrayEquals(x1, Coupling.independent().partners(x0, x1, rng));
        int[] pi = Coupling.of(CouplingKind.OT).pair(x0, x1, rng);
        boolean[] used = new boolean[20];
        for (int j : pi) {
            assertTrue(!used[j]);
            used[j] = true;
        }
    }

    @Test
    void sinkhornDrawsFromEachRowOfThePlan() {
        // 2 × 2 plan with rows (0.4, 0.1) and (0.1, 0.4): row 0 picks column 0 with probability 0.8
        Sinkhorn.Plan plan = new Sinkhorn.Plan(2, 2, new double[] {0.4, 0.1, 0.1, 0.4}, 0, 0);
        SeededRandom rng = new SeededRandom(8);
        int draws = 20_000;
        int zeroFromRowZero = 0;
        for (int k = 0; k < draws; k++) {
            if (Coupling.drawFromPlan(plan, rng)[0] == 0) {
                zeroFromRowZero++;
            }
        }
        assertEquals(0.8, zeroFromRowZero / (double) draws, 0.01);
    }

    @Test
    void refusesEpsilonOutsideItsRange() {
        assertThrows(InvalidInputException.class, () -> new Coupling(CouplingKind.SINKHORN, 0));
        assertThrows(InvalidInputException.class, () -> new Coupling(CouplingKind.SINKHORN, 1e9));
        assertThrows(IllegalArgumentException.class,
                () -> Coupling.independent().pair(new double[4], new double[6], new SeededRandom(1)));
    }
}
