package org.scorefield.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Log-axis tick labels read as round numbers, never in computer notation. */
class DecadeLogAxisTest {

    @Test
    void labelsArePlainDecimalsOrPowersOfTen() {
        assertEquals("1", DecadeLogAxis.roundLabel(1));
        assertEquals("0.3", DecadeLogAxis.roundLabel(0.3));
        assertEquals("0.0001", DecadeLogAxis.roundLabel(1e-4));
        assertEquals("20", DecadeLogAxis.roundLabel(20));
        assertEquals("1000", DecadeLogAxis.roundLabel(1000));
        assertEquals("10⁻⁵", DecadeLogAxis.roundLabel(1e-5));
        assertEquals("10⁻¹²", DecadeLogAxis.roundLabel(1e-12));
        assertEquals("10⁶", DecadeLogAxis.roundLabel(1e6));
        assertEquals("3·10⁻⁵", DecadeLogAxis.roundLabel(3e-5));
        assertEquals("4.5·10⁻⁷", DecadeLogAxis.roundLabel(4.5e-7));
    }
}
