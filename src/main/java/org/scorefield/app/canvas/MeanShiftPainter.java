package org.scorefield.app.canvas;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;
import org.scorefield.core.denoise.MeanShiftProbe;

/**
 * Draws the mean-shift view at a probe (docs/math.md §6.4), from a reading computed elsewhere: every
 * data point faintly, those with a weight of at least {@link MeanShiftProbe#DISC_THRESHOLD} as discs
 * whose <em>area</em> is proportional to the weight ({@link #discRadius}), the kernel's circle of
 * radius σ/α around x_t/α, the chord from x_t/α to the oracle's x̂0 with the step's end on it, the
 * probe x_t, and a model's x̂0 as a square beside the oracle's disc. Everything but x_t is in data units.
 *
 * <p>Frames stay fast with thousands of points: discs up to {@value #SPRITE_UP_TO} px are stamped as
 * sprites with their radius rounded to a quarter pixel, in order of size so that each sprite is made
 * once per frame; the few larger ones are filled exactly.
 */
final class MeanShiftPainter {

    /** The radius, at scale 1, of a disc of weight 1. */
    static final double FULL_RADIUS = 60;
    /** Discs up to this radius (pixels) are stamped sprites. */
    static final double SPRITE_UP_TO = 6;

    private MeanShiftPainter() {
    }

    /** The radius of the disc of a point of weight w: its area πr² is proportional to w. */
    static double discRadius(double w, double scale) {
        return FULL_RADIUS * scale * Math.sqrt(w);
    }

