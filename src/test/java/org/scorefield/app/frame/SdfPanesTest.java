package org.scorefield.app.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SdfState;
import org.scorefield.core.data.PointSet;

/** The SDF pane's note on its arrows says on what scale they are drawn, or that there are none. */
class SdfPanesTest {

    @Test
    void theArrowNoteGivesTheScaleOrSaysThereAreNone() {
        String what = "arrows:  (D \u2212 z)/\u03c3\u00b2  and  (D_p \u2212 D_q)/\u03c3\u00b2  at \u03c3 = 0.0500";
        assertEquals(what + "  \u00b7  a typical difference arrow: 8.4", SdfPanes.arrowNote(0.05, 8.42));
        assertEquals(what + "  \u00b7  none: the difference is 0 at every grid point", SdfPanes.arrowNote(0.05, 0));
        assertEquals(what + "  \u00b7  none: the difference is 0 at every grid point",
                SdfPanes.arrowNote(0.05, Double.NaN));
    }

    /**
     * Data of 20 points all on one spot: two draws of it are at SW2 0, the floor is 0 and every ratio
     * over it is infinite or NaN. The panes and the status say "n/a", never "NaN" or "Infinity".
     */
    @Test
    void aRatioOverAFloorOfZeroReadsNotAvailable() {
        ManualJobs manual = new ManualJobs();
        ExplorerModel model = new ExplorerModel(manual.jobs);
        double[] spot = new double[40];
        for (int i = 0; i < 20; i++) {
            spot[2 * i] = 0.5;
            spot[2 * i + 1] = -0.25;
        }
        model.data().importPoints(PointSet.of(spot), "one spot");
        model.sdf().iterationsProperty().set(10);
        model.sdf().fieldsProperty().set(true);
        model.view().sdfProperty().set(true); // the view coming on runs the flow
        manual.runAll();
        SdfState.Snapshot s = model.sdf().snapshotProperty().get();
        assertNotNull(s);
        assertEquals(0, s.floor(), "two draws of one spot are at distance 0");
        assertFalse(Double.isFinite(s.ratio()));
        String status = model.sdf().statusProperty().get();
        assertTrue(status.endsWith("SW2/floor n/a"), status);
        FrameComposer.Scene scene = SdfPanes.scene(model.sdf(), model.data().data().points().xy());
        StringBuilder all = new StringBuilder();
        for (FrameComposer.Pane pane : scene.panes()) {
            all.append(pane.runTitle()).append('\n');
            pane.at().apply(0).notes().forEach(n -> all.append(n).append('\n'));
        }
        String text = all.toString();
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        assertTrue(text.contains("\u00b7  SW2/floor n/a\n"), "the SDF pane: " + text);
        assertTrue(text.contains("(linear path from N(0, I))  \u00b7  SW2/floor n/a\n"), "flow matching's: " + text);
    }
}
