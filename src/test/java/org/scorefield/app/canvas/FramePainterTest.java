package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.field.VectorGrid;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.ScheduleKind;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pixels of painted frames, headless on Monocle. The canvas is 400 × 400 over the default view
 * [−4, 4]², so world (x, y) lands on screen (200 + 50x, 200 − 50y).
 */
@ExtendWith(ApplicationExtension.class)
class FramePainterTest {

    static final int SIZE = 400;

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed; frames are painted on detached canvases.
    }

    static PixelReader render(CanvasFrame frame, Look look) {
        try {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
                Canvas canvas = new Canvas(SIZE, SIZE);
                new Scene(new Group(canvas));
                new FramePainter().paint(canvas.getGraphicsContext2D(), frame, WorldView.DEFAULT, look, SIZE, SIZE);
                return canvas.snapshot(null, null);
            }).get();
            return image.getPixelReader();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static int sx(double x) {
        return (int) Math.floor(200 + 50 * x);
    }

    static int sy(double y) {
        return (int) Math.floor(200 - 50 * y);
    }

    /** c painted at opacity a over the background. */
    static Color over(Color c, double a, Color background) {
        return background.interpolate(c, a);
    }

    static void assertColor(Color expected, Color actual, String what) {
        double tol = 6 / 255.0; // premultiplied-alpha rounding in the software renderer
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= tol
                && Math.abs(expected.getGreen() - actual.getGreen()) <= tol
                && Math.abs(expected.getBlue() - actual.getBlue()) <= tol,
                what + ": expected " + expected + ", got " + actual);
    }

    static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Test
    void aDensityHeatmapIsDarkerWhereTheDensityIsHigher() {
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(
                new GaussianMixture(List.of(Component.isotropic(1, 1.3, 0.7, 0.5, 0))), ScheduleKind.VP.createDefault());
        ScalarGrid log = ExactDensity.logDensityGrid(oracle, GridSpec.square(4, 64), 0.05);
        PixelReader px = render(CanvasFrame.EMPTY.withHeatmap(log, HeatmapStyle.DENSITY), Look.DEFAULT);
        double a = ScheduleKind.VP.createDefault().alpha(0.05);
        // At the mode, 0.5 nats down, and 6 nats down (2√3 standard deviations away along y; the
        // point avoids the unit grid lines).
        double std = Math.sqrt(a * a * 0.25 + Math.pow(ScheduleKind.VP.createDefault().sigma(0.05), 2));
        Color peak = px.getColor(sx(1.3 * a) + 3, sy(0.7 * a) + 3);
        Color far = px.getColor(sx(1.3 * a) + 3, sy(0.7 * a - Math.sqrt(12) * std));
        Color outside = px.getColor(sx(-3.5), sy(-2.5));
        assertTrue(luminance(peak) < luminance(far) - 0.1, peak + " vs " + far);
        assertTrue(luminance(far) < luminance(outside), far + " vs " + outside);
        assertColor(Color.WHITE, outside, "below max − 8 the heatmap is the background");
    }

    @Test
    void theHeatmapImageFollowsANewGridThemeAndCanvasSize() throws Exception {
        // One painter, as a canvas keeps it: its cached image must never outlive what it shows.
        FramePainter painter = new FramePainter();
        GridSpec spec = GridSpec.square(4, 64);
        ScalarGrid atA = peak(spec, 1, 1);
        ScalarGrid atB = peak(spec, -1, -1);
        PixelReader a = render(painter, CanvasFrame.EMPTY.withHeatmap(atA, HeatmapStyle.DENSITY), Look.DEFAULT, SIZE);
        PixelReader b = render(painter, CanvasFrame.EMPTY.withHeatmap(atB, HeatmapStyle.DENSITY), Look.DEFAULT, SIZE);
        assertTrue(luminance(a.getColor(sx(1) + 3, sy(1) + 3)) < 0.8, "the first peak");
        assertColor(Color.WHITE, b.getColor(sx(1) + 3, sy(1) + 3), "a new grid: the first peak is gone");
        assertTrue(luminance(b.getColor(sx(-1) + 3, sy(-1) + 3)) < 0.8, "the second peak");
        PixelReader dark = render(painter, CanvasFrame.EMPTY.withHeatmap(atB, HeatmapStyle.DENSITY),
                new Look(true, false), SIZE);
        assertColor(Look.Palette.DARK.background(), dark.getColor(sx(1) + 3, sy(1) + 3), "the same grid, dark");
        // A smaller canvas: 37.5 px per unit around (150, 150), so the peak at (−1, −1) lands at (112, 187).
        PixelReader small = render(painter, CanvasFrame.EMPTY.withHeatmap(atB, HeatmapStyle.DENSITY), Look.DEFAULT, 300);
        assertTrue(luminance(small.getColor(113, 188)) < 0.8, "the peak where the smaller canvas puts it");
        assertColor(Color.WHITE, small.getColor(sx(-1) + 3, sy(-1) + 3), "not where the larger one had it");
    }

    /** log of an isotropic bump of width 0.3 at (cx, cy). */
    private static ScalarGrid peak(GridSpec spec, double cx, double cy) {
        double[] v = new double[spec.size()];
        for (int j = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++) {
                double dx = spec.x(i) - cx;
                double dy = spec.y(j) - cy;
                v[spec.index(i, j)] = -(dx * dx + dy * dy) / (2 * 0.09);
            }
        }
        return new ScalarGrid(spec, v);
    }

    private static PixelReader render(FramePainter painter, CanvasFrame frame, Look look, int size) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Canvas canvas = new Canvas(size, size);
            new Scene(new Group(canvas));
            painter.paint(canvas.getGraphicsContext2D(), frame, WorldView.DEFAULT, look, size, size);
            return canvas.snapshot(null, null);
        }).get().getPixelReader();
    }

    @Test
    void theColourBarKeepsOutOfACanvasTooSmallForIt() {
        ScalarGrid grid = peak(GridSpec.square(4, 16), 0, 0);
        Look presenter = Look.DEFAULT.withPresenter(true);
        double s = presenter.scale();
        // the box is (120 + 12)·s wide and (9 + 24 + 6)·s tall: a quarter of the height at most
        double tallEnough = 39 * s / FramePainter.MAX_LEGEND_SHARE;
        assertNotNull(FramePainter.legendBox(grid, HeatmapStyle.DENSITY, presenter, 800, tallEnough + 1));
        assertNull(FramePainter.legendBox(grid, HeatmapStyle.DENSITY, presenter, 800, tallEnough - 1),
                "over a quarter of the height");
        // a narrower canvas takes a bar of half its width less the padding, down to 90·s: (90 + 12)·s wide
        double wideEnough = 102 * s / FramePainter.MAX_LEGEND_WIDTH_SHARE;
        assertNotNull(FramePainter.legendBox(grid, HeatmapStyle.DENSITY, presenter, wideEnough + 1, 800));
        assertNull(FramePainter.legendBox(grid, HeatmapStyle.DENSITY, presenter, wideEnough - 1, 800),
                "over 80% of the width");
        double[] full = FramePainter.legendBox(grid, HeatmapStyle.DENSITY, presenter, 800, 800);
        double[] narrow = FramePainter.legendBox(grid, HeatmapStyle.DENSITY, presenter, 230, 800);
        assertEquals(132 * s, full[2], 1e-9);
        assertEquals(Math.max(90 * s, 0.5 * 230 - 12 * s) + 12 * s, narrow[2], 1e-9);
        assertNull(FramePainter.legendBox(grid, HeatmapStyle.DENSITY, presenter, 380, 210),
                "presenter mode's canvas at 1024×700 with the controls and charts shown");
        assertNotNull(FramePainter.legendBox(grid, HeatmapStyle.DENSITY, Look.DEFAULT, 690, 590),
                "the single canvas at 1440×900");
    }

    /**
     * model − exact log p₀ (docs/math.md §7.5): where it is 0 the background shows through, below 0 the
     * map is blue, above it red, and as strongly at −v as at +v; the bar spans ±R, R the 90th
     * percentile of |value| rounded up, and fits a pane a third of the window wide.
     */
    @Test
    void aLogRatioDivergesFromTheBackgroundAtZero() {
        GridSpec spec = GridSpec.square(4, 8); // cells of 1 world unit
        double[] v = new double[spec.size()];
        for (int k = 0; k < v.length; k++) {
            double x = spec.points()[2 * k];
            double y = spec.points()[2 * k + 1];
            v[k] = x < -2 ? -0.8 : x > 2 ? 0.8 : x == 1.5 && y == 1.5 ? 3 : 0; // one outlier at +3
        }
        ScalarGrid grid = new ScalarGrid(spec, v);
        assertArrayEquals(new double[] {-1, 1}, FramePainter.range(grid, HeatmapStyle.LOG_RATIO), 0.0,
                "the 90th percentile of |Δ| over the 33 non-zero cells is 0.8, not the outlier's 3: ±1");
        for (Look look : List.of(Look.DEFAULT, new Look(true, false))) {
            PixelReader px = render(CanvasFrame.EMPTY.withHeatmap(grid, HeatmapStyle.LOG_RATIO), look);
            Color zero = px.getColor(sx(0.3), sy(0.3));
            Color below = px.getColor(sx(-3.3), sy(0.3));
            Color above = px.getColor(sx(3.3), sy(0.3));
            assertColor(look.palette().background(), zero, "0 is the background");
            assertTrue(below.getBlue() > below.getRed() + 0.1, "below 0 is blue: " + below);
            assertTrue(above.getRed() > above.getBlue() + 0.1, "above 0 is red: " + above);
            Color bg = look.palette().background();
            double farBelow = Math.abs(luminance(below) - luminance(bg)) + Math.abs(below.getBlue() - bg.getBlue());
            double farAbove = Math.abs(luminance(above) - luminance(bg)) + Math.abs(above.getRed() - bg.getRed());
            assertTrue(farBelow > 0.1 && farAbove > 0.1, below + " / " + above);
        }
        assertEquals("\u0394 log p\u2080 (nats)", HeatmapStyle.LOG_RATIO.caption());
        assertNotNull(FramePainter.legendBox(grid, HeatmapStyle.LOG_RATIO, Look.DEFAULT, 300, 560),
                "a pane a third of the window wide keeps its bar");
    }

    /** A cell with no value (NaN) in model − exact is drawn as the background, not as "model much lower". */
    @Test
    void aNanCellOfALogRatioIsTheBackground() {
        GridSpec spec = GridSpec.square(4, 8); // cells of 1 world unit
        double[] v = new double[spec.size()];
        for (int k = 0; k < v.length; k++) {
            double x = spec.points()[2 * k];
            v[k] = x < -2 ? -0.8 : x > 2 ? 0.8 : x > -1 && x < 1 ? Double.NaN : 0; // NaN in the middle columns
        }
        ScalarGrid grid = new ScalarGrid(spec, v);
        for (Look look : List.of(Look.DEFAULT, new Look(true, false))) {
            PixelReader px = render(CanvasFrame.EMPTY.withHeatmap(grid, HeatmapStyle.LOG_RATIO), look);
            assertColor(look.palette().background(), px.getColor(sx(-0.3), sy(0.3)), "NaN is the background");
            assertColor(look.palette().background(), px.getColor(sx(0.3), sy(-2.7)), "NaN is the background");
            Color below = px.getColor(sx(-3.3), sy(0.3));
            assertTrue(below.getBlue() > below.getRed() + 0.1, "below 0 is still blue: " + below);
        }
    }

    @Test
    void aParticleAtOneOnePaintsItsClassColourThere() {
        PixelReader px = render(CanvasFrame.points(new double[] {1, 1}, new int[] {2}), Look.DEFAULT);
        Color expected = over(Look.Palette.LIGHT.classColor(2), 0.8, Color.WHITE);
        assertColor(expected, px.getColor(250, 150), "the dot's centre");
        assertColor(Color.WHITE, px.getColor(240, 140), "beside the dot");
    }

    @Test
    void theLayerKeyShowsADotForEachClassTheDataHolds() throws Exception {
        // classes 0, 2 and 5: drawn with the brush on the moons' class 0 (not 0, 1, 2)
        CanvasFrame frame = CanvasFrame.points(new double[] {0, 0, 1, 0, 0, 1, 1, 1}, new int[] {5, 0, 2, 5});
        for (Look look : new Look[] {Look.DEFAULT, new Look(true, true)}) {
            LayerLegend.Layout key = WaitForAsyncUtils.asyncFx(() -> LayerLegend.layout(frame, look, SIZE, SIZE)).get();
            assertNotNull(key);
            Look.Palette p = look.palette();
            assertEquals(List.of(p.classColor(0), p.classColor(2), p.classColor(5)), key.entries().get(0).colors());
            assertEquals("data at t", key.entries().get(0).label());
        }
        LayerLegend.Layout plain = WaitForAsyncUtils.asyncFx(() -> LayerLegend.layout(
                CanvasFrame.points(new double[] {0, 0}, null), Look.DEFAULT, SIZE, SIZE)).get();
        assertEquals(List.of(Look.Palette.LIGHT.classColor(0)), plain.entries().get(0).colors(),
                "unlabelled data is drawn as class 0, and keyed so");
    }

    @Test
    void theKeyNamesBoldPathsByTheFramesLabelWithTheirGuessesAndLandings() throws Exception {
        // two particles at t = 1, 0.5, 0 with their guesses x̂0
        Trajectories paths = new Trajectories(new double[] {1, 0.5, 0},
                new double[][] {{-2, -2, 2, 2}, {-1, -1, 1, 1}, {0, 0, 0.5, 0.5}},
                new double[][] {{0, 0, 0, 0}, {0.1, 0.1, 0.4, 0.4}, {0, 0, 0.5, 0.5}});
        var landing = new org.scorefield.core.sample.DenoisingLanding.Landing(0, 1, 0.5, new double[] {0.1, 0.1},
                2, 0);
        CanvasFrame few = CanvasFrame.EMPTY.withTrajectories(null, 0.25, 0, TrajectoryRole.ODE)
                .withClicked(paths, "first 2 samples").withShowDenoised(true).withLandings(List.of(landing));
        Look.Palette p = Look.DEFAULT.palette();
        LayerLegend.Layout key = WaitForAsyncUtils.asyncFx(() -> LayerLegend.layout(few, Look.DEFAULT, SIZE, SIZE))
                .get();
        assertEquals(List.of("first 2 samples", "x\u0302\u2080 guesses", "x\u0302\u2080 lands"),
                key.entries().stream().map(LayerLegend.Entry::label).toList());
        assertEquals(List.of(p.accent()), key.entries().get(0).colors());
        assertEquals(List.of(p.denoised()), key.entries().get(1).colors(), "the guesses' paths in their colour");
        assertEquals(LayerLegend.Mark.DOT, key.entries().get(2).mark(), "a landing is a dot");
        // a click's paths without their guesses shown: the default words, no guesses, no landings
        LayerLegend.Layout click = WaitForAsyncUtils.asyncFx(() -> LayerLegend.layout(
                CanvasFrame.EMPTY.withClicked(paths), Look.DEFAULT, SIZE, SIZE)).get();
        assertEquals(List.of("paths from a click"), click.entries().stream().map(LayerLegend.Entry::label).toList());
    }

    @Test
    void aTitleAcrossTheTopPushesTheKeyBelowItInsteadOfHidingIt() throws Exception {
        // a click's path in the bottom-left corner, far from the key; a title of two full-width lines
        Trajectories paths = new Trajectories(new double[] {1, 0}, new double[][] {{-3, -3}, {-2.5, -3}}, null);
        String title = "a long caption of a lesson that runs right across the top of the canvas and on";
        CanvasFrame frame = CanvasFrame.EMPTY.withClicked(paths).withTitle(title);
        double[] at = WaitForAsyncUtils.asyncFx(() -> {
            TitlePainter.Layout t = TitlePainter.layout(title, Look.DEFAULT, SIZE);
            LayerLegend.Layout top = LayerLegend.layout(frame, Look.DEFAULT, SIZE, SIZE);
            return new double[] {t.bandX() + t.bandW(), t.bandY() + t.bandH(), top.x(), top.y(), top.w(), top.h()};
        }).get();
        assertTrue(at[0] > at[2], "the title reaches the key's place at the top right");
        // the key's one line, its red mark 6 px in from its left edge, now starts 3 px below the title
        double keyTop = at[1] + AxesPainter.LABEL_MARGIN;
        int markY = (int) Math.floor(keyTop + 5 + 8);
        PixelReader px = render(frame, Look.DEFAULT);
        Color mark = px.getColor((int) (at[2] + 6 + 9), markY);
        assertTrue(mark.getRed() > mark.getGreen() + 0.2, "the key's accent line below the title: " + mark);
    }

    @Test
    void trajectoryHeadsSitAtTheInterpolatedPosition() {
        // One particle recorded at t = 1, 0.5, 0; at t = 0.25 it is halfway between the last two records.
        Trajectories tr = new Trajectories(new double[] {1, 0.5, 0},
                new double[][] {{-2.3, -2.3}, {2.3, -0.3}, {2.3, 2.3}}, null);
        PixelReader px = render(CanvasFrame.EMPTY.withTrajectories(tr, 0.25, 0, TrajectoryRole.SDE), Look.DEFAULT);
        Color head = over(Look.Palette.LIGHT.sde(), 0.85, Color.WHITE);
        assertColor(head, px.getColor(sx(2.3), sy(1.0)), "the head at (2.3, 1.0)");
        assertColor(Color.WHITE, px.getColor(sx(2.3), sy(-0.3)), "no head at the earlier record");
        assertColor(Color.WHITE, px.getColor(sx(2.3), sy(2.3)), "no head at the later record");
    }

    @Test
    void theDarkLookPaintsTheDarkBackground() {
        PixelReader px = render(CanvasFrame.EMPTY, new Look(true, false));
        assertColor(Look.Palette.DARK.background(), px.getColor(sx(2.5), sy(2.5)), "an empty spot");
    }

    @Test
    void arrowsOfAUniformFieldAreHorizontal() {
        GridSpec spec = new GridSpec(-3.5, 4.5, -3.5, 4.5, 4, 4); // centres at −2.5, −0.5, 1.5, 3.5
        double[] v = new double[32];
        for (int k = 0; k < 32; k += 2) {
            v[k] = 1;
        }
        PixelReader px = render(CanvasFrame.EMPTY.withArrows(new VectorGrid(spec, v), 1), Look.DEFAULT);
        // 100-pixel cells; every arrow has the reference magnitude: 80 px long, centred on its cell.
        for (double cx : new double[] {-2.5, -0.5, 1.5}) {
            for (double cy : new double[] {-2.5, -0.5, 1.5}) {
                int x = sx(cx);
                int y = sy(cy);
                // The shaft is centred on the pixel edge y, so it shades the two rows either side of it.
                for (int dx : new int[] {-36, -20, 0, 15}) {
                    double darkest = Math.min(luminance(px.getColor(x + dx, y - 1)), luminance(px.getColor(x + dx, y)));
                    assertTrue(darkest < 0.75, "the shaft at " + (x + dx) + ", " + y + ": " + darkest);
                }
                for (int dy : new int[] {-8, 8}) {
                    assertTrue(luminance(px.getColor(x, y + dy)) > 0.9, "above or below the shaft at " + x + ", " + (y + dy));
                }
                assertTrue(luminance(px.getColor(x - 49, y)) > 0.9, "beyond the tail");
            }
        }
    }

    @Test
    void tickLabelsThinOutOnASmallCanvas() {
        assertEquals(1, AxesPainter.labelStep(50, 1));
        assertEquals(2, AxesPainter.labelStep(24, 1.5), "presenter text on a narrow split canvas");
        assertEquals(5, AxesPainter.labelStep(8, 1));
        assertEquals(20, AxesPainter.labelStep(1, 1));
    }

    @Test
    void interpolationSegmentsFollowDecreasingTimes() {
        double[] times = {1, 0.5, 0.2, 0};
        assertEquals(0, FramePainter.segment(times, 1.5));
        assertEquals(0, FramePainter.weight(times, 0, 1.5), 0);
        assertEquals(1, FramePainter.segment(times, 0.3));
        assertEquals(2.0 / 3, FramePainter.weight(times, 1, 0.3), 1e-12);
        assertEquals(2, FramePainter.segment(times, -1));
        assertEquals(1, FramePainter.weight(times, 2, -1), 0);
    }
}
