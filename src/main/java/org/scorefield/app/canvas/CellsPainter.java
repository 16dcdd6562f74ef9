package org.scorefield.app.canvas;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.ContinuityCells;

/**
 * The block of continuity cells (docs/math.md §8.10): each cell outlined and tinted by whether its mass
 * grows (the third class colour) or shrinks (the accent), and beside the block a table laid out like
 * it (in the bottom-left corner, a dashed line to the block), with each cell's two figures in one power of ten for the whole block: the rate of change of its
 * mass {@code d/dt ∫p_t} over the net inward flux {@code −∮ p_t û·n}, which the continuity equation
 * makes equal. The table's caption says which figure is which, and on a line of its own the power of
 * ten of both.
 */
final class CellsPainter {

    private CellsPainter() {
    }

    /** The power of ten that puts the largest |figure| of the block between 1 and 10 (0 when all are 0). */
    static int exponent(ContinuityCells cells) {
        double largest = 0;
        for (int k = 0; k < cells.rate().length; k++) {
            largest = Math.max(largest, Math.max(Math.abs(cells.rate()[k]), Math.abs(cells.inflow()[k])));
        }
        return largest > 0 ? (int) Math.floor(Math.log10(largest)) : 0;
    }

    /** A figure in units of 10^e, with two decimals and a true minus sign. */
    static String figure(double value, int e) {
        String text = String.format(Locale.ROOT, "%+.2f", value / Math.pow(10, e));
        return text.replace('-', '\u2212');
    }

    /** "×10⁻²" for e = −2, "" for 0. */
    static String powerOfTen(int e) {
        if (e == 0) {
            return "";
        }
        String digits = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder b = new StringBuilder(" \u00d710");
        if (e < 0) {
            b.append('\u207b');
        }
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    /**
     * The table's caption, one line each: which figure is which, then the power of ten that both
     * figures of every entry are in ("figures ×10⁻¹", left out when it is 10⁰), then "at t = 0.300"
     * when the block is of another t than the frame's (the last block computed, shown until the one of
     * this t arrives; or t moved into the schedule's range).
     */
    static String[] caption(int e, double cellsT, double frameT) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("top: d/dt \u222bp\u209c dx");
        lines.add("bottom: \u2212\u222e p\u209c\u00fb\u00b7n ds");
        if (e != 0) {
            lines.add("figures" + powerOfTen(e));
        }
        if (!String.format(Locale.ROOT, "%.3f", cellsT).equals(String.format(Locale.ROOT, "%.3f", frameT))) {
            lines.add(String.format(Locale.ROOT, "at t = %.3f", cellsT));
        }
        return lines.toArray(new String[0]);
    }

