package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Grids of panes: the largest cells, and no empty cell unless a full grid costs over a quarter of their side. */
class PanelGridTest {

    @Test
    void panesFillTheirGrid() {
        assertEquals(2, PanelGrid.columnsFor(2, 700, 600), "two side by side: 350 px cells, not 300 stacked");
        assertEquals(2, PanelGrid.columnsFor(4, 700, 600), "four in 2 × 2");
        assertEquals(4, PanelGrid.columnsFor(4, 1400, 300), "four in a row in a wide strip");
        // three in a square area: 2 × 2 would give 300 px cells with an empty quarter; a row gives 233
        // (0.78 of 300), so the row
        assertEquals(3, PanelGrid.columnsFor(3, 700, 600));
        // three in a tall area: a column of three (200 px) against 2 × 2 (300 px) loses a third: 2 × 2
        assertEquals(2, PanelGrid.columnsFor(3, 600, 600 * 1.0));
        assertEquals(1, PanelGrid.columnsFor(1, 700, 600));
    }
}
