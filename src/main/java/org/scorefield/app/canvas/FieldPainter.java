package org.scorefield.app.canvas;

import java.util.List;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;

/**
 * The vector field of a frame, in the field colour: either an arrow centred on every grid cell, or
 * streamlines (at 70 % opacity) with a small head halfway along each to show the direction of flow.
 * Either way the field is a few paths per pass (arrows: one fill per shade; streamlines: one stroke,
 * then one fill for their heads), so a frame costs the renderer the same few calls however many
 * cells or lines there are. An arrow, a piece of streamline or a head that would touch a box the
 * frame keeps free ({@link KeepOut}: the title, the tick labels, the colour bar) is left out.
 *
 * <p>Arrow lengths are compressed: length ∝ |v|^γ with 10^γ = 2, so ten times the magnitude is
 * twice as long, and every non-zero arrow is at least {@link #MIN_LENGTH} px. With lengths
 * proportional to |v|, the score at small t (on two moons at t = 0.05, tens of times larger far
 * from the data than beside it) shrank the arrows beside the data, where the score points at it,
 * to dots.
 * The magnitude also sets an arrow's opacity, in {@link #SHADE_OPACITY shades} of half a decade.
 */
final class FieldPainter {

    /** Fraction of a cell the reference arrow (the 95th-percentile magnitude) fills at arrowScale 1. */
    static final double ARROW_FILL = 0.8;
    /** Arrows are clipped to this fraction of a cell, so neighbours never overlap. */
    static final double ARROW_CLIP = 0.95;
    /** The exponent of the length, log10 2: ten times the magnitude, twice the length. */
    static final double GAMMA = Math.log10(2);
    /**
     * The shortest arrow in pixels (at most half a cell), the same in every look: presenter mode's
     * cells, about 20 px in the window, need room for two arrows, one twice the other, between it and
     * the clip, or there is no {@link ArrowKey}.
     */
    static final double MIN_LENGTH = 7;
    /** Magnitudes below this fraction of the reference are rounding, not a direction: no arrow. */
    static final double ZERO = 1e-9;
    /**
     * The opacity of each shade, weakest first: below 10^−1.5 of the reference magnitude, below
     * 10^−1, below 10^−0.5, and above. The weakest stays clearly visible; the strongest is nearly solid.
     */
    static final double[] SHADE_OPACITY = {0.5, 0.62, 0.74, 0.86};

    private FieldPainter() {
    }

