package org.scorefield.app.canvas;

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
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;
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
        assertTrue(fieldPixels > w * h / 10, "the field covers the canvas: " + fieldPixels + " pixels");
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
}
