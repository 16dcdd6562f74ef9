package org.scorefield.app.canvas;

import org.scorefield.app.theme.Look;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;

/**
 * Paints an {@link Overlay}: its paths, then its dots, then its arrows. The arrows of all its fields
 * share one linear scale, so that an arrow twice as long is twice as strong whichever field it
 * belongs to and the difference of two fields reads as the difference of their arrows, up to the
 * clip: the 90th percentile of the non-zero magnitudes of the last field (drawn on top, the one the
 * view is about) spans {@value #FILL} of a grid cell, and no arrow is longer than {@value #CLIP} cells.
 * Zero vectors (grid points a field leaves out) do not count, so that a field with arrows at a few
 * grid points only still draws them. An arrow that would touch a kept-out box (the title, the key) is
 * left out.
 */
final class OverlayPainter {

    /** Cells the reference magnitude's arrow spans. */
    static final double FILL = 0.85;
    /** Cells the longest arrow may span. */
    static final double CLIP = 1.2;

    private OverlayPainter() {
    }

    static void paint(Pen g, Overlay overlay, Look look, ScreenMapping m, double dotRadius, KeepOut keepOut) {
        Look.Palette p = look.palette();
        double s = look.scale();
        for (Overlay.Paths paths : overlay.paths()) {
            var rows = paths.paths().positions();
            int n = paths.paths().particles();
            g.setStroke(FramePainter.pathColor(paths.ink().color(p), false, look));
            g.setLineWidth(1.3 * s);
            g.setGlobalAlpha(0.8);
            g.beginPath();
            for (int i = 0; i < n; i++) {
                g.moveTo(m.sx(rows[0][2 * i]), m.sy(rows[0][2 * i + 1]));
                for (int r = 1; r < rows.length; r++) {
                    g.lineTo(m.sx(rows[r][2 * i]), m.sy(rows[r][2 * i + 1]));
                }
            }
            g.stroke();
            g.setGlobalAlpha(1);
        }
        for (Overlay.Dots dots : overlay.dots()) {
            double[] xy = dots.xy();
            var color = dots.ink().color(p);
            for (int i = 0; i < xy.length / 2; i++) {
                g.disc(m.sx(xy[2 * i]), m.sy(xy[2 * i + 1]), dotRadius, color, dots.opacity());
            }
        }
        if (overlay.arrows().isEmpty()) {
            return;
        }
        double reference = reference(overlay);
        if (!(reference > 0)) {
            return;
        }
        for (Overlay.Arrows arrows : overlay.arrows()) {
            paintArrows(g, arrows, reference, look, m, keepOut);
        }
    }

    /** {@link Overlay#arrowScale()}. */
    static double reference(Overlay overlay) {
        return overlay.arrowScale();
    }

    private static void paintArrows(Pen g, Overlay.Arrows arrows, double reference, Look look, ScreenMapping m,
                                    KeepOut keepOut) {
        VectorGrid field = arrows.field();
        GridSpec spec = field.spec();
        double s = look.scale();
        double cell = Math.min(spec.dx(), spec.dy()) * m.k;
        double perUnit = FILL * cell / reference;
        double w = arrows.width() * s;
        double head = Math.max(5 * s, 3 * w);
        var color = arrows.ink().color(look.palette());
        double[] v = field.values();
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(w);
        g.setGlobalAlpha(0.9);
        for (int j = 0, k = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++, k++) {
                double len = Math.hypot(v[2 * k], v[2 * k + 1]);
                if (!(len > 0) || !Double.isFinite(len)) {
                    continue;
                }
                double l = Math.min(CLIP * cell, perUnit * len);
                if (l < 2) {
                    continue;
                }
                double ux = v[2 * k] / len;
                double uy = -v[2 * k + 1] / len; // screen y points down
                double x0 = m.sx(spec.x(i));
                double y0 = m.sy(spec.y(j));
                double x1 = x0 + l * ux;
                double y1 = y0 + l * uy;
                if (keepOut.overlaps(Math.min(x0, x1) - head, Math.min(y0, y1) - head, Math.max(x0, x1) + head,
                        Math.max(y0, y1) + head)) {
                    continue;
                }
                double h = Math.min(head, 0.6 * l);
                double bx = x1 - h * ux;
                double by = y1 - h * uy;
                g.strokeLine(x0, y0, bx, by);
                g.fillPolygon(new double[] {x1, bx - 0.5 * h * uy, bx + 0.5 * h * uy},
                        new double[] {y1, by + 0.5 * h * ux, by - 0.5 * h * ux}, 3);
            }
        }
        g.setGlobalAlpha(1);
    }
}
