package org.scorefield.app.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Values in the panel and the scrubber read as a slide writes them: no "6.4e-03". */
class ProcessSectionFormatTest {

    @Test
    void numbersReadWithoutComputerExponents() {
        assertEquals("0", ProcessSection.format(0));
        assertEquals("20.00", ProcessSection.format(20));
        assertEquals("150", ProcessSection.format(150));
        assertEquals("0.263", ProcessSection.format(0.2634));
        assertEquals("0.0064", ProcessSection.format(0.0064));
        assertEquals("0.00010", ProcessSection.format(0.0001));
        assertEquals("6.4 \u00d7 10\u207b\u2075", ProcessSection.format(6.4e-5));
        assertEquals("1.0 \u00d7 10\u207b\u2075", ProcessSection.format(9.99e-6), "rounding up to the next decade");
        assertEquals("\u22123.0 \u00d7 10\u207b\u00b9\u00b2".replace('\u2212', '-'), ProcessSection.format(-3e-12));
    }
}
