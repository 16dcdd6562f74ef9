package org.scorefield.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Streamlines of fields whose integral curves are known: circles and rays. */
class StreamlinesTest {

    static VectorGrid field(GridSpec spec, BiFunction<Double, Double, double[]> v) {
        double[] p = spec.points();
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k += 2) {
            double[] f = v.apply(p[k], p[k + 1]);
            out[k] = f[0];
            out[k + 1] = f[1];
        }
        return new VectorGrid(spec, out);
    }

    @Test
    void rotationStreamlinesAreCircles() {
        VectorGrid rotation = field(GridSpec.square(4, 32), (x, y) -> new double[] {-y, x});
        List<double[]> lines = Streamlines.trace(rotation, 16, 0.05, 2000);
        assertTrue(lines.size() >= 5, "only " + lines.size() + " lines");
        int long_ = 0;
        for (double[] line : lines) {
            double r0 = Math.hypot(line[0], line[1]);
            for (int k = 0; k < line.length; k += 2) {
                assertEquals(r0, Math.hypot(line[k], line[k + 1]), 1e-3 * r0, "a line left its circle");
            }
            // Counter-clockwise, the direction of (−y, x): the cross product of position and step is positive.
            double cross = line[0] * line[3] - line[1] * line[2];
            assertTrue(cross > 0);
            if (line.length / 2 > 50) {
                long_++;
            }
        }
        assertTrue(long_ >= 3, "the circles should be long arcs");
    }

    @Test
    void radialStreamlinesAreRaysAwayFromTheOrigin() {
        VectorGrid radial = field(GridSpec.square(3, 24), (x, y) -> new double[] {x, y});
        List<double[]> lines = Streamlines.trace(radial, 12, 0.04, 500);
        assertTrue(lines.size() >= 8);
        for (double[] line : lines) {
            double dx = line[0];
            double dy = line[1];
            double r = Math.hypot(dx, dy);
            double prev = -1;
            for (int k = 0; k < line.length; k += 2) {
                double cross = (dx * line[k + 1] - dy * line[k]) / r;
                assertEquals(0, cross, 1e-9, "a ray bent");
                double rk = Math.hypot(line[k], line[k + 1]);
                assertTrue(rk > prev, "a ray ran inwards");
                prev = rk;
            }
        }
    }

    @Test
    void tracingIsDeterministicAndLinesKeepApart() {
        VectorGrid f = field(GridSpec.square(4, 32), (x, y) -> new double[] {1 + 0.3 * y, Math.sin(x)});
        List<double[]> a = Streamlines.trace(f, 20, 0.05, 400);
        List<double[]> b = Streamlines.trace(f, 20, 0.05, 400);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(java.util.Arrays.equals(a.get(i), b.get(i)));
        }
        // Every point lies in the rectangle.
        for (double[] line : a) {
            for (double v : line) {
                assertTrue(Math.abs(v) <= 4);
            }
        }
    }

    @Test
    void seedsVisitEveryCellOnce() {
        for (int side : new int[] {2, 3, 7, 10}) {
            int[] order = Streamlines.seedOrder(side);
            boolean[] seen = new boolean[side * side];
            for (int c : order) {
                assertTrue(!seen[c]);
                seen[c] = true;
            }
            assertEquals(side * side, order.length);
        }
    }
}
