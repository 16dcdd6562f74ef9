package org.scorefield.app.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.Overlay;
import org.scorefield.app.model.SdfState;
import org.scorefield.core.io.FigureText;

/**
 * The two panes of the "SDF" view (docs/math.md §10.3): on the left score-difference flow, the data
 * (the target) and the particles with the paths of a few of them so far, and on request the two
 * kernel denoisers and their difference as arrows on one scale; on the right flow matching from the
 * same particles with its exact velocity. Each titled with its update and its SW2 over the floor.
 */
final class SdfPanes {

    /** The update, as the pane states it beside the picture. */
    static final String UPDATE = "y \u2190 y + \u03b7\u00b7(D_p(z; \u03c3) \u2212 D_q(z; \u03c3))/\u03c3\u00b2,"
            + "   z = y + \u03c3\u03be";
    /** Flow matching's Euler step, from t = 1 (the source) to t = 0 (the data). */
    static final String EULER = "x \u2190 x \u2212 \u00fb(x, t)/K,   t = 1 \u2192 0";

    /** The target's name in the key. */
    static final String TARGET = "target (data)";

    private SdfPanes() {
    }

    /** Both panes, from what the state holds now (read on the FX thread). */
    static FrameComposer.Scene scene(SdfState sdf, double[] data) {
        SdfState.Snapshot s = sdf.snapshotProperty().get();
        boolean arrows = sdf.fieldsProperty().get();
        String status = sdf.statusProperty().get();
        CanvasFrame onlyData = CanvasFrame.EMPTY.withOverlay(new Overlay(List.of(),
                List.of(new Overlay.Dots(data, Overlay.Ink.TARGET, 0.45, TARGET)), List.of()));
        return new FrameComposer.Scene(List.of(left(s, arrows, status, onlyData), right(s, onlyData)), 2);
    }

    private static FrameComposer.Pane left(SdfState.Snapshot s, boolean arrows, String status, CanvasFrame onlyData) {
        if (s == null) {
            List<String> notes = List.of(UPDATE, status.isEmpty() ? "press Run  (Score-difference flow, left)"
                    : status);
            return new FrameComposer.Pane("score-difference flow", -1,
                    t -> new FrameComposer.Frame(onlyData, notes));
        }
        var flow = s.setup().flow();
        String title = String.format(Locale.ROOT, "score-difference flow  \u00b7  iteration %,d of %,d",
                s.iteration(), flow.iterations());
        List<String> notes = new ArrayList<>();
        notes.add(UPDATE);
        notes.add(String.format(Locale.ROOT, "\u03c3 = %.3g%s  \u00b7  \u03b7 = %.2f\u00b7\u03c3\u00b2  \u00b7  "
                + "SW2/floor %s", s.sigma(), flow.anneal() ? String.format(Locale.ROOT, "  (%.3g \u2192 %.3g)",
                flow.sigma(), flow.sigmaEnd()) : "", s.setup().etaShare(), FigureText.of("%.2f", s.ratio())));
        List<Overlay.Arrows> fields = new ArrayList<>();
        if (arrows && s.fields() != null) {
            fields.add(new Overlay.Arrows(s.fields().target(), Overlay.Ink.TARGET, 1.3, "D_p: target"));
            fields.add(new Overlay.Arrows(s.fields().particles(), Overlay.Ink.PARTICLES, 1.3, "D_q: particles"));
            fields.add(new Overlay.Arrows(s.fields().difference(), Overlay.Ink.TEXT, 2.2, "difference"));
        }
        Overlay overlay = new Overlay(List.of(new Overlay.Paths(s.trailPaths(), Overlay.Ink.PARTICLES,
                String.format(Locale.ROOT, "paths of %d", s.trailPaths().particles()))),
                List.of(target(s), new Overlay.Dots(s.particles(), Overlay.Ink.PARTICLES, 0.85, "particles")), fields);
        if (!fields.isEmpty()) {
            notes.add(arrowNote(s.fields().sigma(), overlay.arrowScale()));
        }
        return new FrameComposer.Pane(title, -1, t -> new FrameComposer.Frame(CanvasFrame.EMPTY.withOverlay(overlay),
                notes));
    }

    private static FrameComposer.Pane right(SdfState.Snapshot s, CanvasFrame onlyData) {
        SdfState.FlowComparison flow = s == null ? null : s.flow();
        String title = SdfState.FlowComparison.label(SdfState.FLOW_STEPS);
        if (flow == null) {
            List<String> notes = List.of(EULER, s == null ? "from the same particles" : "computing\u2026");
            return new FrameComposer.Pane(title, -1, t -> new FrameComposer.Frame(onlyData, notes));
        }
        List<String> notes = List.of(EULER, String.format(Locale.ROOT, "\u00fb exact  (linear path from %s)  "
                + "\u00b7  SW2/floor %s", s.setup().source().displayName(), FigureText.of("%.2f", flow.sw2Ratio())),
                String.format(Locale.ROOT, "the same %,d particles  \u00b7  t = 0", s.setup().particles()));
        Overlay overlay = new Overlay(List.of(new Overlay.Paths(flow.paths(), Overlay.Ink.PARTICLES,
                String.format(Locale.ROOT, "paths of %d", flow.paths().particles()))),
                List.of(target(s), new Overlay.Dots(flow.samples(), Overlay.Ink.PARTICLES, 0.85, "particles")),
                List.of());
        return new FrameComposer.Pane(title, -1, t -> new FrameComposer.Frame(CanvasFrame.EMPTY.withOverlay(overlay),
                notes));
    }

    /**
     * What the arrows show, at which σ, and on what scale: the scale is set afresh for every picture
     * (docs/math.md §10.3), so the note gives the magnitude of the difference that a typical arrow
     * stands for, or says that there are none.
     */
    static String arrowNote(double sigma, double scale) {
        String what = String.format(Locale.ROOT, "arrows:  (D \u2212 z)/\u03c3\u00b2  and  (D_p \u2212 D_q)/\u03c3\u00b2"
                + "  at \u03c3 = %.3g", sigma);
        return scale > 0 && Double.isFinite(scale)
                ? what + String.format(Locale.ROOT, "  \u00b7  a typical difference arrow: %.2g", scale)
                : what + "  \u00b7  none: the difference is 0 at every grid point";
    }

    private static Overlay.Dots target(SdfState.Snapshot s) {
        return new Overlay.Dots(s.target(), Overlay.Ink.TARGET, 0.45, TARGET);
    }
}
