package org.scorefield.app.canvas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;

/**
 * A heatmap rasterised at screen resolution: each grid value becomes a level of the colour table,
 * levels are interpolated bilinearly between cell centres for every visible screen pixel, and the
 * image is drawn once, one image pixel per canvas pixel, without smoothing.
 *
 * <p>Why not a grid-sized image scaled by {@code drawImage} with smoothing: the software renderer
 * filters each of the ~640,000 screen pixels of a 1200 × 800 canvas through its texture paint,
 * about 9 ms a frame on this project's machines, most of a frame's budget. The interpolation here is
 * two multiply–adds per pixel, and interpolating levels rather than colours keeps the colour
 * ramp's own steps (what the legend shows) between cells. The image is rebuilt only when the grid
 * instance, the style, the theme or the screen placement changes.
 */
final class HeatmapRaster {

    private ScalarGrid grid;
    private HeatmapStyle style;
    private boolean dark;
    private float[] levels;
    private int[] lut;
    /** Placement of the last raster: its pixel rectangle and the mapping it was computed for. */
    private int x0;
    private int y0;
    private int w;
    private int h;
    private double k;
    private double ox;
    private double oy;
    private WritableImage image;
    private int[] pixels;
    /** The pixels as the image stores them: little-endian ints 0xAARRGGBB are the bytes B, G, R, A. */
    private ByteBuffer bytes;

    /** Draws the grid over its rectangle of the {@code width × height} canvas. */
    void draw(Pen g, ScalarGrid grid, HeatmapStyle style, Look look, ScreenMapping m,
            double width, double height) {
        GridSpec spec = grid.spec();
        int left = Math.max(0, (int) Math.round(m.sx(spec.xMin())));
        int right = Math.min((int) Math.ceil(width), (int) Math.round(m.sx(spec.xMax())));
        int top = Math.max(0, (int) Math.round(m.sy(spec.yMax())));
        int bottom = Math.min((int) Math.ceil(height), (int) Math.round(m.sy(spec.yMin())));
        if (right <= left || bottom <= top) {
            return;
        }
        boolean newLevels = grid != this.grid || style != this.style || look.dark() != dark;
        if (newLevels) {
            levels = levels(grid, style);
            lut = HeatmapColors.table(style, look);
            this.grid = grid;
            this.style = style;
            this.dark = look.dark();
        }
        boolean moved = left != x0 || top != y0 || right - left != w || bottom - top != h
                || m.k != k || m.ox != ox || m.oy != oy;
        if (newLevels || moved) {
            x0 = left;
            y0 = top;
            w = right - left;
            h = bottom - top;
            k = m.k;
            ox = m.ox;
            oy = m.oy;
            if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
                image = new WritableImage(w, h);
                pixels = new int[w * h];
                bytes = ByteBuffer.allocate(4 * w * h).order(ByteOrder.LITTLE_ENDIAN);
            }
            fill(levels, spec, lut, m, x0, y0, w, h, pixels);
            // The image's own format (premultiplied BGRA; the table's colours are opaque): a copy, not
            // a conversion per pixel (0.4 against 0.6 ms for 800 × 800).
            bytes.clear();
            bytes.asIntBuffer().put(pixels, 0, w * h);
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(), bytes, 4 * w);
        }
        g.raster(image, pixels, w, h, x0, y0);
    }

    /**
     * The colour-table level of every cell, in [0, SIZE − 1]: {@link FramePainter#range} maps
     * linearly onto the table, values beyond it are clamped, +∞ is the top and −∞ the bottom; NaN,
     * no value, is the bottom (the background) of a one-sided map and 0 (the background, not "far
     * below") of a diverging one.
     */
    static float[] levels(ScalarGrid grid, HeatmapStyle style) {
        double[] range = FramePainter.range(grid, style);
        double lo = range[0];
        double span = range[1] - range[0];
        double toLevel = span > 0 ? (HeatmapColors.SIZE - 1) / span : 0;
        double[] v = grid.values();
        double nan = style.diverging() ? -lo * toLevel : 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            double level = Double.isFinite(x) ? (x - lo) * toLevel
                    : Double.isNaN(x) ? nan : x > 0 ? HeatmapColors.SIZE - 1 : 0;
            out[i] = (float) Math.max(0, Math.min(HeatmapColors.SIZE - 1, level));
        }
        return out;
    }

    /**
     * Colours the {@code w × h} screen pixels from {@code (x0, y0)} into {@code out} (row-major,
     * screen row 0 at the top): the level at each pixel centre, bilinear between the four nearest
     * cell centres (clamped at the grid's border; a grid has at least 2 × 2 cells), looked up in
     * {@code lut} (truncated to an entry).
     */
    static void fill(float[] levels, GridSpec spec, int[] lut, ScreenMapping m, int x0, int y0, int w, int h,
            int[] out) {
        int nx = spec.nx();
        int ny = spec.ny();
        // Per screen column: the grid column to its left and the weight of the one to its right.
        int[] col = new int[w];
        float[] colWeight = new float[w];
        for (int px = 0; px < w; px++) {
            double u = cellCoordinate((x0 + px + 0.5 - m.ox) / m.k, spec.xMin(), spec.dx(), nx);
            col[px] = Math.min((int) u, nx - 2);
            colWeight[px] = (float) (u - col[px]);
        }
        float[] row = new float[nx];
        for (int py = 0; py < h; py++) {
            // Screen y grows downwards, world y upwards.
            double v = cellCoordinate((m.oy - (y0 + py + 0.5)) / m.k, spec.yMin(), spec.dy(), ny);
            int j = Math.min((int) v, ny - 2);
            float fv = (float) (v - j);
            int below = j * nx;
            int above = below + nx;
            for (int i = 0; i < nx; i++) {
                float a = levels[below + i];
                row[i] = a + fv * (levels[above + i] - a);
            }
            int o = py * w;
            for (int px = 0; px < w; px++) {
                int i = col[px];
                float a = row[i];
                out[o + px] = lut[(int) (a + colWeight[px] * (row[i + 1] - a))];
            }
        }
    }

    /** The continuous cell index of a coordinate (cell centres at integers), clamped to [0, n − 1]. */
    private static double cellCoordinate(double world, double min, double step, int n) {
        double c = (world - min) / step - 0.5;
        return Math.max(0, Math.min(n - 1, c));
    }
}
