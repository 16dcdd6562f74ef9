package org.scorefield.app.canvas;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.flow.VelocityProbe;
import org.scorefield.core.sample.Trajectories;

/**
 * Paints one {@link CanvasFrame}: background, heatmap, grid and axes, field, trajectories,
 * particles and title, in the colours and at the scale of a {@link Look}; the grid and axes, the
 * field and the title are drawn by {@link AxesPainter}, {@link FieldPainter} and
 * {@link TitlePainter}, in that order among the layers here. A plain function of its
 * inputs apart from caches: the heatmap's screen-resolution image ({@link HeatmapRaster}), rebuilt only
 * when a different {@link ScalarGrid} instance (or style, theme or placement) arrives, and the
 * particle sprites.
 *
 * <p>Built for a frame every scrub or training update: no allocation per point, one path per layer
 * (one fill for all arrows), the fill colour set once per class.
 * Trajectory heads follow the scrubber time t: between two recorded times {@code times[r] ≥ t ≥
 * times[r+1]} the position is {@code (1−w)·x[r] + w·x[r+1]} with {@code w = (times[r] − t)/(times[r]
 * − times[r+1])}.
 */
public final class FramePainter {

    private final HeatmapRaster heatmap = new HeatmapRaster();
    private final double[] head = new double[2];

    /** Paints the frame over the whole {@code width × height} area of a JavaFX canvas. */
    public void paint(GraphicsContext g, CanvasFrame frame, WorldView view, Look look, double width, double height) {
        paint(new FxPen(g, sprites), frame, view, look, width, height);
    }

    /** Paints the frame over the whole {@code width × height} area: on screen, or into a vector file. */
    public void paint(Pen g, CanvasFrame frame, WorldView view, Look look, double width, double height) {
        Look.Palette p = look.palette();
        g.setGlobalAlpha(1);
        g.setLineDashes((double[]) null);
        g.setFill(p.background());
        g.fillRect(0, 0, width, height);
        if (width < 1 || height < 1) {
            return;
        }
        ScreenMapping m = new ScreenMapping(view, width, height);
        if (frame.heatmap() != null) {
            heatmap.draw(g, frame.heatmap(), frame.heatmapStyle(), look, m, width, height);
        }
        // What is printed over the field keeps its place free of it: tick labels, title, colour bar.
        KeepOut keepOut = new KeepOut();
        AxesPainter.paint(g, view, look, width, height, keepOut);
        TitlePainter.Layout title = frame.title() == null || frame.title().isEmpty() ? null
                : TitlePainter.layout(frame.title(), look, width);
        double margin = AxesPainter.LABEL_MARGIN * look.scale();
        if (title != null) {
            keepOut.add(title.bandX() - margin, title.bandY() - margin, title.bandW() + 2 * margin,
                    title.bandH() + 2 * margin);
        }
        double[] legend = frame.heatmap() == null ? null : legendBox(frame.heatmap(), frame.heatmapStyle(), look,
                width, height);
        if (legend != null) {
            keepOut.add(legend[0], legend[1], legend[2], legend[3]);
        }
        // The key to the arrows above the colour bar, or where the colour bar would be.
        ArrowKey.Layout key = frame.field() == null || frame.fieldStyle() != FieldStyle.ARROWS ? null
                : ArrowKey.layout(frame.field(), frame.arrowScale(), look, m, width,
                        legend != null ? legend[1] - 4 * look.scale() : height - 33 * look.scale());
        if (key != null) {
            keepOut.add(key.x(), key.y(), key.w(), key.h());
        }
        // The key to the layers at the top right, or below the title when the title reaches there.
        LayerLegend.Layout layers = LayerLegend.layout(frame, look, width, height);
        if (layers != null && title != null && title.bandX() + title.bandW() > layers.x() - margin
                && title.bandY() < layers.y() + layers.h()) {
            // a view's own marks are named at the bottom right instead, when no colour bar or arrow key is there
            layers = frame.overlay() != null && legend == null && key == null
                    ? LayerLegend.layout(frame, look, width, height, true)
                    : LayerLegend.below(layers, title.bandY() + title.bandH() + margin, height);
        }
        if (layers != null) {
            keepOut.add(layers.x() - margin, layers.y() - margin, layers.w() + 2 * margin, layers.h() + 2 * margin);
        }
        if (frame.field() != null) {
            if (frame.fieldStyle() == FieldStyle.ARROWS) {
                FieldPainter.paintArrows(g, frame.field(), frame.arrowScale(), look, m, keepOut);
            } else if (frame.streamlines() != null) {
                FieldPainter.paintStreamlines(g, frame.streamlines(), look, m, keepOut);
            }
        }
        double r = dotRadius(width, height) * look.scale();
        if (frame.trajectories() != null) {
            paintTrajectories(g, frame.trajectories(), frame.t(), frame.pathsDrawn(), frame.role().color(p),
                    frame.headClasses(), false, frame.showDenoised(), look, m, r);
        }
        if (frame.particles() != null) {
            paintParticles(g, frame.particles(), frame.labels(), p, m, r);
        }
        if (frame.overlay() != null) {
            OverlayPainter.paint(g, frame.overlay(), look, m, r, keepOut);
        }
        if (frame.clicked() != null) {
            paintTrajectories(g, frame.clicked(), frame.t(), frame.clicked().particles(), p.accent(), null, true,
                    frame.showDenoised(), look, m, r);
        }
        if (frame.probe() != null) {
            paintProbe(g, frame.probe(), look, m);
        }
        if (frame.landings() != null) {
            LandingPainter.paint(g, frame.landings(), frame.t(), look, m);
        }
        if (frame.meanShift() != null) {
            MeanShiftPainter.paint(g, frame.meanShift(), look, m);
        }
        if (frame.cells() != null) {
            CellsPainter.paint(g, frame.cells(), frame.t(), look, m, width, height,
                    title == null ? 0 : title.bandY() + title.bandH() + margin);
        }
        if (legend != null) {
            paintLegend(g, frame.heatmap(), frame.heatmapStyle(), look, legend);
        }
        if (key != null) {
            ArrowKey.paint(g, key, look);
        }
        if (layers != null) {
            LayerLegend.paint(g, layers, look);
        }
        if (title != null) {
            TitlePainter.paint(g, title, look);
        }
        g.setGlobalAlpha(1);
    }

