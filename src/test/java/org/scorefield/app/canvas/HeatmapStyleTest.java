package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;

/** The colour bar names what its heatmap is: the density at t, or where a run's particles landed. */
class HeatmapStyleTest {

    @Test
    void theEndPointDensityIsColouredAsADensityAndNamedForWhatItIs() {
        assertEquals("log p(x, t)", HeatmapStyle.DENSITY.caption());
        assertEquals("end-point log density", HeatmapStyle.ENDPOINTS.caption());
        ScalarGrid grid = new ScalarGrid(new GridSpec(-1, 1, -1, 1, 2, 2), new double[] {-20, -3, -1, 0});
        // the top 8 nats below the maximum, for both
        assertArrayEquals(new double[] {-8, 0}, FramePainter.range(grid, HeatmapStyle.ENDPOINTS));
        assertArrayEquals(FramePainter.range(grid, HeatmapStyle.DENSITY), FramePainter.range(grid, HeatmapStyle.ENDPOINTS));
    }

    /** A diverging map's half-range is |value| rounded up to 0.25, 0.5, 1, 2, 4 or 8 nats. */
    @Test
    void aDivergingRangeIsRoundedUp() {
        assertEquals(0.25, HeatmapStyle.divergingRange(0.01));
        assertEquals(0.5, HeatmapStyle.divergingRange(0.3));
        assertEquals(1, HeatmapStyle.divergingRange(1));
        assertEquals(4, HeatmapStyle.divergingRange(2.5));
        assertEquals(8, HeatmapStyle.divergingRange(30));
        assertEquals("log p\u2080 (nats)", HeatmapStyle.LOG_P0.caption());
    }
}
