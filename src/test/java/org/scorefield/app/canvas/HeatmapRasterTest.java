package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;

/** The screen-resolution heatmap: levels of grid values and their bilinear interpolation per pixel. */
class HeatmapRasterTest {

    /** A colour table whose entry is its own index, so a pixel reads back as its level. */
    private static final int[] IDENTITY = new int[HeatmapColors.SIZE];

    static {
        for (int k = 0; k < IDENTITY.length; k++) {
            IDENTITY[k] = k;
        }
    }

    @Test
    void levelsMapTheRangeOntoTheTableAndClampTheRest() {
        GridSpec spec = new GridSpec(0, 3, 0, 2, 3, 2);
        ScalarGrid grid = new ScalarGrid(spec, new double[] {
            0, -4, -8, -20, Double.NEGATIVE_INFINITY, Double.NaN});
        float[] levels = HeatmapRaster.levels(grid, HeatmapStyle.DENSITY); // range [max − 8, max] = [−8, 0]
        assertArrayEquals(new float[] {255, 127.5f, 0, 0, 0, 0}, levels, 1e-4f);
        ScalarGrid error = new ScalarGrid(spec, new double[] {2, 1, 0, 0.5, Double.POSITIVE_INFINITY, 4});
        assertArrayEquals(new float[] {127.5f, 63.75f, 0, 31.875f, 255, 255},
                HeatmapRaster.levels(error, HeatmapStyle.DIFFERENCE), 1e-4f);
        // a diverging map over ±1: NaN is 0, the middle of the table, not its bottom (far below)
        ScalarGrid ratio = new ScalarGrid(spec, new double[] {-1, 1, 0, Double.NaN, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY});
        assertArrayEquals(new float[] {0, 255, 127.5f, 127.5f, 0, 255},
                HeatmapRaster.levels(ratio, HeatmapStyle.LOG_RATIO), 1e-4f);
    }

    @Test
    void pixelsInterpolateLevelsBilinearlyBetweenCellCentres() {
        // Levels linear in the cell indices are reproduced exactly by bilinear interpolation.
        GridSpec spec = GridSpec.square(4, 16); // half-unit cells, centres at −3.75, −3.25, …
        float[] levels = new float[spec.size()];
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 16; i++) {
                levels[spec.index(i, j)] = 10 + 7 * i + 5 * j;
            }
        }
        // 400 × 400 over [−4, 4]²: 50 px per unit, so world (x, y) is pixel (200 + 50x, 200 − 50y).
        ScreenMapping m = new ScreenMapping(WorldView.DEFAULT, 400, 400);
        int[] out = new int[400 * 400];
        HeatmapRaster.fill(levels, spec, IDENTITY, m, 0, 0, 400, 400, out);
        for (int py = 0; py < 400; py += 7) {
            for (int px = 0; px < 400; px += 5) {
                double x = (px + 0.5 - 200) / 50;
                double y = (200 - (py + 0.5)) / 50;
                // Continuous cell indices, clamped to the outermost centres.
                double u = Math.max(0, Math.min(15, (x + 4) / 0.5 - 0.5));
                double v = Math.max(0, Math.min(15, (y + 4) / 0.5 - 0.5));
                double expected = 10 + 7 * u + 5 * v;
                int got = out[py * 400 + px];
                // Truncation to a table entry, with float rounding at exact integers.
                assertEquals(Math.floor(expected), got, 1.0 + 1e-9, "pixel " + px + ", " + py);
                assertEquals(expected, got + 0.5, 0.5 + 1e-3, "pixel " + px + ", " + py);
            }
        }
    }

    @Test
    void aSubRectangleLandsWhereTheFullRasterHasIt() {
        GridSpec spec = new GridSpec(-2, 3, -1, 2, 5, 3);
        float[] levels = new float[spec.size()];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = (k * 37) % 256;
        }
        ScreenMapping m = new ScreenMapping(WorldView.DEFAULT, 400, 300);
        int[] full = new int[400 * 300];
        HeatmapRaster.fill(levels, spec, IDENTITY, m, 0, 0, 400, 300, full);
        int[] part = new int[30 * 20];
        HeatmapRaster.fill(levels, spec, IDENTITY, m, 150, 120, 30, 20, part);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                assertEquals(full[(120 + y) * 400 + 150 + x], part[y * 30 + x]);
            }
        }
    }
}