    /** The world length of the longest of the probe's marginal and learned arrows. */
    static final double PROBE_LENGTH = 1.2;

    /**
     * The velocity probe: every conditional target x1 − x0 as a thin line from the point, as opaque
     * as its posterior weight is large; their mean, the exact marginal velocity, as a bold arrow in
     * the accent colour; the learned velocity as a bold arrow in the third class colour (green). All share one scale,
     * the one that gives the longer bold arrow {@value #PROBE_LENGTH} world units.
     */
    private void paintProbe(Pen g, VelocityProbe probe, Look look, ScreenMapping m) {
        Look.Palette p = look.palette();
        double longest = Math.hypot(probe.marginal()[0], probe.marginal()[1]);
        if (probe.learned() != null) {
            longest = Math.max(longest, Math.hypot(probe.learned()[0], probe.learned()[1]));
        }
        double s = longest > 0 ? PROBE_LENGTH / longest : 1;
        double x = m.sx(probe.x());
        double y = m.sy(probe.y());
        g.setLineWidth(1.2 * look.scale());
        g.setStroke(p.mutedText());
        double[] u = probe.targets();
        for (int i = 0; i < probe.weights().length; i++) {
            g.setGlobalAlpha(0.06 + 0.6 * probe.weights()[i]);
            g.strokeLine(x, y, m.sx(probe.x() + s * u[2 * i]), m.sy(probe.y() + s * u[2 * i + 1]));
        }
        g.setGlobalAlpha(1);
        // the marginal underneath and wider, so that a learned arrow on top of it leaves it visible
        arrow(g, x, y, m.sx(probe.x() + s * probe.marginal()[0]), m.sy(probe.y() + s * probe.marginal()[1]),
                p.accent(), 4.6, look);
        if (probe.learned() != null) {
            arrow(g, x, y, m.sx(probe.x() + s * probe.learned()[0]), m.sy(probe.y() + s * probe.learned()[1]),
                    p.classColor(2), 2.2, look);
        }
        double ring = 6 * look.scale();
        g.setLineWidth(2 * look.scale());
        g.setStroke(p.text());
        g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
    }

    /** A bold arrow from (x0, y0) to (x1, y1) in screen pixels, with a halo of the background. */
    private static void arrow(Pen g, double x0, double y0, double x1, double y1, Color color,
                              double width, Look look) {
        double w = width * look.scale();
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(len, 16 * look.scale());
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        double[] hx = {x1, bx - uy * head * 0.5, bx + uy * head * 0.5};
        double[] hy = {y1, by + ux * head * 0.5, by - ux * head * 0.5};
        for (int pass = 0; pass < 2; pass++) {
            Color c = pass == 0 ? look.palette().background() : color;
            g.setStroke(c);
            g.setFill(c);
            g.setLineWidth(pass == 0 ? w + 3 * look.scale() : w);
            g.strokeLine(x0, y0, bx, by);
            g.fillPolygon(hx, hy, 3);
            if (pass == 0) {
                g.strokePolygon(hx, hy, 3);
            }
        }
    }

