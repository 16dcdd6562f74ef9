package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The key to the arrows: which magnitudes it shows, how it writes them, and that the field leaves it free. */
@ExtendWith(ApplicationExtension.class)
class ArrowKeyTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed; frames are painted on detached canvases.
    }

    private static String[] shown(double ref, double max, double cell, double arrowScale, Look look) {
        return Arrays.stream(ArrowKey.magnitudes(ref, max, FieldPainter.Arrows.of(cell, arrowScale, look)))
                .map(BigDecimal::toPlainString).toArray(String[]::new);
    }

    @Test
    void theKeyShowsMagnitudesTenTimesApartWhoseArrowsAreNeitherHeldNorClipped() {
        // Cells of 100/3 px, reference 123: an arrow of m is 0.8 · 33.3 · (m / 123)^0.30103 px, clipped at
        // 31.7 and at least 7: 300 → 34.9 (clipped), 200 → 30.9, 100 → 25.1, 20 → 15.4, 10 → 12.5, 2 → 7.7,
        // 1 → 6.3 (held at 7).
        assertEquals(List.of("2", "20", "200"), List.of(shown(123, 1000, 100.0 / 3, 1, Look.DEFAULT)));
        assertEquals(List.of("10", "100"), List.of(shown(123, 148, 100.0 / 3, 1, Look.DEFAULT)),
                "no larger than the field's largest");
        assertEquals(List.of("2", "20", "200"), List.of(shown(123, 1000, 100.0 / 3, 1, new Look(false, true))),
                "the same lengths in presenter mode");
        // 1024 × 700, 24 cells of 29.2 px on its short side, reference 139.6, largest 169.6:
        // 200 → 26.1 but more than the largest, 150 → 0.8 · 29.2 · (150 / 139.6)^0.30103 = 23.8, 15 → 11.9,
        // 1.5 → 6.0 (held).
        assertEquals(List.of("15", "150"), List.of(shown(139.6, 169.6, 700.0 / 24, 1, Look.DEFAULT)));
        // Presenter mode in the window, cells of 20.4 px, reference 7.3, largest 8.5: 7 → 16.1, 0.7 → 8.1.
        assertEquals(List.of("0.7", "7"), List.of(shown(7.3, 8.5, 20.4, 1, new Look(false, true))));
        // Reference 0.0073: 0.02 → 36.1 (clipped), 0.01 → 29.3, 0.001 → 14.7, 0.0001 → 7.3.
        assertEquals(List.of("0.0001", "0.001", "0.01"), List.of(shown(0.0073, 1, 100.0 / 3, 1, Look.DEFAULT)));
        // Cells of 17.5 px with the largest 148 at 13.9 px: no pair fits between 7 px and that.
        assertTrue(shown(123, 148, 17.5, 1, Look.DEFAULT).length < 2, "no key where no pair fits");
        // A quarter of the length: the reference arrow is 6.7 px; up to the field's largest, 148, every
        // arrow is held at 7.
        assertTrue(shown(123, 148, 100.0 / 3, 0.25, Look.DEFAULT).length < 2, "no key when the arrows barely vary");
        FieldPainter.Arrows arrows = FieldPainter.Arrows.of(100.0 / 3, 1, Look.DEFAULT);
        BigDecimal[] m = ArrowKey.magnitudes(123, 1000, arrows);
        for (int i = 1; i < m.length; i++) {
            assertEquals(2, arrows.length(m[i].doubleValue() / 123) / arrows.length(m[i - 1].doubleValue() / 123),
                    1e-9, "ten times stronger, twice as long");
        }
    }

    /** Arrows along (3, 4) on n × n cells over [−4, 4]², their magnitudes from 1 to {@code top} in equal ratios. */
    private static VectorGrid growing(int n, double top) {
        GridSpec spec = GridSpec.square(4, n);
        double[] v = new double[2 * spec.size()];
        for (int k = 0; k < spec.size(); k++) {
            double magnitude = Math.pow(top, k / (spec.size() - 1.0));
            v[2 * k] = 0.6 * magnitude;
            v[2 * k + 1] = 0.8 * magnitude;
        }
        return new VectorGrid(spec, v);
    }

    private static ArrowKey.Layout layout(VectorGrid field, double arrowScale, int size) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ArrowKey.layout(field, arrowScale, Look.DEFAULT,
                new ScreenMapping(WorldView.DEFAULT, size, size), size, size - 33)).get();
    }

    @Test
    void whereNoPairFitsTheKeyIsTheRuleAloneAndWhereNoArrowFollowsItThereIsNone() throws Exception {
        // 24 cells of 15 px, magnitudes 1 to 100, reference (95th percentile) 100^0.95 = 79.4: the largest
        // arrow is 0.8 · 15 · (100 / 79.4)^0.30103 = 12.9 px, less than twice the shortest, 7; the reference
        // arrow, 12 px, follows the rule.
        ArrowKey.Layout ruleOnly = layout(growing(24, 100), 1, 360);
        assertTrue(ruleOnly != null && ruleOnly.magnitudes().length == 0, "the rule without sample arrows");
        // A quarter of the length on an even field: every arrow is 0.25 · 0.8 · 25 = 5 px, held at 7.
        assertNull(layout(growing(24, 1), 0.25, 600), "no key where no arrow follows the rule");
    }

    @Test
    void magnitudesAreWrittenAsPeopleWriteThem() {
        assertEquals("200", ArrowKey.label(new BigDecimal("200")));
        assertEquals("200", ArrowKey.label(BigDecimal.valueOf(2).scaleByPowerOfTen(2)));
        assertEquals("50000", ArrowKey.label(BigDecimal.valueOf(5).scaleByPowerOfTen(5).movePointLeft(1)));
        assertEquals("1", ArrowKey.label(BigDecimal.ONE));
        assertEquals("0.002", ArrowKey.label(BigDecimal.valueOf(2).scaleByPowerOfTen(-3)));
        assertEquals("5e\u22125", ArrowKey.label(BigDecimal.valueOf(5).scaleByPowerOfTen(-5)));
        assertEquals("2e6", ArrowKey.label(BigDecimal.valueOf(2).scaleByPowerOfTen(7).movePointLeft(1)));
        // two significant digits: the mantissa keeps its point (it once read 15e5 for 1.5e5)
        assertEquals("1.5e5", ArrowKey.label(new BigDecimal("150000")));
        assertEquals("1.5e\u22124", ArrowKey.label(new BigDecimal("0.00015")));
        assertEquals("2.5e\u22126", ArrowKey.label(new BigDecimal("2.5E-6")));
    }

    /**
     * Arrows along (3, 4) on a grid of 16 × 16 cells of 1/2 over [−4, 4]², shifted right by {@code shift};
     * their magnitudes grow from 1 to 100 in equal ratios cell by cell.
     */
    private static VectorGrid diagonal(double shift) {
        GridSpec spec = new GridSpec(-4 + shift, 4 + shift, -4, 4, 16, 16);
        double[] v = new double[2 * spec.size()];
        for (int k = 0; k < spec.size(); k++) {
            double magnitude = Math.pow(10, 2.0 * k / (spec.size() - 1));
            v[2 * k] = 0.6 * magnitude;
            v[2 * k + 1] = 0.8 * magnitude;
        }
        return new VectorGrid(spec, v);
    }

    private static int[] render(CanvasFrame frame, Look look, boolean file, int w, int h) {
        return file ? FieldPainterTest.renderJava2D(frame, look, w, h) : FieldPainterTest.renderFx(frame, look, w, h);
    }

    /**
     * Two fields of the same arrows, one shifted by half a cell, have the same key (10 and 100 here) but no
     * arrow pixel
     * in common. Where the key is (the pixels the same in both frames and darker than in the frame
     * without a field), the two frames must not differ at all: no arrow is drawn over the key or shows
     * through it.
     */
    @Test
    void theKeyIsDrawnAndNoArrowTouchesIt() {
        int w = 600;
        int h = 500;
        for (Look look : new Look[] {Look.DEFAULT, new Look(false, true)}) {
            for (boolean file : new boolean[] {false, true}) {
                CanvasFrame a = CanvasFrame.EMPTY.withArrows(diagonal(0), 1);
                CanvasFrame b = CanvasFrame.EMPTY.withArrows(diagonal(0.25), 1);
                int[] bare = render(CanvasFrame.EMPTY, look, file, w, h);
                int[] pa = render(a, look, file, w, h);
                int[] pb = render(b, look, file, w, h);
                int minX = w;
                int maxX = -1;
                int minY = h;
                int maxY = -1;
                int inked = 0;
                int differ = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int k = y * w + x;
                        if (pa[k] != pb[k]) {
                            differ++;
                        } else if (FieldPainterTest.luminance(bare[k]) - FieldPainterTest.luminance(pa[k]) > 0.25) {
                            inked++;
                            minX = Math.min(minX, x);
                            maxX = Math.max(maxX, x);
                            minY = Math.min(minY, y);
                            maxY = Math.max(maxY, y);
                        }
                    }
                }
                String what = (file ? "file" : "screen") + (look.presenter() ? ", presenter" : "");
                assertTrue(differ > w * h / 20, what + ": the two fields differ: " + differ + " pixels");
                assertTrue(inked > 100, what + ": the key is drawn: " + inked + " pixels");
                assertTrue(minX > w / 2 && minY > h / 2, what + ": in the bottom-right corner, from (" + minX + ", "
                        + minY + ")");
                for (int y = minY; y <= maxY; y++) {
                    for (int x = minX; x <= maxX; x++) {
                        assertEquals(pa[y * w + x], pb[y * w + x], what + ": an arrow at (" + x + ", " + y
                                + ") inside the key, which spans (" + minX + ", " + minY + ") to (" + maxX + ", "
                                + maxY + ")");
                    }
                }
            }
        }
    }
}
