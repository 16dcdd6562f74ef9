package org.scorefield.app.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SDF pane's note on its arrows says on what scale they are drawn, or that there are none. */
class SdfPanesTest {

    @Test
    void theArrowNoteGivesTheScaleOrSaysThereAreNone() {
        String what = "arrows:  (D \u2212 z)/\u03c3\u00b2  and  (D_p \u2212 D_q)/\u03c3\u00b2  at \u03c3 = 0.0500";
        assertEquals(what + "  \u00b7  a typical difference arrow: 8.4", SdfPanes.arrowNote(0.05, 8.42));
        assertEquals(what + "  \u00b7  none: the difference is 0 at every grid point", SdfPanes.arrowNote(0.05, 0));
        assertEquals(what + "  \u00b7  none: the difference is 0 at every grid point",
                SdfPanes.arrowNote(0.05, Double.NaN));
    }
}
