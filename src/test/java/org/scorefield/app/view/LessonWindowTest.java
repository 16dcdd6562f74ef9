package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.scorefield.app.workspace.LessonState;
import org.scorefield.core.session.Lesson;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * The default lesson stepped through in the window with the keys a presentation clicker sends:
 * every scene shows its title, caption and typeset equations inside the window, and a canvas
 * that is drawn (not blank).
 */
class LessonWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void pageDownStepsThroughEverySceneOfTheDefaultLesson(FxRobot robot) {
        Lesson lesson = LessonState.defaultLesson();
        assertFalse(fx(() -> robot.lookup("#lessonBar").query().isVisible()), "no lesson until asked");
        for (int i = 0; i < lesson.scenes().size(); i++) {
            robot.type(KeyCode.PAGE_DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            Lesson.Scene scene = lesson.scenes().get(i);
            int k = i;
            waitUntil(60, () -> view.lessons().indexProperty().get() == k && model.jobs().idle());
            WaitForAsyncUtils.waitForFxEvents();
            String title = fx(() -> robot.lookup("#lessonTitle").queryAs(Label.class).getText());
            assertEquals(scene.name(), title);
            assertEquals((i + 1) + " / " + lesson.scenes().size(),
                    fx(() -> robot.lookup("#lessonPlace").queryAs(Label.class).getText()));
            assertEquals(scene.caption(), fx(() -> robot.lookup("#lessonCaption").queryAs(Label.class).getText()));
            ImageView equations = robot.lookup("#lessonEquations").queryAs(ImageView.class);
            assertEquals(!scene.equations().isEmpty(), fx(() -> equations.getImage() != null), scene.name());
            for (String id : new String[] {"#lessonBar", "#lessonTitle", "#lessonCaption", "#lessonEquations",
                "#lessonNext", "#lessonClose", "#lessonPlace", "#lessonScenes", "#fieldCanvas", "#odeCanvas", "#sdeCanvas"}) {
                Node node = robot.lookup(id).tryQuery().orElse(null); // the canvases of the view shown
                if (node != null && fx(node::isVisible)) {
                    assertTrue(fx(() -> FirstMinuteTest.inWindow(node)), scene.name() + ": " + id + " is cut");
                }
            }
            // flow matching ignores the process, and says so instead of leaving its controls live
            boolean flow = model.training().objectiveProperty().get() == org.scorefield.core.nn.Objective.FLOW_MATCHING;
            assertEquals(flow, fx(() -> robot.lookup("#processIgnored").query().isVisible()), scene.name());
            assertEquals(flow, fx(() -> robot.lookup("#scheduleBox").query().isDisabled()), scene.name());
            Node caption = robot.lookup("#lessonCaption").query();
            Node typeset = robot.lookup("#lessonEquations").query();
            assertFalse(fx(() -> caption.localToScene(caption.getBoundsInLocal())
                    .intersects(typeset.localToScene(typeset.getBoundsInLocal()))), scene.name()
                    + ": the caption runs under the equations");
            assertTrue(fx(() -> inkOf(view.canvasArea().primaryCanvas().canvas()) > 0.002), scene.name()
                    + ": the canvas is blank");
        }
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lesson.scenes().size() - 2, fx(() -> view.lessons().indexProperty().get()));
        robot.clickOn("#lessonClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> robot.lookup("#lessonBar").query().isVisible()));
    }

    /** The share of the canvas's pixels far from its background (white in the light theme). */
    private static double inkOf(javafx.scene.canvas.Canvas canvas) {
        assertTrue(canvas.getWidth() > 100 && canvas.getHeight() > 100, "the canvas has room");
        WritableImage image = canvas.snapshot(null, null);
        PixelReader r = image.getPixelReader();
        assertNotNull(r);
        long inked = 0;
        long all = 0;
        for (int y = 0; y < (int) image.getHeight(); y += 3) {
            for (int x = 0; x < (int) image.getWidth(); x += 3) {
                javafx.scene.paint.Color c = r.getColor(x, y);
                all++;
                if (Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue())) < 0.6) { // far from white
                    inked++;
                }
            }
        }
        return (double) inked / all;
    }
}