    /**
     * The length in pixels of an arrow whose magnitude is {@code ratio} times the reference:
     * {@code arrowScale · ARROW_FILL · cell · ratio^GAMMA}, at least {@code min(shortest, cell / 2)} and
     * at most {@code ARROW_CLIP · cell}; 0 (no arrow) for a ratio below {@link #ZERO} or not a number.
     */
    static double length(double ratio, double cell, double arrowScale, double shortest) {
        if (!(ratio >= ZERO) || ratio == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double clip = ARROW_CLIP * cell;
        double l = arrowScale * ARROW_FILL * cell * Math.pow(ratio, GAMMA);
        return Math.min(clip, Math.max(Math.min(shortest, 0.5 * cell), l));
    }

    /** The shade (index into {@link #SHADE_OPACITY}) of a magnitude {@code ratio} times the reference. */
    static int shade(double ratio) {
        if (!(ratio > 0)) {
            return 0;
        }
        double halfDecades = Math.floor(2 * Math.log10(ratio));
        return (int) Math.max(0, Math.min(SHADE_OPACITY.length - 1, halfDecades + SHADE_OPACITY.length));
    }

    /** The reference magnitude: the 95th percentile, or the largest where that is 0. */
    static double reference(VectorGrid field) {
        double p95 = field.magnitudePercentile(95);
        return p95 > 0 ? p95 : field.magnitudeMax();
    }

    /**
     * The arrows of one frame: their cell size in pixels and the user's scale, which set the
     * lengths, and the shaft and head sizes, which grow with the look's scale.
     */
    record Arrows(double cell, double arrowScale, double shortest, double headMax, double headMin,
                  double halfWidth) {

        static Arrows of(double cell, double arrowScale, Look look) {
            double s = look.scale();
            return new Arrows(cell, arrowScale, MIN_LENGTH, Math.max(4, 0.28 * cell) * Math.min(s, 1.25), 5 * s,
                    0.5 * Math.min(1.2 * s, Math.max(0.8, cell / 14)));
        }

        /** The {@link FieldPainter#length} of an arrow {@code ratio} times the reference magnitude. */
        double length(double ratio) {
            return FieldPainter.length(ratio, cell, arrowScale, shortest);
        }

        /** The head's length of an arrow l long: a short arrow is mostly head, so that its direction reads. */
        double head(double l) {
            return Math.min(headMax, Math.max(0.4 * l, Math.min(0.7 * l, headMin)));
        }

        /** Half the width of the outline of an arrow l long: its head's, or the shaft's if wider. */
        double halfWidth(double l) {
            return Math.max(0.5 * head(l), halfWidth);
        }

        /**
         * The outline of an arrow l long centred on (cx, cy) along the unit vector (ux, uy), shaft and
         * head together, as a subpath of the pen's current path.
         */
        void outline(Pen g, double cx, double cy, double ux, double uy, double l) {
            double h = head(l);
            double w = 0.5 * h;
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

    /** The arrows of a field drawn on cells of its grid at the frame's mapping. */
    static Arrows arrows(VectorGrid field, double arrowScale, Look look, ScreenMapping m) {
        GridSpec spec = field.spec();
        return Arrows.of(Math.min(spec.dx(), spec.dy()) * m.k, arrowScale, look);
    }

    /**
     * Every arrow centred on its cell, its {@link #length} compressed from its magnitude relative to the
     * {@link #reference}; arrows whose bounds overlap a kept-out box are left out. Each arrow is one
     * outline, shaft and head together, in one path per shade: one fill per shade, which the
     * software renderer draws faster than stroked shafts plus filled heads.
     */
    static void paintArrows(Pen g, VectorGrid field, double arrowScale, Look look, ScreenMapping m,
                            KeepOut keepOut) {
        GridSpec spec = field.spec();
        double ref = reference(field);
        if (!(ref > 0)) {
            return;
        }
        Arrows arrows = arrows(field, arrowScale, look, m);
        double[] v = field.values();
        // Each arrow's shade, or −1 for none; then one path and one fill per shade.
        byte[] shades = new byte[spec.size()];
        for (int k = 0; k < shades.length; k++) {
            double ratio = Math.sqrt(v[2 * k] * v[2 * k] + v[2 * k + 1] * v[2 * k + 1]) / ref;
            shades[k] = (byte) (arrows.length(ratio) > 0 ? shade(ratio) : -1);
        }
        g.setFill(look.palette().field());
        for (int shade = 0; shade < SHADE_OPACITY.length; shade++) {
            g.setGlobalAlpha(SHADE_OPACITY[shade]);
            g.beginPath();
            for (int j = 0, k = 0; j < spec.ny(); j++) {
                double cy = m.sy(spec.y(j));
                for (int i = 0; i < spec.nx(); i++, k++) {
                    if (shades[k] != shade) {
                        continue;
                    }
                    double len = Math.sqrt(v[2 * k] * v[2 * k] + v[2 * k + 1] * v[2 * k + 1]);
                    double l = arrows.length(len / ref);
                    double ux = v[2 * k] / len;
                    double uy = -v[2 * k + 1] / len; // screen y points down
                    double cx = m.sx(spec.x(i));
                    // The outline's bounds (half the length along u, half its width across) and a pixel of
                    // anti-aliasing.
                    double w = arrows.halfWidth(l);
                    double ex = 0.5 * l * Math.abs(ux) + w * Math.abs(uy) + 1;
                    double ey = 0.5 * l * Math.abs(uy) + w * Math.abs(ux) + 1;
                    if (!keepOut.overlaps(cx - ex, cy - ey, cx + ex, cy + ey)) {
                        arrows.outline(g, cx, cy, ux, uy, l);
                    }
                }
            }
            g.fill();
        }
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
