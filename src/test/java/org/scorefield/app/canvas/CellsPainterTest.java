package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.field.ContinuityCells;

/** The continuity table's figures: one power of ten for the block, two decimals, a true minus sign. */
class CellsPainterTest {

    private static ContinuityCells block(double[] rate, double[] inflow) {
        return new ContinuityCells(0, 0, 1, 1, 0.5, new double[rate.length], rate, inflow);
    }

    @Test
    void figuresShareThePowerOfTenOfTheLargest() {
        assertEquals(-1, CellsPainter.exponent(block(new double[] {0.212, -0.05}, new double[] {0.2121, -0.0499})));
        assertEquals(-3, CellsPainter.exponent(block(new double[] {-0.0042}, new double[] {-0.0042})));
        assertEquals(0, CellsPainter.exponent(block(new double[] {0}, new double[] {0})));
        assertEquals("\u22121.42", CellsPainter.figure(-0.142, -1));
        assertEquals("+0.72", CellsPainter.figure(0.0722, -1));
        assertEquals(" \u00d710\u207b\u00b9", CellsPainter.powerOfTen(-1));
        assertEquals(" \u00d710\u207b\u00b9\u00b2", CellsPainter.powerOfTen(-12));
        assertEquals("", CellsPainter.powerOfTen(0));
    }

    @Test
    void thePowerOfTenHasALineOfItsOwnForBothFigures() {
        assertArrayEquals(new String[] {"top: d/dt \u222bp\u209c dx", "bottom: \u2212\u222e p\u209c\u00fb\u00b7n ds",
            "figures \u00d710\u207b\u00b9"}, CellsPainter.caption(-1, 0.3, 0.3));
        assertArrayEquals(new String[] {"top: d/dt \u222bp\u209c dx", "bottom: \u2212\u222e p\u209c\u00fb\u00b7n ds"},
                CellsPainter.caption(0, 0.3, 0.3));
    }

    @Test
    void aBlockOfAnotherTimeSaysItsTime() {
        String[] lines = CellsPainter.caption(-1, 0.25, 0.3);
        assertEquals(4, lines.length);
        assertEquals("at t = 0.250", lines[3]);
        assertEquals(2, CellsPainter.caption(0, 0.3, 0.3).length);
        assertEquals("at t = 0.001", CellsPainter.caption(0, 1e-3, 0)[2], "VP's t = 0 moved to tMin()");
    }
}
