package org.scorefield.app;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a labelled 2D point cloud over a light unit grid. A plain function of (points, view,
 * size): it knows nothing of schedules or models, so every later plot can reuse it.
 */
public final class PointCloudPainter {

    static final Color BACKGROUND = Color.WHITE;
    static final Color GRID = Color.web("#eceef1");
    static final Color AXIS = Color.web("#c4c9d0");
    static final Color TICK_TEXT = Color.web("#8b929c");

    /** One colour per label, Okabe–Ito (readable with colour-blindness and on a projector). */
    static final Color[] POINT_COLORS = {
        Color.web("#0072b2"), Color.web("#e69f00"), Color.web("#009e73"),
        Color.web("#cc79a7"), Color.web("#56b4e9"), Color.web("#d55e00"),
    };

    private static final Font TICK_FONT = Font.font(12);
    /** Pixels kept free of tick labels near the canvas edges. */
    private static final double TICK_CLEARANCE = 28;

    private PointCloudPainter() {
    }

    /**
     * Paints the whole canvas area.
     *
     * @param xy     interleaved coordinates {@code x0, y0, x1, y1, …}
     * @param labels one label per point selecting its colour, or null for one colour
     */
    public static void paint(GraphicsContext g, double[] xy, int[] labels, WorldView view,
            double width, double height) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        if (width < 1 || height < 1) {
            return;
        }
        paintGrid(g, view, width, height);

        // Dots grow a little with the canvas so they stay visible from the back of a room.
        double r = Math.max(2.5, Math.min(4.5, Math.min(width, height) / 200));
        g.setGlobalAlpha(0.8);
        for (int i = 0; i < xy.length / 2; i++) {
            double sx = view.toScreenX(xy[2 * i], width, height);
            double sy = view.toScreenY(xy[2 * i + 1], width, height);
            if (sx < -r || sy < -r || sx > width + r || sy > height + r) {
                continue;
            }
            int label = labels == null ? 0 : labels[i];
            g.setFill(POINT_COLORS[label % POINT_COLORS.length]);
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
        }
        g.setGlobalAlpha(1);
    }

    /** Unit grid lines, the two axes slightly darker, integer labels along the bottom and left edge. */
    private static void paintGrid(GraphicsContext g, WorldView view, double width, double height) {
        int xFrom = (int) Math.ceil(view.toWorldX(0, width, height));
        int xTo = (int) Math.floor(view.toWorldX(width, width, height));
        int yFrom = (int) Math.ceil(view.toWorldY(height, width, height));
        int yTo = (int) Math.floor(view.toWorldY(0, width, height));
        g.setLineWidth(1);
        for (int x = xFrom; x <= xTo; x++) {
            double sx = crisp(view.toScreenX(x, width, height));
            g.setStroke(x == 0 ? AXIS : GRID);
            g.strokeLine(sx, 0, sx, height);
        }
        for (int y = yFrom; y <= yTo; y++) {
            double sy = crisp(view.toScreenY(y, width, height));
            g.setStroke(y == 0 ? AXIS : GRID);
            g.strokeLine(0, sy, width, sy);
        }

        g.setFont(TICK_FONT);
        g.setFill(TICK_TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        // Labels that would crowd the bottom-left corner or be cut by an edge are left out.
        for (int x = xFrom; x <= xTo; x++) {
            double sx = view.toScreenX(x, width, height);
            if (x != 0 && sx > TICK_CLEARANCE && sx < width - TICK_CLEARANCE / 2) {
                g.fillText(tick(x), sx, height - 4);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int y = yFrom; y <= yTo; y++) {
            double sy = view.toScreenY(y, width, height);
            if (y != 0 && sy > TICK_CLEARANCE / 2 && sy < height - TICK_CLEARANCE) {
                g.fillText(tick(y), 6, sy);
            }
        }
    }

    /** A one-pixel line drawn on a half-pixel lands on one row of pixels instead of two grey ones. */
    private static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    private static String tick(int v) {
        return String.format(Locale.ROOT, "%d", v).replace('-', '\u2212');
    }
}