    /**
     * The block on the plane at the frame's time t (tints and outlines, nothing that hides the particles) and, below {@code free}
     * (the bottom of the title's band), a
     * table laid out as the block is, each entry the cell's two figures in a bold font that grows with the
     * look: readable from the back of a room whatever size the cells have on screen.
     */
    static void paint(Pen g, ContinuityCells cells, double t, Look look, ScreenMapping m, double width,
                      double height, double free) {
        Look.Palette p = look.palette();
        double s = look.scale();
        int n = cells.n();
        int e = exponent(cells);
        double cellPx = cells.side() * m.k;
        Color grow = p.classColor(2);
        Color shrink = p.accent();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double[] c = cells.corner(i, j);
                g.setGlobalAlpha(0.22);
                g.setFill(cells.rate()[j * n + i] >= 0 ? grow : shrink);
                g.fillRect(m.sx(c[0]), m.sy(c[1] + cells.side()), cellPx, cellPx);
            }
        }
        double left = m.sx(cells.corner(0, 0)[0]);
        double right = m.sx(cells.corner(n, 0)[0]);
        double top = m.sy(cells.corner(0, n)[1]);
        double bottom = m.sy(cells.corner(0, 0)[1]);
        g.setGlobalAlpha(0.9);
        g.setStroke(p.text());
        g.setLineWidth(1.5 * s);
        for (int k = 0; k <= n; k++) {
            double x = m.sx(cells.corner(k, 0)[0]);
            double y = m.sy(cells.corner(0, k)[1]);
            g.strokeLine(x, top, x, bottom);
            g.strokeLine(left, y, right, y);
        }
        // The table: as many entries as cells, top row of the table = top row of the block.
        // as large as the look asks, within a third of the canvas's width and 4/5 of its height (a lesson's
        // short canvas in presenter mode still gets figures that read from the back of the room)
        double size = Math.max(7, Math.min(14 * s, Math.min(0.34 * width / (n * 4.4), 0.8 * (height - free) / (n * 2.7 + 3))));
        double fit = size / (14 * s);
        double entryW = 4.4 * size;
        double entryH = 2.7 * size;
        double pad = 6 * s * fit;
        Font captionFont = Font.font(null, FontWeight.BOLD, Math.max(7, 11 * s * fit));
        String[] caption = caption(e, cells.t(), t);
        double captionH = caption.length * 1.35 * captionFont.getSize();
        int longest = 0;
        for (String line : caption) {
            longest = Math.max(longest, line.length());
        }
        double tableW = Math.max(n * entryW, 0.6 * captionFont.getSize() * longest) + 2 * pad;
        double tableH = captionH + n * entryH + 3 * pad;
        // In the bottom-left corner, the one a frame keeps free, joined to the block by a dashed line: the
        // plane's margins, where p_t is smallest, hide least.
        double edge = Math.min(30 * s, Math.max(0, (height - free - tableH) / 2));
        double x0 = Math.min(30 * s + 10 * s, Math.max(0, width - tableW));
        double y0 = Math.max(free, height - tableH - edge);
        double[] near = {Math.max(left, Math.min(right, x0 + tableW)), Math.max(top, Math.min(bottom, y0))};
        g.setGlobalAlpha(0.7);
        g.setStroke(p.text());
        g.setLineWidth(1.2 * s);
        g.setLineDashes(5 * s, 4 * s);
        g.strokeLine(x0 + tableW, y0, near[0], near[1]);
        g.setLineDashes((double[]) null);
        g.setGlobalAlpha(0.9);
        g.setFill(p.background());
        g.fillRect(x0, y0, tableW, tableH);
        g.setGlobalAlpha(1);
        g.setLineWidth(1 * s);
        g.strokeRect(x0, y0, tableW, tableH);
        g.setFill(p.text());
        g.setFont(captionFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < caption.length; k++) {
            g.fillText(caption[k], x0 + pad, y0 + pad + (0.65 + 1.35 * k) * captionFont.getSize());
        }
        Font font = Font.font(null, FontWeight.BOLD, size);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        double gridX = x0 + (tableW - n * entryW) / 2;
        double gridY = y0 + 2 * pad + captionH;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * n + i;
                double ex = gridX + i * entryW;
                double ey = gridY + (n - 1 - j) * entryH;
                g.setGlobalAlpha(0.22);
                g.setFill(cells.rate()[k] >= 0 ? grow : shrink);
                g.fillRect(ex + 1, ey + 1, entryW - 2, entryH - 2);
                g.setGlobalAlpha(1);
                g.setFill(p.text());
                g.fillText(figure(cells.rate()[k], e), ex + entryW / 2, ey + entryH / 2 - 0.6 * size);
                g.fillText(figure(cells.inflow()[k], e), ex + entryW / 2, ey + entryH / 2 + 0.6 * size);
            }
        }
        g.setStroke(p.text());
        g.setLineWidth(1 * s);
        for (int k = 0; k <= n; k++) {
            g.strokeLine(gridX + k * entryW, gridY, gridX + k * entryW, gridY + n * entryH);
            g.strokeLine(gridX, gridY + k * entryH, gridX + n * entryW, gridY + k * entryH);
        }
        g.setGlobalAlpha(1);
    }
}
