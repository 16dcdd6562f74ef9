package org.scorefield.app.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;

/**
 * The key to what the canvas shows, in its top-right corner: the data noised to t (a dot per
 * class), the samples, their paths, the denoiser's guesses x̂₀, the paths from a click (or whatever
 * the frame calls the paths it draws that way) with their guesses' paths, and where the guesses
 * land, each drawn as the canvas draws it. Only what the frame holds is listed, so a figure or an exported
 * animation reads without the window around it.
 */
final class LayerLegend {

    /** How an entry is drawn. */
    enum Mark { DOT, LINE, RING }

    /** One line of the key: its mark in its colours, and its words. */
    record Entry(Mark mark, List<Color> colors, String label) {
    }

    /** Where the key goes and what it holds. */
    record Layout(double x, double y, double w, double h, List<Entry> entries) {
    }

    /** Measured label widths, by label and font size: a frame is drawn 60 times a second while playing. */
    private static final java.util.Map<String, Double> WIDTHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The words for the samples' guesses x̂₀, the clicked paths, their guesses' paths and where those land. */
    static final String GUESS = "x\u0302\u2080, the denoiser's guess";
    static final String CLICKED = "paths from a click";
    static final String GUESSES = "x\u0302\u2080 guesses";
    static final String LANDS = "x\u0302\u2080 lands";

    private static final double FONT = 11;
    private static final double ROW = 16;
    private static final double MARK = 18;
    private static final double PAD = 6;

    /** Dots of a class mark stand this far apart, so that eight classes read as eight dots. */
    private static final double DOT_STEP = 7;
    /** The most classes a mark shows: the window's eight. */
    private static final int MAX_DOTS = 8;

    private LayerLegend() {
    }

    /** The width of an entry's mark: a row of dots grows with its classes. */
    private static double markWidth(Entry e) {
        return e.mark() == Mark.DOT ? Math.max(MARK, DOT_STEP * e.colors().size()) : MARK;
    }

    /** The colours of the classes present, in class order (class 0 alone when unlabelled); the first eight. */
    static List<Color> classColors(int[] labels, Look.Palette p) {
        if (labels == null || labels.length == 0) {
            return List.of(p.classColor(0));
        }
        java.util.BitSet present = new java.util.BitSet();
        for (int c : labels) {
            present.set(c);
        }
        return present.stream().limit(MAX_DOTS).mapToObj(p::classColor).toList();
    }

    /** The key of this frame at the top right, or null when the frame shows no layer to name. */
    static Layout layout(CanvasFrame frame, Look look, double width, double height) {
        return layout(frame, look, width, height, false);
    }

