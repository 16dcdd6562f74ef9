package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.settings.CanvasTool;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.sample.DenoisingLanding;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Mean shift tool and the denoising-vs-sampling mode in the window (docs/math.md §6.2, §6.4). */
class MeanShiftWindowTest extends WindowTest {

    private static final Pattern BANDWIDTH = Pattern.compile("bandwidth \u03c3/\u03b1 = ([0-9.eE+-]+)");
    private static final Pattern TIME = Pattern.compile("t = ([0-9.]+)\n");

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theToolShowsTheKernelAtTheClickAndItsBandwidthFollowsTheScrubber(FxRobot robot) {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            model.view().showSamplesProperty().set(false);
            return null;
        });
        robot.clickOn("#toolMeanShift");
        assertEquals(CanvasTool.MEAN_SHIFT, fx(() -> model.view().toolProperty().get()));
        assertTrue(fx(() -> model.meanShift().onProperty().get()));
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        WorldCanvas world = (WorldCanvas) canvas.getParent();
        robot.clickOn(canvas); // the centre of the canvas
        double[] expected = fx(() -> world.toWorld(canvas.getWidth() / 2, canvas.getHeight() / 2));
        assertEquals(expected[0], fx(() -> model.meanShift().xProperty().get()), 0.05);
        assertEquals(expected[1], fx(() -> model.meanShift().yProperty().get()), 0.05);

        fx(() -> {
            view.scrubber().stop(); // the window plays the first samples in
            return null;
        });
        robot.clickOn("#timeSlider");
        robot.type(KeyCode.RIGHT, 40); // scrub towards the noise, a hundredth of the slider a key
        WaitForAsyncUtils.waitForFxEvents();
        redraw();
        checkBandwidth(world);
        int[] before = pixels(canvas);
        robot.type(KeyCode.LEFT, 10); // scrub towards the data
        WaitForAsyncUtils.waitForFxEvents();
        redraw();
        double t = checkBandwidth(world);
        assertTrue(t < 0.3, "scrubbed to t = " + t);
        assertFalse(Arrays.equals(before, pixels(canvas)), "the picture changes with t");

        // another tool puts the view away
        robot.clickOn("#toolLook");
        assertFalse(fx(() -> model.meanShift().onProperty().get()));
        redraw();
        assertFalse(fx(() -> world.frame().title() == null ? "" : world.frame().title()).contains("bandwidth"));
    }

    /**
     * The readout's bandwidth against σ(t)/α(t) of the default VP schedule from its closed form,
     * B(t) = β_min t + ½t²(β_max − β_min), α = e^{−B/2}, σ = √(1 − e^{−B}); returns the readout's t.
     */
    private double checkBandwidth(WorldCanvas world) {
        String title = fx(() -> world.frame().title());
        Matcher h = BANDWIDTH.matcher(title);
        assertTrue(h.find(), title);
        double t = fx(() -> model.view().timeProperty().get());
        assertTrue(t > 0.002 && t < 0.99, "t = " + t + " lies inside the usable range, where no clamp acts");
        double b = 0.1 * t + 0.5 * t * t * (20 - 0.1);
        double expected = Math.sqrt(1 - Math.exp(-b)) / Math.exp(-b / 2);
        assertEquals(expected, Double.parseDouble(h.group(1)), 5e-4 * expected, title);
        return t;
    }

    @Test
    void theDenoisingModeDrawsFivePathsAndMarksTheirLandingsInTheChart(FxRobot robot) {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            model.sampling().driverProperty().set(Driver.EXACT);
            return null;
        });
        fx(() -> {
            // the switch in sight: the side panel scrolled to it
            javafx.scene.control.ScrollPane side = (javafx.scene.control.ScrollPane) view.lookup("#sidePanel");
            javafx.scene.Node sw = view.lookup("#denoisingSwitch");
            double y = side.getContent().sceneToLocal(sw.localToScene(0, 0)).getY();
            double room = side.getContent().getBoundsInLocal().getHeight() - side.getViewportBounds().getHeight();
            side.setVvalue(Math.min(1, Math.max(0, (y - 100) / room)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#denoisingSwitch .thumb-area");
        assertTrue(fx(() -> model.denoising().onProperty().get()));
        waitUntil(60, () -> model.sampling().runsProperty().get().single() != null
                && view.charts().pathDensityChart().landingMarks()[0].length == 5);
        WaitForAsyncUtils.waitForFxEvents();
        var run = fx(() -> model.sampling().runsProperty().get().single().trajectories());
        double[][] marks = fx(() -> view.charts().pathDensityChart().landingMarks());
        for (int i = 0; i < 5; i++) {
            // the landing time by a scan of every row of the guess's path
            double[] den = run.denoisedPath(i);
            int rows = den.length / 2;
            int first = rows - 1;
            for (int k = 0; k < rows; k++) {
                boolean all = true;
                for (int j = k; j < rows; j++) {
                    all &= Math.hypot(den[2 * j] - den[2 * rows - 2], den[2 * j + 1] - den[2 * rows - 1])
                            <= DenoisingLanding.TOLERANCE;
                }
                if (all) {
                    first = k;
                    break;
                }
            }
            assertEquals(run.times()[first], marks[0][i], 0, "particle " + i);
        }
        redraw();
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        WorldCanvas world = (WorldCanvas) canvas.getParent();
        assertEquals(5, fx(() -> world.frame().clicked().particles()), "the five paths, drawn bold");
        assertTrue(fx(() -> world.frame().showDenoised()));
        assertEquals(5, fx(() -> world.frame().landings().size()));
        assertTrue(fx(() -> world.frame().title()).contains("lands (stays within 0.10"));
        assertNotEquals(0, marks[1].length);
    }

    private void redraw() {
        fx(() -> {
            view.canvasArea().redraw();
            return null;
        });
    }

    private static int[] pixels(Canvas canvas) {
        return fx(() -> {
            WritableImage image = canvas.snapshot(null, null);
            PixelReader reader = image.getPixelReader();
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            reader.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            return argb;
        });
    }
}