    static void paint(Pen g, MeanShiftProbe p, Look look, ScreenMapping m) {
        Look.Palette palette = look.palette();
        double s = look.scale();
        double[] xy = p.data();
        double[] w = p.shift().weights();
        // every point faintly, so that the data's shape stays in sight where the weights are tiny
        Color faint = palette.mutedText();
        double dot = 1.6 * s;
        for (int i = 0; i < w.length; i++) {
            g.disc(m.sx(xy[2 * i]), m.sy(xy[2 * i + 1]), dot, faint, 0.35);
        }
        // the weighted points, the largest first so that small discs stay visible on top
        int[] drawn = p.drawn(MeanShiftProbe.DISC_THRESHOLD);
        Integer[] order = new Integer[drawn.length];
        for (int k = 0; k < drawn.length; k++) {
            order[k] = drawn[k];
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
        Color weight = palette.classColor(0);
        for (int i : order) {
            double r = discRadius(w[i], s);
            double cx = m.sx(xy[2 * i]);
            double cy = m.sy(xy[2 * i + 1]);
            if (r > SPRITE_UP_TO) {
                g.setGlobalAlpha(0.55);
                g.setFill(weight);
                g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                g.setGlobalAlpha(1);
                g.setStroke(weight.darker());
                g.setLineWidth(1.2 * s);
                g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
            } else {
                g.disc(cx, cy, Math.max(0.5, Math.rint(4 * r) / 4), weight, 0.75);
            }
        }
        g.setGlobalAlpha(1);

        double[] c = p.shift().centre();
        double[] d = p.shift().denoised();
        double cx = m.sx(c[0]);
        double cy = m.sy(c[1]);
        double px = m.sx(p.x());
        double py = m.sy(p.y());
        // the kernel: radius σ/α around x_t/α (a circle far larger than any screen is left out)
        double h = p.shift().bandwidth() * m.k;
        Color ink = palette.text();
        if (h < 1e5) {
            g.setStroke(ink);
            g.setLineWidth(1.6 * s);
            g.setLineDashes(7 * s, 5 * s);
            g.strokeOval(cx - h, cy - h, 2 * h, 2 * h);
            g.setLineDashes((double[]) null);
        }
        // x_t to x_t/α: the rescaling into data units (a point when α = 1)
        if (Math.hypot(cx - px, cy - py) > 2) {
            g.setStroke(palette.mutedText());
            g.setLineWidth(1.2 * s);
            g.setLineDashes(2 * s, 4 * s);
            g.strokeLine(px, py, cx, cy);
            g.setLineDashes((double[]) null);
        }
        // the chord from x_t/α to x̂0, and the DDIM step's end on it
        Color accent = palette.accent();
        double dx = m.sx(d[0]);
        double dy = m.sy(d[1]);
        g.setStroke(palette.background());
        g.setLineWidth(5 * s);
        g.strokeLine(cx, cy, dx, dy);
        g.setStroke(accent);
        g.setLineWidth(2.4 * s);
        g.strokeLine(cx, cy, dx, dy);
        double nx = m.sx(p.next()[0]);
        double ny = m.sy(p.next()[1]);
        double nr = 4.5 * s;
        haloDot(g, nx, ny, nr, accent, palette.background(), s);

        // the centre x_t/α as a cross, the probe x_t as a ring
        double arm = 7 * s;
        g.setStroke(ink);
        g.setLineWidth(2 * s);
        g.strokeLine(cx - arm, cy, cx + arm, cy);
        g.strokeLine(cx, cy - arm, cx, cy + arm);
        double ring = 7 * s;
        g.strokeOval(px - ring, py - ring, 2 * ring, 2 * ring);

        // the oracle's x̂0 as a large disc, the model's as a square
        double or = 7 * s;
        haloDot(g, dx, dy, or, accent, palette.background(), s);
        double[] learned = p.learned();
        double lx = 0;
        double ly = 0;
        if (learned != null) {
            lx = m.sx(learned[0]);
            ly = m.sy(learned[1]);
            double half = 6.5 * s;
            g.setFill(palette.background());
            g.fillRect(lx - half - 2 * s, ly - half - 2 * s, 2 * half + 4 * s, 2 * half + 4 * s);
            g.setFill(palette.classColor(2));
            g.fillRect(lx - half, ly - half, 2 * half, 2 * half);
        }

        Font font = Font.font(null, FontWeight.BOLD, 13 * s);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        // x_t up and to the left; x̂0 of the oracle to the right and up, of the model to the right and down;
        // the step to the left of its dot: apart from each other when the points crowd
        g.setTextAlign(TextAlignment.RIGHT);
        label(g, "x\u209c", px - ring - 3 * s, py - ring - 3 * s, ink, palette.background(), s);
        label(g, String.format(Locale.ROOT, "step to t\u2032 = %.3f", p.tNext()), nx - nr - 5 * s, ny + 4 * s,
                accent, palette.background(), s);
        g.setTextAlign(TextAlignment.LEFT);
        if (Math.hypot(cx - px, cy - py) > 24 * s) {
            label(g, "x\u209c/\u03b1", cx + arm + 4 * s, cy + arm, ink, palette.background(), s);
        }
        label(g, "oracle x\u0302\u2080", dx + or + 5 * s, dy - 10 * s, accent, palette.background(), s);
        if (learned != null) {
            label(g, "model x\u0302\u2080", lx + 11 * s, ly + 12 * s, palette.classColor(2), palette.background(), s);
        }
    }

    /** A dot on a ring of the background, so that it reads over lines and discs. */
    private static void haloDot(Pen g, double x, double y, double r, Color color, Color halo, double s) {
        g.setFill(halo);
        g.fillOval(x - r - 2 * s, y - r - 2 * s, 2 * r + 4 * s, 2 * r + 4 * s);
        g.setFill(color);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    /** Text on a halo of the background: the text drawn around it in the background colour first. */
    static void label(Pen g, String text, double x, double y, Color color, Color halo, double s) {
        g.setFill(halo);
        double o = 1.2 * s;
        for (int k = 0; k < 8; k++) {
            double a = k * Math.PI / 4;
            g.fillText(text, x + o * Math.cos(a), y + o * Math.sin(a));
        }
        g.setFill(color);
        g.fillText(text, x, y);
    }
}