    /**
     * The key at the top right, or with {@code bottom} at the bottom right above the tick labels (where
     * the colour bar goes when there is one), or null when the frame shows no layer to name or the
     * canvas has no room for it.
     */
    static Layout layout(CanvasFrame frame, Look look, double width, double height, boolean bottom) {
        Look.Palette p = look.palette();
        List<Entry> entries = new ArrayList<>();
        if (frame.particles() != null) {
            // a dot for each class the data holds, as drawn (an unlabelled set is class 0)
            entries.add(new Entry(Mark.DOT, classColors(frame.labels(), p), "data at t"));
        }
        if (frame.trajectories() != null && frame.role() == TrajectoryRole.FORWARD) {
            // the data's own paths: their heads are the data at t, listed above
            if (frame.pathsDrawn() > 0) {
                entries.add(new Entry(Mark.LINE, List.of(FramePainter.pathColor(p.ode(), false, look)),
                        "Brownian paths of the data"));
            }
        } else if (frame.trajectories() != null) {
            Color color = frame.role().color(p);
            int[] heads = frame.headClasses();
            if (heads != null && heads.length > 0) {
                // guided samples in their classes' colours
                List<Color> colors = classColors(heads, p);
                entries.add(new Entry(Mark.DOT, colors, colors.size() == 1 ? "samples of class " + heads[0]
                        : "samples, by class"));
            } else {
                entries.add(new Entry(Mark.DOT, List.of(color), "samples"));
            }
            if (frame.pathsDrawn() > 0) {
                entries.add(new Entry(Mark.LINE, List.of(FramePainter.pathColor(color,
                        color.equals(p.sde()), look)), "their paths"));
            }
            if (frame.showDenoised() && frame.trajectories().hasDenoised()) {
                entries.add(new Entry(Mark.RING, List.of(p.denoised()), GUESS));
            }
        }
        if (frame.clicked() != null) {
            entries.add(new Entry(Mark.LINE, List.of(p.accent()),
                    frame.clickedLabel() != null ? frame.clickedLabel() : CLICKED));
            // their guesses' paths, unless the samples' guesses are keyed already in the same colour
            if (frame.showDenoised() && frame.clicked().hasDenoised()
                    && entries.stream().noneMatch(e -> e.label().equals(GUESS))) {
                entries.add(new Entry(Mark.LINE, List.of(p.denoised()), GUESSES));
            }
        }
        if (frame.landings() != null && !frame.landings().isEmpty()) {
            entries.add(new Entry(Mark.DOT, List.of(p.denoised()), LANDS));
        }
        if (frame.overlay() != null) {
            for (Overlay.Paths paths : frame.overlay().paths()) {
                entries.add(new Entry(Mark.LINE, List.of(FramePainter.pathColor(paths.ink().color(p), false, look)),
                        paths.label()));
            }
            for (Overlay.Dots dots : frame.overlay().dots()) {
                entries.add(new Entry(Mark.DOT, List.of(dots.ink().color(p)), dots.label()));
            }
            for (Overlay.Arrows arrows : frame.overlay().arrows()) {
                entries.add(new Entry(Mark.LINE, List.of(arrows.ink().color(p)), arrows.label()));
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        double s = look.scale();
        Font font = Font.font(FONT * s);
        double w = 0;
        for (Entry e : entries) {
            double text = WIDTHS.computeIfAbsent(e.label() + "@" + font.getSize(), k -> {
                javafx.scene.text.Text probe = new javafx.scene.text.Text(e.label());
                probe.setFont(font);
                return probe.getLayoutBounds().getWidth();
            });
            w = Math.max(w, (2 * PAD + markWidth(e) + 4) * s + text);
        }
        double h = (2 * PAD - 2 + ROW * entries.size()) * s;
        double x = width - w - 10 * s;
        double y = bottom ? height - h - 40 * s : 10 * s;
        if (x < width / 2 || h > height / 3 || y < 0) {
            return null; // too small a canvas: the key would cover what it names
        }
        return new Layout(x, y, w, h, entries);
    }

    /**
     * The key moved down to start at {@code top} (below a title that reaches the top right), or null
     * when it would then reach past the middle of the canvas, over what it names.
     */
    static Layout below(Layout key, double top, double height) {
        if (top + key.h() > height / 2) {
            return null;
        }
        return new Layout(key.x(), top, key.w(), key.h(), key.entries());
    }

    static void paint(Pen g, Layout l, Look look) {
        double s = look.scale();
        Look.Palette p = look.palette();
        g.setGlobalAlpha(0.85);
        g.setFill(p.background());
        g.fillRect(l.x(), l.y(), l.w(), l.h());
        g.setGlobalAlpha(1);
        g.setFont(Font.font(FONT * s));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double r = 3 * s;
        for (int i = 0; i < l.entries().size(); i++) {
            Entry e = l.entries().get(i);
            double cy = l.y() + (PAD - 1 + ROW * (i + 0.5)) * s;
            double x0 = l.x() + PAD * s;
            switch (e.mark()) {
                case DOT -> {
                    double step = markWidth(e) * s / Math.max(1, e.colors().size());
                    for (int k = 0; k < e.colors().size(); k++) {
                        g.setFill(e.colors().get(k));
                        double cx = x0 + step * (k + 0.5);
                        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                    }
                }
                case LINE -> {
                    g.setStroke(e.colors().get(0));
                    g.setLineWidth(1.6 * s);
                    g.strokeLine(x0, cy, x0 + MARK * s, cy);
                }
                case RING -> {
                    g.setStroke(e.colors().get(0));
                    g.setLineWidth(1.6 * s);
                    double rr = r * 1.4;
                    g.strokeOval(x0 + MARK * s / 2 - rr, cy - rr, 2 * rr, 2 * rr);
                }
            }
            g.setFill(p.mutedText());
            g.fillText(e.label(), x0 + (markWidth(e) + 4) * s, cy);
        }
    }
}
