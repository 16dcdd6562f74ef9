package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.model.SdfState;
import org.scorefield.app.theme.Look;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The scale of an overlay's arrows, and that a field with arrows at a few grid points draws them. */
@ExtendWith(ApplicationExtension.class)
class OverlayPainterTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed; frames are painted on detached canvases.
    }

    /**
     * A 13 × 13 grid (the SDF view's) with vectors of length 1, 2, 3, 4 and 5 at five grid points along
     * its second row from the bottom and zero elsewhere: 5 of 169, 3%, like the SDF view's grid at
     * σ = 0.05 with 16 data points.
     */
    private static VectorGrid sparse() {
        GridSpec spec = GridSpec.square(3.6, 13);
        double[] v = new double[2 * spec.size()];
        for (int m = 1; m <= 5; m++) {
            int k = 1 * spec.nx() + 2 * m; // row j = 1, columns 2, 4, …, 10
            v[2 * k] = 0.6 * m;
            v[2 * k + 1] = 0.8 * m; // length m
        }
        return new VectorGrid(spec, v);
    }

    private static Overlay arrowsOnly(VectorGrid field) {
        return new Overlay(List.of(), List.of(), List.of(new Overlay.Arrows(field, Overlay.Ink.TEXT, 2.2, "difference")));
    }

    @Test
    void theScaleIsThe90thPercentileOfTheNonZeroMagnitudesOnly() {
        // the sorted non-zero lengths are 1, 2, 3, 4, 5; the 90th percentile, index ⌊0.9·4⌋ = 3, is 4.
        // Over all 169 magnitudes (164 zeros) it would be 0, and nothing would be drawn.
        assertEquals(4, arrowsOnly(sparse()).arrowScale(), 1e-12);
        assertEquals(4, OverlayPainter.reference(arrowsOnly(sparse())), 1e-12);
        GridSpec spec = GridSpec.square(3.6, 13);
        assertEquals(0, arrowsOnly(new VectorGrid(spec, new double[2 * spec.size()])).arrowScale());
        assertEquals(0, new Overlay(List.of(), List.of(), List.of()).arrowScale());
        double[] v = new double[2 * spec.size()];
        v[0] = Double.NaN;
        v[2] = 3;
        assertEquals(3, arrowsOnly(new VectorGrid(spec, v)).arrowScale(), 1e-12, "a non-finite vector is no arrow");
    }

    @Test
    void aFieldWithArrowsAtAFewGridPointsDrawsThem() {
        GridSpec spec = GridSpec.square(3.6, 13);
        int w = 600;
        int h = 600;
        int[] with = FieldPainterTest.renderFx(CanvasFrame.EMPTY.withOverlay(arrowsOnly(sparse())), Look.DEFAULT, w, h);
        int[] without = FieldPainterTest.renderFx(CanvasFrame.EMPTY.withOverlay(
                arrowsOnly(new VectorGrid(spec, new double[2 * spec.size()]))), Look.DEFAULT, w, h);
        // the arrows start on row j = 1 (y = −3.0) and point up by at most 1.2 cells: all in the bottom third
        int changed = 0;
        for (int p = 0; p < w * h; p++) {
            if (with[p] != without[p]) {
                assertTrue(p / w > h / 2, "a changed pixel outside the arrows' rows, at row " + p / w);
                changed++;
            }
        }
        // five arrows, shafts of about 2 px by 20-40 px each: well over 100 pixels between them
        assertTrue(changed > 100, "only " + changed + " pixels changed: the sparse arrows were not drawn");
    }

    /**
     * The SDF view's own grid with 16 moons points at σ = 0.05 (the last σ of the default annealed
     * run): grid points farther than 3σ from every point get zero vectors, so at most 10% of them are
     * non-zero (a point lies within 0.15 of at most one grid point 0.6 apart, two sets of 16 points
     * reach at most 32 of 169; here far fewer), and the scale over all 169 would be 0.
     */
    @Test
    void theSdfViewsGridWithSixteenPointsStillHasAScale() {
        double[] target = DatasetPreset.MOONS.sample(16, 7).xy();
        double[] particles = target.clone();
        for (int i = 0; i < particles.length; i++) {
            particles[i] += i % 2 == 0 ? 0.02 : -0.01;
        }
        SdfState.Fields f = SdfState.fields(target, particles, 0.05);
        double[] v = f.difference().values();
        int nonZero = 0;
        for (int k = 0; k < v.length / 2; k++) {
            nonZero += Math.hypot(v[2 * k], v[2 * k + 1]) > 0 ? 1 : 0;
        }
        assertTrue(nonZero > 0 && nonZero <= 169 / 10, nonZero + " non-zero of 169");
        Overlay overlay = new Overlay(List.of(), List.of(), List.of(
                new Overlay.Arrows(f.target(), Overlay.Ink.TARGET, 1.3, "D_p"),
                new Overlay.Arrows(f.difference(), Overlay.Ink.TEXT, 2.2, "difference")));
        assertTrue(overlay.arrowScale() > 0, "scale " + overlay.arrowScale());
    }
}
