package org.scorefield.app.canvas;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;

/**
 * The unit grid of the plane: grid lines at every integer, the two axes slightly stronger, and
 * integer tick labels along the bottom and left edges (every integer, or every 2nd, 5th, 10th or
 * 20th where the canvas is small), in the theme's colours and at its scale.
 */
public final class AxesPainter {

    /** Pixels kept free of tick labels near the canvas edges (times the look's scale). */
    private static final double TICK_CLEARANCE = 28;

    private AxesPainter() {
    }

    /** Draws grid, axes and tick labels over the whole canvas. */
    public static void paint(Pen g, WorldView view, Look look, double width, double height) {
        Look.Palette p = look.palette();
        double s = look.scale();
        int xFrom = (int) Math.ceil(view.toWorldX(0, width, height));
        int xTo = (int) Math.floor(view.toWorldX(width, width, height));
        int yFrom = (int) Math.ceil(view.toWorldY(height, width, height));
        int yTo = (int) Math.floor(view.toWorldY(0, width, height));
        g.setLineWidth(1);
        g.setStroke(p.grid());
        g.beginPath();
        for (int x = xFrom; x <= xTo; x++) {
            if (x != 0) {
                double sx = crisp(view.toScreenX(x, width, height));
                g.moveTo(sx, 0);
                g.lineTo(sx, height);
            }
        }
        for (int y = yFrom; y <= yTo; y++) {
            if (y != 0) {
                double sy = crisp(view.toScreenY(y, width, height));
                g.moveTo(0, sy);
                g.lineTo(width, sy);
            }
        }
        g.stroke();
        g.setStroke(p.axis());
        g.beginPath();
        double ox = crisp(view.toScreenX(0, width, height));
        double oy = crisp(view.toScreenY(0, width, height));
        g.moveTo(ox, 0);
        g.lineTo(ox, height);
        g.moveTo(0, oy);
        g.lineTo(width, oy);
        g.stroke();

        double clearance = TICK_CLEARANCE * s;
        int every = labelStep(view.scale(width, height), s);
        g.setFont(Font.font(12 * s));
        g.setFill(p.mutedText());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        // Labels that would crowd the bottom-left corner or be cut by an edge are left out.
        for (int x = xFrom; x <= xTo; x++) {
            double sx = view.toScreenX(x, width, height);
            if (x != 0 && x % every == 0 && sx > clearance && sx < width - clearance / 2) {
                g.fillText(tick(x), sx, height - 4 * s);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int y = yFrom; y <= yTo; y++) {
            double sy = view.toScreenY(y, width, height);
            if (y != 0 && y % every == 0 && sy > clearance / 2 && sy < height - clearance) {
                g.fillText(tick(y), 6 * s, sy);
            }
        }
    }

    /**
     * Label every integer, every 2nd, 5th, 10th or 20th: the smallest step whose labels stand at least
     * {@value #LABEL_SPACING} px (times the look's scale) apart, so that "−2" and "−1" never touch
     * on a narrow canvas.
     */
    static int labelStep(double pixelsPerUnit, double scale) {
        for (int step : new int[] {1, 2, 5, 10}) {
            if (step * pixelsPerUnit >= LABEL_SPACING * scale) {
                return step;
            }
        }
        return 20;
    }

    /** The least distance between two tick labels' centres, in pixels at scale 1. */
    static final double LABEL_SPACING = 30;

    /** A one-pixel line drawn on a half-pixel lands on one row of pixels instead of two grey ones. */
    static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    private static String tick(int v) {
        return String.format(Locale.ROOT, "%d", v).replace('-', '\u2212');
    }
}
