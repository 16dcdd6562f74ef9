package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SolverErrorTest {

    @Test
    void averagesTheDistanceOfCorrespondingPoints() {
        double[] solve = {0, 0, 1, 1, -2, 5};
        double[] reference = {3, 4, 1, 1, -2, 5 - 0.5};
        assertEquals((5 + 0 + 0.5) / 3, SolverError.meanEndpointDistance(solve, reference), 1e-15);
        assertEquals(0, SolverError.meanEndpointDistance(solve, solve.clone()), 0);
    }

    @Test
    void pairsPointsByIndexNotByNearestNeighbour() {
        // The same two points in swapped order are far from the reference solve.
        double[] solve = {0, 0, 6, 8};
        double[] reference = {6, 8, 0, 0};
        assertEquals(10, SolverError.meanEndpointDistance(solve, reference), 1e-15);
    }

    @Test
    void requiresTheSameStartPoints() {
        assertThrows(IllegalArgumentException.class, () -> SolverError.meanEndpointDistance(new double[4], new double[6]));
        assertThrows(IllegalArgumentException.class, () -> SolverError.meanEndpointDistance(new double[3], new double[3]));
    }
}
