package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The mean-shift discs' areas are proportional to the weights (docs/math.md §6.4). */
class MeanShiftPainterTest {

    @Test
    void aDiscsAreaIsProportionalToItsWeight() {
        double fullArea = Math.PI * Math.pow(MeanShiftPainter.discRadius(1, 1), 2);
        for (double w : new double[] {1e-4, 0.003, 0.25, 0.5, 1}) {
            for (double scale : new double[] {1, 1.5}) {
                double r = MeanShiftPainter.discRadius(w, scale);
                assertEquals(w * fullArea * scale * scale, Math.PI * r * r, 1e-9 * fullArea * scale * scale);
            }
        }
        assertEquals(MeanShiftPainter.FULL_RADIUS, MeanShiftPainter.discRadius(1, 1), 0);
    }
}
