package org.scorefield.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FigureTextTest {

    @Test
    void aFiniteFigureIsFormattedAndAnyOtherReadsNotAvailable() {
        assertEquals("1.37", FigureText.of("%.2f", 1.3749));
        assertEquals("0.0500", FigureText.of("%.3g", 0.05));
        assertEquals("n/a", FigureText.of("%.2f", Double.NaN));
        assertEquals("n/a", FigureText.of("%.2f", Double.POSITIVE_INFINITY));
        assertEquals("n/a", FigureText.of("%.3g", Double.NEGATIVE_INFINITY));
        assertEquals("n/a", FigureText.of("%.2f", 1.0 / 0.0), "a ratio over a floor of 0");
    }
}
