package org.scorefield.app.canvas;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;

/**
 * The unit grid of the plane: grid lines at every integer, the two axes slightly stronger, and
 * integer tick labels along the bottom and left edges (every integer, or every 2nd, 5th, 10th or
 * 20th where the canvas is small), in the theme's colours and at its scale. Each label's box,
 * measured with JavaFX's text layout and a margin, is kept free of the field ({@link KeepOut}).
 */
public final class AxesPainter {

    /** Pixels kept free of tick labels near the canvas edges (times the look's scale). */
    private static final double TICK_CLEARANCE = 28;
    /**
     * Pixels around a label's measured box kept free of the field (times the look's scale): room
     * for anti-aliasing and for a vector file's font, whose letters are a little wider or narrower
     * than the screen's.
     */
    static final double LABEL_MARGIN = 3;

    private AxesPainter() {
    }

    /** Draws grid, axes and tick labels over the whole canvas, and adds each label's box to keepOut. */
    static void paint(Pen g, WorldView view, Look look, double width, double height, KeepOut keepOut) {
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
        Font font = Font.font(12 * s);
        Text probe = new Text("0");
        probe.setFont(font);
        double textHeight = probe.getLayoutBounds().getHeight();
        double margin = LABEL_MARGIN * s;
        g.setFont(font);
        g.setFill(p.mutedText());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        // Labels that would crowd the bottom-left corner or be cut by an edge are left out.
        for (int x = xFrom; x <= xTo; x++) {
            double sx = view.toScreenX(x, width, height);
            if (x != 0 && x % every == 0 && sx > clearance && sx < width - clearance / 2) {
                String label = tick(x);
                g.fillText(label, sx, height - 4 * s);
                double w = width(probe, label);
                keepOut.add(sx - w / 2 - margin, height - 4 * s - textHeight - margin, w + 2 * margin,
                        textHeight + 2 * margin);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int y = yFrom; y <= yTo; y++) {
            double sy = view.toScreenY(y, width, height);
            if (y != 0 && y % every == 0 && sy > clearance / 2 && sy < height - clearance) {
                String label = tick(y);
                g.fillText(label, 6 * s, sy);
                keepOut.add(6 * s - margin, sy - textHeight / 2 - margin, width(probe, label) + 2 * margin,
                        textHeight + 2 * margin);
            }
        }
    }

    /** The width of a label in the probe's font, as JavaFX lays it out. */
    private static double width(Text probe, String label) {
        probe.setText(label);
        return probe.getLayoutBounds().getWidth();
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