    /** Dots grow a little with the canvas so they stay visible from the back of a room. */
    static double dotRadius(double width, double height) {
        return Math.max(2.5, Math.min(4.5, Math.min(width, height) / 200));
    }

    /** The values mapped to the two ends of the colour table: {@code [max − 8, max]}, {@code [0, max]} or [0, 1]. */
    static double[] range(ScalarGrid grid, HeatmapStyle style) {
        double max = grid.max();
        if (Double.isNaN(max)) {
            return new double[] {0, 0};
        }
        if (style == HeatmapStyle.CLASSIFIER) {
            return new double[] {0, 1}; // a probability: the same colour means the same value at every t
        }
        if (style.diverging()) {
            double r = divergingRange(grid);
            return new double[] {-r, r};
        }
        return style.logDensity()
                ? new double[] {max - HeatmapStyle.DENSITY_RANGE, max}
                : new double[] {0, Math.max(0, max)};
    }

    /** The last diverging grid and its half-range: a frame asks for it three times, 60 frames a second. */
    private static volatile Object[] lastDiverging = {null, 0.0};

    /**
     * The half-range R of a signed difference: the 90th percentile of |value| over its non-zero cells,
     * rounded up ({@link HeatmapStyle#divergingRange}), so that a few cells far out in the tails, where
     * a log-density difference is large in nats and nothing in mass, do not wash the rest out; beyond
     * ±R the colour holds.
     */
    static double divergingRange(ScalarGrid grid) {
        Object[] last = lastDiverging;
        if (last[0] == grid) {
            return (Double) last[1];
        }
        double[] a = java.util.Arrays.stream(grid.values()).filter(v -> v != 0 && Double.isFinite(v)).map(Math::abs)
                .sorted().toArray();
        double r = HeatmapStyle.divergingRange(a.length == 0 ? 0 : a[(int) Math.floor(0.9 * (a.length - 1))]);
        lastDiverging = new Object[] {grid, r};
        return r;
    }

    /**
     * Particles as dots ({@link Pen#disc}), the fill colour of a class at a time. On screen each dot
     * is a stamped sprite: with thousands of particles that is most of a frame.
     */
    private void paintParticles(Pen g, double[] xy, int[] labels, Look.Palette p, ScreenMapping m, double r) {
        int n = xy.length / 2;
        int classes = 1;
        if (labels != null) {
            for (int label : labels) {
                classes = Math.max(classes, label + 1);
            }
        }
        for (int c = 0; c < classes; c++) {
            Color color = p.classColor(c);
            for (int i = 0; i < n; i++) {
                if (labels != null && labels[i] != c) {
                    continue;
                }
                g.disc(m.sx(xy[2 * i]), m.sy(xy[2 * i + 1]), r, color, PARTICLE_OPACITY);
            }
        }
    }

    /** The tint of a run's paths: its heads' colour mixed with the background, more for the SDE's zig-zags. */
    static Color pathColor(Color heads, boolean sde, Look look) {
        return heads.interpolate(look.palette().background(), sde ? 0.5 : 0.35);
    }

    /** Opacity of particles, so dense regions read darker and other layers show through. */
    static final double PARTICLE_OPACITY = 0.8;

    /** The screen's dot sprites, kept from frame to frame ({@link FxPen}). */
    private final java.util.Map<String, WritableImage> sprites = new java.util.HashMap<>();

