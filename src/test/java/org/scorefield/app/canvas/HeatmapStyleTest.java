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
}
