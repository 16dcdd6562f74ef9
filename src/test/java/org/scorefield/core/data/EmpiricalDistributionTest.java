package org.scorefield.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;

class EmpiricalDistributionTest {

    private static final PointSet LABELLED = PointSet.of(
            new double[] {0, 0, 1, 0, 0, 1, -1, -1, 2.5, 3.5}, new int[] {0, 1, 1, 2, 0});

    @Test
    void bootstrapReturnsOnlyPointsOfTheSetWithTheirLabels() {
        EmpiricalDistribution d = new EmpiricalDistribution("five.csv", LABELLED);
        PointSet s = d.sample(2_000, 3);
        assertEquals(2_000, s.size());
        assertTrue(s.hasLabels());
        for (int i = 0; i < s.size(); i++) {
            assertTrue(indexOf(s.x(i), s.y(i), s.label(i)) >= 0,
                    "(" + s.x(i) + ", " + s.y(i) + ", " + s.label(i) + ") is not in the set");
        }
    }

    @Test
    void bootstrapDrawsEveryPointEquallyOften() {
        int n = 50_000;
        PointSet s = new EmpiricalDistribution("five.csv", LABELLED).sample(n, 4);
        int[] counts = new int[LABELLED.size()];
        for (int i = 0; i < n; i++) {
            counts[indexOf(s.x(i), s.y(i), s.label(i))]++;
        }
        double p = 1.0 / LABELLED.size();
        for (int count : counts) {
            assertEquals(n * p, count, 5 * Math.sqrt(n * p * (1 - p)));
        }
    }

    @Test
    void deterministicPerSeed() {
        EmpiricalDistribution d = new EmpiricalDistribution("five.csv", LABELLED);
        assertEquals(d.sample(100, 9), d.sample(100, 9));
        assertNotEquals(d.sample(100, 9), d.sample(100, 10));
    }

    @Test
    void unlabelledSetsGiveUnlabelledSamples() {
        PointSet points = PointSet.of(new double[] {1, 2, 3, 4});
        EmpiricalDistribution d = new EmpiricalDistribution("two", points);
        assertFalse(d.sample(10, 1).hasLabels());
        assertSame(points, d.points());
        assertEquals("two", d.id());
        assertEquals("two", d.displayName());
        assertTrue(d.mixture().isEmpty());
    }

    @Test
    void refusesAnEmptySetAndAnEmptySample() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new EmpiricalDistribution("none.csv", PointSet.of(new double[0])));
        assertEquals("The data set 'none.csv' has no points.", e.getMessage());
        EmpiricalDistribution d = new EmpiricalDistribution("five.csv", LABELLED);
        assertThrows(InvalidInputException.class, () -> d.sample(-1, 1));
    }

    private static int indexOf(double x, double y, int label) {
        for (int j = 0; j < LABELLED.size(); j++) {
            if (LABELLED.x(j) == x && LABELLED.y(j) == y && LABELLED.label(j) == label) {
                return j;
            }
        }
        return -1;
    }
}