    /**
     * Paths of the first {@code drawn} particles from their start to their position at t, then a
     * head dot for every particle; with {@code denoised}, over them, x̂0 at t and the denoising path
     * so far of the drawn paths. Given each particle's class, heads take their class's colour.
     */
    private void paintTrajectories(Pen g, Trajectories tr, double t, int drawn, Color color, int[] classes,
            boolean bold, boolean denoised, Look look, ScreenMapping m, double r) {
        double s = look.scale();
        double[] times = tr.times();
        double[][] pos = tr.positions();
        int n = tr.particles();
        int paths = Math.min(drawn, n);
        // The segment [times[seg], times[seg+1]] holding t and the weight of its far end.
        int seg = segment(times, t);
        double w = weight(times, seg, t);

        // The paths in a lighter tint of the heads' colour, so that the result reads over them; a
        // stochastic run's zig-zags thinner and fainter still, or they hide the samples they lead to.
        boolean zigzag = color.equals(look.palette().sde());
        g.setStroke(bold ? color : pathColor(color, zigzag, look));
        g.setLineWidth((bold ? 2.4 : zigzag ? 0.8 : 1.3) * s);
        g.setGlobalAlpha(bold ? 0.95 : zigzag ? 0.45 : 0.8);
        strokePaths(g, pos, paths, seg, w, m);

        if (bold) {
            g.setStroke(color);
            g.setLineWidth(1.8 * s);
            g.setGlobalAlpha(1);
            double ring = r * 2.2;
            for (int i = 0; i < n; i++) {
                g.strokeOval(m.sx(pos[0][2 * i]) - ring, m.sy(pos[0][2 * i + 1]) - ring, 2 * ring, 2 * ring);
            }
        }
        g.setFill(color);
        g.setGlobalAlpha(bold ? 1 : 0.85);
        double hr = bold ? r * 1.4 : r;
        boolean byClass = classes != null && classes.length == n;
        int shown = -1;
        for (int i = 0; i < n; i++) {
            if (byClass && classes[i] != shown) {
                shown = classes[i];
                g.setFill(look.palette().classColor(shown));
            }
            at(pos, i, seg, w, head);
            g.fillOval(m.sx(head[0]) - hr, m.sy(head[1]) - hr, 2 * hr, 2 * hr);
        }
        // The denoising overlay goes over the heads: it is what the user asked to see.
        boolean withDenoised = denoised && tr.hasDenoised();
        if (withDenoised) {
            double[][] den = tr.denoised();
            Color dc = look.palette().denoised();
            g.setStroke(dc);
            g.setLineWidth((bold ? 1.6 : 1.0) * s);
            g.setGlobalAlpha(0.6);
            strokePaths(g, den, paths, seg, w, m);
            // A thin line from x_t to x̂0, then the hollow marker at x̂0.
            g.setLineWidth(0.9 * s);
            g.setLineDashes(3 * s, 3 * s);
            g.beginPath();
            for (int i = 0; i < paths; i++) {
                at(pos, i, seg, w, head);
                g.moveTo(m.sx(head[0]), m.sy(head[1]));
                at(den, i, seg, w, head);
                g.lineTo(m.sx(head[0]), m.sy(head[1]));
            }
            g.stroke();
            g.setLineDashes((double[]) null);
            g.setGlobalAlpha(1);
            // Each marker on a halo of the background, so it reads over a crowd of heads.
            double rr = r * 1.5;
            g.setStroke(look.palette().background());
            g.setLineWidth(3.6 * s);
            g.beginPath();
            for (int i = 0; i < paths; i++) {
                at(den, i, seg, w, head);
                g.circle(m.sx(head[0]), m.sy(head[1]), rr);
            }
            g.stroke();
            g.setStroke(dc);
            g.setLineWidth(1.8 * s);
            g.stroke();
        }

        g.setGlobalAlpha(1);
    }


    /** One path with a subpath per particle: recorded points up to seg, then the point at t. */
    private void strokePaths(Pen g, double[][] rows, int paths, int seg, double w, ScreenMapping m) {
        if (paths == 0) {
            return;
        }
        g.beginPath();
        for (int i = 0; i < paths; i++) {
            g.moveTo(m.sx(rows[0][2 * i]), m.sy(rows[0][2 * i + 1]));
            for (int r = 1; r <= seg; r++) {
                g.lineTo(m.sx(rows[r][2 * i]), m.sy(rows[r][2 * i + 1]));
            }
            at(rows, i, seg, w, head);
            g.lineTo(m.sx(head[0]), m.sy(head[1]));
        }
        g.stroke();
    }

