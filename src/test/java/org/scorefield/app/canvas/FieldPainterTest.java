package org.scorefield.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.theme.Look;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The field's arrows and streamlines on painted frames, headless on Monocle, on the screen's pen and a file's. */
@ExtendWith(ApplicationExtension.class)
class FieldPainterTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed; frames are painted on detached canvases.
    }

    /** The frame painted on a JavaFX canvas (the screen, PNG figures, animations), as 0xRRGGBB. */
    static int[] renderFx(CanvasFrame frame, Look look, int w, int h) {
        try {
            BufferedImage image = WaitForAsyncUtils.asyncFx(() -> {
                Canvas canvas = new Canvas(w, h);
                new Scene(new Group(canvas));
                new FramePainter().paint(canvas.getGraphicsContext2D(), frame, WorldView.DEFAULT, look, w, h);
                return SwingFXUtils.fromFXImage(canvas.snapshot(null, null),
                        new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB));
            }).get();
            return image.getRGB(0, 0, w, h, null, 0, w);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The frame painted through a {@link Java2DPen} (SVG and PDF figures), rasterised by Java2D. */
    static int[] renderJava2D(CanvasFrame frame, Look look, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            WaitForAsyncUtils.asyncFx(() -> new FramePainter().paint(new Java2DPen(g), frame, WorldView.DEFAULT,
                    look, w, h)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            g.dispose();
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }

    static double luminance(int rgb) {
        return (0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
    }

    /** A field of equal arrows pointing up and to the right on a grid of n × n cells over [−4, 4]². */
    static VectorGrid uniform(int n) {
        GridSpec spec = GridSpec.square(4, n);
        double[] v = new double[2 * spec.size()];
        for (int k = 0; k < v.length; k += 2) {
            v[k] = 1;
            v[k + 1] = 1;
        }
        return new VectorGrid(spec, v);
    }

    private interface Renderer {
        int[] render(CanvasFrame frame, Look look, int w, int h);
    }

    /**
     * Every pixel of text (darker than the axes and grid lines, in the frame without the field) and
     * the pixels within 3 of it are the same with the field as without it: no arrow or streamline
     * touches the title or a tick number.
     */
    private static void assertTextUntouched(Renderer renderer, CanvasFrame withField, Look look, int w, int h) {
        CanvasFrame without = CanvasFrame.EMPTY.withTitle(withField.title());
        int[] bare = renderer.render(without, look, w, h);
        int[] drawn = renderer.render(withField, look, w, h);
        double axis = luminance(colour(look.palette().axis()));
        int ink = 0;
        int fieldPixels = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.abs(luminance(drawn[y * w + x]) - luminance(bare[y * w + x])) > 0.02) {
                    fieldPixels++;
                }
                if (luminance(bare[y * w + x]) >= axis - 0.1) {
                    continue;
                }
                ink++;
                for (int dy = -3; dy <= 3; dy++) {
                    for (int dx = -3; dx <= 3; dx++) {
                        int px = x + dx;
                        int py = y + dy;
                        if (px < 0 || py < 0 || px >= w || py >= h) {
                            continue;
                        }
                        double change = Math.abs(luminance(drawn[py * w + px]) - luminance(bare[py * w + px]));
                        assertTrue(change <= 0.02, "the field touches the text near (" + x + ", " + y + ") at ("
                                + px + ", " + py + "): luminance changed by " + change);
                    }
                }
            }
        }
        assertTrue(ink > 300, "the title and tick labels were found: " + ink + " pixels of text");
        assertTrue(fieldPixels > w * h / 20, "the field covers the canvas: " + fieldPixels + " pixels");
    }

    static int colour(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void arrowsLeaveTheTitleAndTickLabelsFreeOnScreenAndInFiles() {
        CanvasFrame frame = CanvasFrame.EMPTY.withArrows(uniform(24), 1).withTitle("exact score at t = 0.05");
        for (Look look : new Look[] {Look.DEFAULT, new Look(false, true)}) {
            assertTextUntouched(FieldPainterTest::renderFx, frame, look, 600, 500);
            assertTextUntouched(FieldPainterTest::renderJava2D, frame, look, 600, 500);
        }
    }

    @Test
    void streamlinesLeaveTheTitleAndTickLabelsFree() {
        // Horizontal lines every 0.1 from y = −4 to 4 across the canvas, points 0.04 apart.
        java.util.List<double[]> lines = new java.util.ArrayList<>();
        for (int j = 0; j <= 80; j++) {
            double[] line = new double[2 * 301];
            for (int i = 0; i <= 300; i++) {
                line[2 * i] = -6 + 0.04 * i;
                line[2 * i + 1] = -4 + 0.1 * j;
            }
            lines.add(line);
        }
        CanvasFrame frame = CanvasFrame.EMPTY.withStreamlines(uniform(24), lines)
                .withTitle("learned PF-ODE velocity at t = 0.30");
        assertTextUntouched(FieldPainterTest::renderFx, frame, Look.DEFAULT, 600, 500);
        assertTextUntouched(FieldPainterTest::renderJava2D, frame, Look.DEFAULT, 600, 500);
    }

    @Test
    void lengthGrowsWithTheMagnitudeCompressedBetweenAVisibleMinimumAndOneCell() {
        double cell = 100;
        double shortest = 7;
        double previous = 0;
        for (double e = -12; e <= 4; e += 0.05) {
            double l = FieldPainter.length(Math.pow(10, e), cell, 1, shortest);
            assertTrue(l >= previous, "monotone in the magnitude at 10^" + e);
            assertTrue(l <= 0.95 * cell + 1e-12, "at most 0.95 of a cell at 10^" + e);
            if (e >= -9) {
                assertTrue(l >= shortest, "every non-zero arrow at least 7 px at 10^" + e + ": " + l);
            }
            previous = l;
        }
        // The reference magnitude fills 0.8 of a cell; ten times less is half as long:
        // 0.8 · 100 · 10^(−k · log10 2) = 80 / 2^k.
        assertEquals(80, FieldPainter.length(1, cell, 1, shortest), 1e-9);
        assertEquals(40, FieldPainter.length(0.1, cell, 1, shortest), 1e-9);
        assertEquals(20, FieldPainter.length(0.01, cell, 1, shortest), 1e-9);
        assertEquals(10, FieldPainter.length(0.001, cell, 1, shortest), 1e-9);
        assertEquals(40, FieldPainter.length(1, cell, 0.5, shortest), 1e-9, "the user's scale multiplies");
        assertEquals(95, FieldPainter.length(50, cell, 1, shortest), 1e-9, "clipped to 0.95 of a cell");
        assertEquals(7, FieldPainter.length(1e-6, cell, 1, shortest), 1e-9, "a tiny magnitude: the minimum");
        assertEquals(5, FieldPainter.length(1e-6, 10, 1, shortest), 1e-9, "the minimum is at most half a cell");
        assertEquals(0, FieldPainter.length(0, cell, 1, shortest), "no arrow for a zero vector");
        assertEquals(0, FieldPainter.length(Double.NaN, cell, 1, shortest), "nor for a broken one");
    }

    @Test
    void strongerArrowsHaveMoreOpaqueShades() {
        // Half-decade steps from the reference: [1, ∞), [0.316, 1), [0.1, 0.316), [0.0316, 0.1), below.
        assertEquals(3, FieldPainter.shade(5));
        assertEquals(3, FieldPainter.shade(0.4));
        assertEquals(2, FieldPainter.shade(0.2));
        assertEquals(1, FieldPainter.shade(0.05));
        assertEquals(0, FieldPainter.shade(0.01));
        assertEquals(0, FieldPainter.shade(1e-7));
        for (int k = 1; k < FieldPainter.SHADE_OPACITY.length; k++) {
            assertTrue(FieldPainter.SHADE_OPACITY[k] > FieldPainter.SHADE_OPACITY[k - 1]);
        }
        assertTrue(FieldPainter.SHADE_OPACITY[0] >= 0.5, "the weakest arrows stay clearly visible");
    }

    /**
     * The exact score of two moons at t = 0.05 (VP): about 30 times larger at the canvas's edge than
     * beside the data. Every arrow in a cell beside the noised data still spans at least 6 pixels,
     * and arrows far from the data are both longer and darker on average.
     */
    @Test
    void atSmallTheArrowsBesideTheDataAreVisibleAndTheFarOnesLargerAndDarker() {
        Schedule vp = ScheduleKind.VP.createDefault();
        double t = 0.05;
        PointSet data = DatasetPreset.MOONS.sample(1000, 7);
        int n = 24;
        int size = 720; // 30-pixel cells over [−4, 4]²
        GridSpec spec = GridSpec.square(4, n);
        VectorGrid score = FieldKind.SCORE.evaluate(new EmpiricalDenoiser(data, vp), spec, t);
        int[] drawn = renderFx(CanvasFrame.EMPTY.withArrows(score, 1), Look.DEFAULT, size, size);
        int[] bare = renderFx(CanvasFrame.EMPTY, Look.DEFAULT, size, size);
        double a = vp.alpha(t);
        double cell = size / (double) n;
        double nearSpan = 0;
        double farSpan = 0;
        double nearInk = 0;
        double farInk = 0;
        int near = 0;
        int far = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = spec.x(i);
                double y = spec.y(j);
                double d = Double.POSITIVE_INFINITY;
                for (int p = 0; p < data.size(); p++) {
                    d = Math.min(d, Math.hypot(x - a * data.x(p), y - a * data.y(p)));
                }
                boolean isNear = d < 0.25;
                boolean isFar = d > 1.5 && Math.abs(x) < 3.5 && Math.abs(y) < 3.5; // clear of the tick labels
                if (!isNear && !isFar) {
                    continue;
                }
                // The changed pixels of the cell: their bounding box's diagonal, and the darkest of them.
                int x0 = (int) Math.round(size / 2.0 + (x - 4.0 / n) * size / 8);
                int y0 = (int) Math.round(size / 2.0 - (y + 4.0 / n) * size / 8);
                int minX = Integer.MAX_VALUE;
                int maxX = -1;
                int minY = Integer.MAX_VALUE;
                int maxY = -1;
                double darkest = 1;
                for (int py = y0; py < y0 + cell; py++) {
                    for (int px = x0; px < x0 + cell; px++) {
                        double lum = luminance(drawn[py * size + px]);
                        if (luminance(bare[py * size + px]) - lum > 0.1) {
                            minX = Math.min(minX, px);
                            maxX = Math.max(maxX, px);
                            minY = Math.min(minY, py);
                            maxY = Math.max(maxY, py);
                            darkest = Math.min(darkest, lum);
                        }
                    }
                }
                double span = maxX < 0 ? 0 : Math.hypot(maxX - minX + 1, maxY - minY + 1);
                if (isNear) {
                    assertTrue(span >= 6, "the arrow at (" + x + ", " + y + "), " + d + " from the data, spans "
                            + span + " px");
                    nearSpan += span;
                    nearInk += darkest;
                    near++;
                } else {
                    farSpan += span;
                    farInk += darkest;
                    far++;
                }
            }
        }
        assertTrue(near > 40 && far > 40, near + " cells beside the data, " + far + " far from it");
        assertTrue(farSpan / far > 1.5 * nearSpan / near, "far arrows longer: " + farSpan / far + " vs "
                + nearSpan / near + " px");
        assertTrue(farInk / far < nearInk / near - 0.1, "far arrows darker: " + farInk / far + " vs "
                + nearInk / near);
    }
}
