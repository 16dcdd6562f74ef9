package org.scorefield.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GridSpec, VectorGrid and ScalarGrid: centres, order, interpolation, statistics. */
class GridTest {

    @Test
    void cellCentresRunRowMajorFromTheBottomLeft() {
        GridSpec g = new GridSpec(-1, 3, 0, 1, 4, 2);
        double[] p = g.points();
        assertEquals(16, p.length);
        assertEquals(-0.5, p[0], 1e-15);
        assertEquals(0.25, p[1], 1e-15);
        assertEquals(0.5, p[2], 1e-15); // next column, same row
        assertEquals(-0.5, p[2 * g.index(0, 1)], 1e-15);
        assertEquals(0.75, p[2 * g.index(0, 1) + 1], 1e-15);
        assertEquals(2.5, g.x(3), 1e-15);
    }

    @Test
    void badGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(0, 1, 0, 1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(1, 1, 0, 1, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> new GridSpec(0, Double.NaN, 0, 1, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> new VectorGrid(GridSpec.square(1, 2), new double[4]));
    }

    @Test
    void bilinearSamplingReproducesALinearFieldUpToTheEdges() {
        GridSpec g = new GridSpec(-2, 2, -1, 3, 5, 6);
        double[] p = g.points();
        double[] v = new double[p.length];
        for (int k = 0; k < p.length; k += 2) {
            v[k] = 2 * p[k] - p[k + 1] + 0.5;
            v[k + 1] = -p[k] + 3 * p[k + 1];
        }
        VectorGrid field = new VectorGrid(g, v);
        double[] out = new double[2];
        for (double[] q : new double[][] {{0.1, 0.2}, {-2, -1}, {2, 3}, {1.93, -0.97}, {-1.3, 2.4}}) {
            assertTrue(field.sample(q[0], q[1], out));
            assertEquals(2 * q[0] - q[1] + 0.5, out[0], 1e-12);
            assertEquals(-q[0] + 3 * q[1], out[1], 1e-12);
        }
        assertFalse(field.sample(2.01, 0, out));
    }

    @Test
    void magnitudeStatisticsIgnoreNonFiniteCells() {
        GridSpec g = GridSpec.square(1, 2);
        VectorGrid f = new VectorGrid(g, new double[] {3, 4, 0, 1, Double.NaN, 0, 0, 2});
        assertEquals(5, f.magnitudeMax(), 0);
        assertEquals(1, f.magnitudePercentile(0), 0);
        assertEquals(2, f.magnitudePercentile(50), 1e-15);
        assertEquals(3.5, f.magnitudePercentile(75), 1e-15);
        ScalarGrid s = new ScalarGrid(g, new double[] {Double.NEGATIVE_INFINITY, -2, 7, Double.NaN});
        assertEquals(-2, s.min(), 0);
        assertEquals(7, s.max(), 0);
    }
}