    /**
     * The index r of the recorded segment {@code times[r] ≥ t ≥ times[r+1]} (times decrease); 0 with
     * weight 0 before the first time, the last segment with weight 1 after the last.
     */
    static int segment(double[] times, double t) {
        int last = times.length - 1;
        if (last == 0 || t >= times[0]) {
            return 0;
        }
        if (t <= times[last]) {
            return last - 1;
        }
        int lo = 0;
        int hi = last; // times[lo] > t > times[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] >= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The weight of {@code times[seg+1]} in the interpolation at t, clamped to [0, 1]. */
    static double weight(double[] times, int seg, double t) {
        if (times.length < 2) {
            return 0;
        }
        double span = times[seg] - times[seg + 1];
        if (!(span > 0)) {
            return t <= times[seg + 1] ? 1 : 0;
        }
        return Math.max(0, Math.min(1, (times[seg] - t) / span));
    }

    /** Particle i's position at the interpolation point into out. */
    private static void at(double[][] rows, int i, int seg, double w, double[] out) {
        double[] a = rows[seg];
        double[] b = rows.length > 1 ? rows[seg + 1] : a;
        out[0] = (1 - w) * a[2 * i] + w * b[2 * i];
        out[1] = (1 - w) * a[2 * i + 1] + w * b[2 * i + 1];
    }

    /**
     * The box of the colour bar in the bottom-right corner, {x, y, w, h} with its caption and
     * numbers, or null when the grid has no range to show or the canvas no room for it.
     */
    static double[] legendBox(ScalarGrid grid, HeatmapStyle style, Look look, double width, double height) {
        double[] range = range(grid, style);
        if (!(range[1] > range[0])) {
            return null;
        }
        double s = look.scale();
        // a narrow pane (three side by side) takes a shorter bar, down to what its two numbers need
        double bar = Math.min(LEGEND_WIDTH * s, Math.max(MIN_LEGEND_WIDTH * s, 0.5 * width - 12 * s));
        double x0 = width - bar - 14 * s;
        double y0 = height - 52 * s; // above the row of x tick labels
        double pad = 6 * s;
        double[] box = {x0 - pad, y0 - 20 * s, bar + 2 * pad, LEGEND_HEIGHT * s + 24 * s + pad};
        // In a canvas too small for it (presenter mode in a 1024×700 window with the controls and the
        // charts shown: 380×210) the bar would lie over the data; the heatmap is drawn without its key.
        return box[2] > MAX_LEGEND_WIDTH_SHARE * width || box[3] > MAX_LEGEND_SHARE * height ? null : box;
    }

    /** The most of a canvas's height (and of twice its width) the colour bar may take. */
    static final double MAX_LEGEND_SHARE = 0.25;
    /** The most of a canvas's width the colour bar may take (a narrow pane's is mostly empty below its map). */
    static final double MAX_LEGEND_WIDTH_SHARE = 0.8;
    /** The shortest colour bar at scale 1: room for "−8.20" at one end and "−0.20" at the other. */
    private static final double MIN_LEGEND_WIDTH = 90;

    /** The colour bar's size at scale 1. */
    private static final double LEGEND_WIDTH = 120;
    private static final double LEGEND_HEIGHT = 9;

    /** A colour bar in its box ({@link #legendBox}) with the values at its two ends. */
    private void paintLegend(Pen g, ScalarGrid grid, HeatmapStyle style, Look look, double[] box) {
        double[] range = range(grid, style);
        double s = look.scale();
        Look.Palette p = look.palette();
        int[] lut = HeatmapColors.table(style, look);
        double pad = 6 * s;
        double barW = box[2] - 2 * pad;
        double barH = LEGEND_HEIGHT * s;
        double x0 = box[0] + pad;
        double y0 = box[1] + 20 * s;
        g.setGlobalAlpha(0.85);
        g.setFill(p.background());
        g.fillRect(box[0], box[1], box[2], box[3]);
        g.setGlobalAlpha(1);
        int steps = 48;
        for (int k = 0; k < steps; k++) {
            int c = lut[(int) Math.round(k * (HeatmapColors.SIZE - 1) / (steps - 1.0))];
            g.setFill(Color.rgb(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff));
            g.fillRect(x0 + k * barW / steps, y0, barW / steps + 0.5, barH);
        }
        g.setStroke(p.axis());
        g.setLineWidth(1);
        g.strokeRect(x0, y0, barW, barH);
        g.setFill(p.mutedText());
        g.setFont(Font.font(11 * s));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        String caption = style.caption();
        g.fillText(caption, x0, y0 - 3 * s);
        g.setTextBaseline(VPos.TOP);
        g.fillText(number(range[0]), x0, y0 + barH + 2 * s);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(range[1]), x0 + barW, y0 + barH + 2 * s);
    }

    private static String number(double v) {
        double a = Math.abs(v);
        String s = a != 0 && (a < 0.01 || a >= 1e4) ? String.format(Locale.ROOT, "%.2g", v)
                : String.format(Locale.ROOT, a < 10 ? "%.2f" : "%.1f", v);
        return s.replace('-', '\u2212');
    }
}
