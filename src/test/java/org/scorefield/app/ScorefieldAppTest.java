package org.scorefield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.schedule.ScheduleKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The explorer window, driven headless through TestFX on Monocle (see the surefire argLine). */
@ExtendWith(ApplicationExtension.class)
class ScorefieldAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ScorefieldApp().start(stage);
    }

    @Test
    void windowOpensWithTitleAndControls(FxRobot robot) {
        assertTrue(stage.isShowing());
        assertEquals("Scorefield", stage.getTitle());
        assertTrue(robot.lookup("#scheduleBox").tryQuery().isPresent());
        assertTrue(robot.lookup("#timeSlider").tryQuery().isPresent());
        assertTrue(robot.lookup("#fieldCanvas").tryQuery().isPresent());
        assertEquals("t = 0.00", robot.lookup("#timeLabel").queryAs(Label.class).getText());
    }

    @Test
    void defaultSizeIs1440By900AndShrinksToASmallScreen() {
        assertEquals(new Dimension2D(1440, 900), ScorefieldApp.initialSize(new Rectangle2D(0, 0, 2560, 1400)));
        assertEquals(new Dimension2D(1366, 728), ScorefieldApp.initialSize(new Rectangle2D(0, 0, 1366, 728)));
    }

    @Test
    void movingTheTimeSliderRedrawsTheCanvas(FxRobot robot) {
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        int[] before = pixels(canvas);

        // A person drags the thumb to the right.
        robot.drag("#timeSlider .thumb").moveBy(slider.getWidth() / 3, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double t = slider.getValue();
        assertTrue(t > 0.1, "the drag should have moved t well past 0, got " + t);
        assertEquals(String.format(java.util.Locale.ROOT, "t = %.2f", t),
                robot.lookup("#timeLabel").queryAs(Label.class).getText());
        assertClearlyDifferent(before, pixels(canvas));
    }

    @Test
    void changingTheScheduleRedrawsAtTheSameTime(FxRobot robot) {
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        ComboBox<?> box = robot.lookup("#scheduleBox").queryAs(ComboBox.class);
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        robot.interact(() -> slider.setValue(0.5));
        assertEquals(ScheduleKind.VP, box.getValue());
        int[] vp = pixels(canvas);

        // Pick "VE geometric" from the drop-down list as a person would.
        robot.clickOn("#scheduleBox");
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(ScheduleKind.VE.displayName()))
                .<Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ScheduleKind.VE, box.getValue());
        assertEquals(0.5, slider.getValue(), 1e-12);
        assertClearlyDifferent(vp, pixels(canvas));
    }

    @Test
    void choosingAnotherPresetRedrawsTheData(FxRobot robot) {
        ComboBox<?> box = robot.lookup("#dataBox").queryAs(ComboBox.class);
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        assertEquals(DatasetPreset.MOONS, box.getValue());
        int[] moons = pixels(canvas);

        robot.clickOn("#dataBox");
        robot.clickOn(robot.lookup(".list-cell")
                .match(LabeledMatchers.hasText(DatasetPreset.EIGHT_GAUSSIANS.displayName())).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(DatasetPreset.EIGHT_GAUSSIANS, box.getValue());
        assertClearlyDifferent(moons, pixels(canvas));
        assertTrue(robot.lookup(DatasetPreset.EIGHT_GAUSSIANS.description()).tryQuery().isPresent(),
                "the preset's description is shown");
    }

    @Test
    void everythingFitsAt1024By700(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = stage.getScene();
        assertTrue(scene.getWidth() <= 1024 && scene.getHeight() <= 700,
                "scene " + scene.getWidth() + " × " + scene.getHeight());
        assertTrue(scene.getRoot().minWidth(-1) <= scene.getWidth(), "the layout needs more width than it has");
        assertTrue(scene.getRoot().minHeight(scene.getWidth()) <= scene.getHeight(),
                "the layout needs more height than it has");

        for (String id : new String[] {"#dataBox", "#scheduleBox", "#timeSlider", "#fieldCanvas", "#timeLabel", "#coefficientLabel"}) {
            Node node = robot.lookup(id).query();
            Bounds b = node.localToScene(node.getLayoutBounds());
            assertTrue(b.getWidth() > 0 && b.getHeight() > 0, id + " has no size: " + b);
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0
                    && b.getMaxX() <= scene.getWidth() + 0.5 && b.getMaxY() <= scene.getHeight() + 0.5,
                    id + " sticks out of the " + scene.getWidth() + " × " + scene.getHeight() + " window: " + b);
        }
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        assertTrue(canvas.getWidth() >= 500 && canvas.getHeight() >= 450,
                "the plot is too small to read: " + canvas.getWidth() + " × " + canvas.getHeight());
        for (String id : new String[] {"#timeLabel", "#coefficientLabel"}) {
            Label label = robot.lookup(id).queryAs(Label.class);
            Text shown = (Text) label.lookup(".text");
            assertEquals(label.getText(), shown.getText(), id + " is cut off");
        }
    }

    /** The canvas's pixels as ARGB, read on the FX thread. */
    private static int[] pixels(Canvas canvas) {
        WritableImage image = onFxThread(() -> canvas.snapshot(null, null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = reader.getArgb(x, y);
            }
        }
        return argb;
    }

    /** More than a handful of pixels differ: the points moved, not one antialiased edge. */
    private static void assertClearlyDifferent(int[] before, int[] after) {
        assertEquals(before.length, after.length, "the canvas changed size");
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed++;
            }
        }
        assertNotEquals(0, changed, "the canvas did not change");
        assertTrue(changed > 1000, "only " + changed + " pixels changed");
    }

    private static <T> T onFxThread(Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
