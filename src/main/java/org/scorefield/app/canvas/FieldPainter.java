package org.scorefield.app.canvas;

import java.util.List;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;

/**
 * The vector field of a frame, in the field colour at 70 % opacity: either an arrow centred on
 * every grid cell, or streamlines with a small head halfway along each to show the direction of
 * flow. Either way the whole field is one path per pass (arrows: one fill; streamlines: one stroke,
 * then one fill for their heads), so a frame costs the renderer the same few calls however many
 * cells or lines there are. An arrow, a piece of streamline or a head that would touch a box the
 * frame keeps free ({@link KeepOut}: the title, the tick labels, the colour bar) is left out.
 */
final class FieldPainter {

    /** Fraction of a cell the 95th-percentile arrow fills at arrowScale 1. */
    static final double ARROW_FILL = 0.9;
    /** Arrows are clipped to this fraction of a cell, so neighbours never overlap. */
    static final double ARROW_CLIP = 0.95;

    private FieldPainter() {
    }

    /**
     * Every arrow centred on its cell, its length proportional to the magnitude (the 95th percentile
     * fills {@link #ARROW_FILL} of a cell) up to {@link #ARROW_CLIP}; arrows shorter than 1.5 px are
     * left out, and so are those whose bounds overlap a kept-out box. Each arrow is one outline, shaft
     * and head together, all in one path: one fill for the whole field, which the software renderer
     * draws faster than stroked shafts plus filled heads.
     */
    static void paintArrows(Pen g, VectorGrid field, double arrowScale, Look look, ScreenMapping m,
                            KeepOut keepOut) {
        GridSpec spec = field.spec();
        double cell = Math.min(spec.dx(), spec.dy()) * m.k;
        double p95 = field.magnitudePercentile(95);
        if (!(p95 > 0)) {
            return;
        }
        double perUnit = ARROW_FILL * cell / p95 * arrowScale;
        double clip = ARROW_CLIP * cell;
        double s = look.scale();
        double headMax = Math.max(4, 0.28 * cell) * Math.min(s, 1.25);
        g.setFill(look.palette().field());
        g.setGlobalAlpha(0.7);
        double halfWidth = 0.5 * Math.min(1.2 * s, Math.max(0.8, cell / 14));
        double[] v = field.values();
        g.beginPath();
        for (int j = 0, k = 0; j < spec.ny(); j++) {
            double cy = m.sy(spec.y(j));
            for (int i = 0; i < spec.nx(); i++, k += 2) {
                double len = Math.hypot(v[k], v[k + 1]);
                if (!Double.isFinite(len) || len == 0) {
                    continue;
                }
                double l = Math.min(clip, len * perUnit);
                if (l < 1.5) {
                    continue;
                }
                double ux = v[k] / len;
                double uy = -v[k + 1] / len; // screen y points down
                double cx = m.sx(spec.x(i));
                double h = Math.min(headMax, 0.4 * l);
                double w = 0.5 * h;
                // The outline's bounds (half the length along u, the head's half width across it) and a
                // pixel of anti-aliasing.
                double ex = 0.5 * l * Math.abs(ux) + Math.max(w, halfWidth) * Math.abs(uy) + 1;
                double ey = 0.5 * l * Math.abs(uy) + Math.max(w, halfWidth) * Math.abs(ux) + 1;
                if (keepOut.overlaps(cx - ex, cy - ey, cx + ex, cy + ey)) {
                    continue;
                }
                double tx = cx + 0.5 * l * ux;
                double ty = cy + 0.5 * l * uy;
                double ax = cx - 0.5 * l * ux;
                double ay = cy - 0.5 * l * uy;
                double bx = tx - h * ux;
                double by = ty - h * uy;
                // Normal (−uy, ux): the left side of the arrow, then the tip, then the right side.
                g.moveTo(ax - halfWidth * uy, ay + halfWidth * ux);
                g.lineTo(bx - halfWidth * uy, by + halfWidth * ux);
                g.lineTo(bx - w * uy, by + w * ux);
                g.lineTo(tx, ty);
                g.lineTo(bx + w * uy, by - w * ux);
                g.lineTo(bx + halfWidth * uy, by - halfWidth * ux);
                g.lineTo(ax + halfWidth * uy, ay - halfWidth * ux);
                g.closePath();
            }
        }
        g.fill();
        g.setGlobalAlpha(1);
    }

    /**
     * Every streamline as one stroked path, then a filled head halfway along each line of four points
     * or more. A segment or a head that would touch a kept-out box is left out; the line goes on after it.
     */
    static void paintStreamlines(Pen g, List<double[]> lines, Look look, ScreenMapping m, KeepOut keepOut) {
        double s = look.scale();
        double lineWidth = 1.2 * s;
        double reach = 0.5 * lineWidth + 1; // half the line and a pixel of anti-aliasing
        g.setStroke(look.palette().field());
        g.setFill(look.palette().field());
        g.setLineWidth(lineWidth);
        g.setGlobalAlpha(0.7);
        g.beginPath();
        for (double[] line : lines) {
            double x0 = m.sx(line[0]);
            double y0 = m.sy(line[1]);
            boolean down = false;
            for (int k = 2; k < line.length; k += 2) {
                double x1 = m.sx(line[k]);
                double y1 = m.sy(line[k + 1]);
                if (keepOut.overlaps(Math.min(x0, x1) - reach, Math.min(y0, y1) - reach,
                        Math.max(x0, x1) + reach, Math.max(y0, y1) + reach)) {
                    down = false;
                } else {
                    if (!down) {
                        g.moveTo(x0, y0);
                        down = true;
                    }
                    g.lineTo(x1, y1);
                }
                x0 = x1;
                y0 = y1;
            }
        }
        g.stroke();
        // A small head halfway along each line shows the direction of flow.
        double h = 6 * s;
        g.beginPath();
        for (double[] line : lines) {
            int n = line.length / 2;
            if (n < 4) {
                continue;
            }
            int a = n / 2 - 1;
            double x0 = m.sx(line[2 * a]);
            double y0 = m.sy(line[2 * a + 1]);
            double x1 = m.sx(line[2 * a + 2]);
            double y1 = m.sy(line[2 * a + 3]);
            double d = Math.hypot(x1 - x0, y1 - y0);
            if (d == 0 || keepOut.overlaps(x1 - h - 1, y1 - h - 1, x1 + h + 1, y1 + h + 1)) {
                continue;
            }
            double ux = (x1 - x0) / d;
            double uy = (y1 - y0) / d;
            double bx = x1 - h * ux;
            double by = y1 - h * uy;
            g.moveTo(x1, y1);
            g.lineTo(bx - 0.5 * h * uy, by + 0.5 * h * ux);
            g.lineTo(bx + 0.5 * h * uy, by - 0.5 * h * ux);
            g.closePath();
        }
        g.fill();
        g.setGlobalAlpha(1);
    }
}
