package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.Node;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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

    /**
     * A lecturer adds a scene through the visible Lesson menu and its dialog: a bad equation is one
     * sentence in the dialog and changes nothing; then the scene is added after the one on screen, and
     * PageUp and PageDown step away from it and back to exactly what was captured. Snapshots of the
     * menu and the dialog go to target/screenshots for a look.
     */
    @Test
    void aSceneAddedFromTheMenuIsSteppedToWithPageDown(FxRobot robot) throws Exception {
        robot.type(KeyCode.PAGE_DOWN);
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(60, () -> view.lessons().indexProperty().get() == 1 && model.jobs().idle());
        fx(() -> {
            model.view().timeProperty().set(0.37);
            model.view().showFieldProperty().set(true);
            model.sampling().stepsProperty().set(12);
            return null;
        });
        robot.clickOn("#lessonMenu");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot.lookup("#addScene").query().getScene().getRoot(), "lesson-menu.png");
        robot.clickOn("#addScene");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup("#sceneDialog").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn("#sceneNameField").write("Field at t");
        fx(() -> {
            robot.lookup("#sceneCaptionField").queryAs(javafx.scene.control.TextArea.class)
                    .setText("The exact score, twelve steps.");
            robot.lookup("#sceneEquationsField").queryAs(javafx.scene.control.TextArea.class)
                    .setText("t = {{t}}\n\\def\\x{1}");
            return null;
        });
        robot.clickOn("#sceneOk");
        WaitForAsyncUtils.waitForFxEvents();
        String problem = fx(() -> robot.lookup("#sceneProblem").queryAs(Label.class).getText());
        assertTrue(problem.startsWith("Equation 2 uses \\def, which defines a command"), problem);
        assertEquals(LessonState.defaultLesson().scenes().size(),
                fx(() -> view.lessons().lessonProperty().get().scenes().size()), "nothing changed");
        assertTrue(fx(() -> dialog.getScene().getWindow().isShowing()), "the dialog stays open");
        snapshot(dialog, "scene-dialog.png");
        fx(() -> {
            robot.lookup("#sceneEquationsField").queryAs(javafx.scene.control.TextArea.class)
                    .setText("t = {{t}}, \\quad \\sigma = {{sigma}}");
            return null;
        });
        robot.clickOn("#sceneOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> dialog.getScene() != null && dialog.getScene().getWindow() != null
                && dialog.getScene().getWindow().isShowing()), "OK closes it");
        assertEquals(LessonState.defaultLesson().scenes().size() + 1,
                fx(() -> view.lessons().lessonProperty().get().scenes().size()));
        assertEquals(2, fx(() -> view.lessons().indexProperty().get()));
        assertEquals("Field at t", fx(() -> robot.lookup("#lessonTitle").queryAs(Label.class).getText()));
        assertEquals("3 / " + (LessonState.defaultLesson().scenes().size() + 1),
                fx(() -> robot.lookup("#lessonPlace").queryAs(Label.class).getText()));
        assertEquals("3  Field at t", fx(() -> robot.lookup("#lessonScenes")
                .queryAs(javafx.scene.control.MenuButton.class).getItems().get(2).getText()));

        robot.type(KeyCode.PAGE_UP);
        waitUntil(60, () -> view.lessons().indexProperty().get() == 1 && model.jobs().idle());
        assertEquals(0.15, fx(() -> model.view().timeProperty().get()), "scene 2 is back as it was");
        assertFalse(fx(() -> model.view().showFieldProperty().get()));
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(60, () -> view.lessons().indexProperty().get() == 2 && model.jobs().idle());
        assertEquals(0.37, fx(() -> model.view().timeProperty().get()));
        assertTrue(fx(() -> model.view().showFieldProperty().get()));
        assertEquals(12, fx(() -> model.sampling().stepsProperty().get()));
        assertTrue(fx(() -> robot.lookup("#lessonEquations").queryAs(ImageView.class).getImage() != null));
        snapshot(stage.getScene().getRoot(), "lesson-added-scene.png");

        // Ctrl+Shift+PageUp moves it one place up; it stays on screen
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.SHIFT,
                KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fx(() -> view.lessons().indexProperty().get()));
        assertEquals("Field at t", fx(() -> view.lessons().lessonProperty().get().scenes().get(1).name()));

        // Ctrl+Shift+E edits it, in presenter mode: the texts are there, and the window's t can be taken
        fx(() -> {
            model.view().lookProperty().set(model.view().lookProperty().get().withPresenter(true));
            model.view().timeProperty().set(0.6);
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane edit = robot.lookup("#sceneDialog").queryAs(javafx.scene.control.DialogPane.class);
        assertEquals("Field at t", fx(() -> robot.lookup("#sceneNameField")
                .queryAs(javafx.scene.control.TextField.class).getText()));
        assertEquals(LessonState.defaultLesson().title(), fx(() -> robot.lookup("#lessonTitleField")
                .queryAs(javafx.scene.control.TextField.class).getText()));
        robot.clickOn("#sceneFromWindow");
        snapshot(edit, "scene-dialog-presenter.png");
        robot.clickOn("#sceneOk");
        WaitForAsyncUtils.waitForFxEvents();
        lessonsGo(0);
        lessonsGo(1);
        assertEquals(0.6, fx(() -> model.view().timeProperty().get()), "the edited scene took the window's t");

        // the deck is edited: the default lesson replaces it only once the lecturer agrees
        assertTrue(fx(() -> view.lessons().editedProperty().get()));
        // and so may a session (Ctrl+O): asked first, cancelled, nothing opened and the deck kept
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane session = robot.lookup("#replaceLessonDialog")
                .queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(fx(session::getHeaderText).startsWith("Open a session? One that holds a lesson replaces"),
                fx(session::getHeaderText));
        fx(() -> {
            ((javafx.scene.control.Button) session.lookupButton(ButtonType.CANCEL)).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LessonState.defaultLesson().scenes().size() + 1,
                fx(() -> view.lessons().lessonProperty().get().scenes().size()));
        for (ButtonBar.ButtonData answer : List.of(ButtonBar.ButtonData.CANCEL_CLOSE, ButtonBar.ButtonData.OK_DONE)) {
            robot.clickOn("#lessonMenu");
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#startLesson");
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.DialogPane ask = robot.lookup("#replaceLessonDialog")
                    .queryAs(javafx.scene.control.DialogPane.class);
            assertEquals(LessonState.defaultLesson().scenes().size() + 1,
                fx(() -> view.lessons().lessonProperty().get().scenes().size()), "not yet replaced");
            fx(() -> {
                ButtonType button = ask.getButtonTypes().stream().filter(b -> b.getButtonData() == answer)
                        .findFirst().orElseThrow();
                ((javafx.scene.control.Button) ask.lookupButton(button)).fire();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            waitUntil(60, () -> model.jobs().idle());
            int shipped = LessonState.defaultLesson().scenes().size();
            int scenes = answer == ButtonBar.ButtonData.OK_DONE ? shipped : shipped + 1;
            assertEquals(scenes, fx(() -> view.lessons().lessonProperty().get().scenes().size()), answer.toString());
        }
        assertFalse(fx(() -> view.lessons().editedProperty().get()), "the default lesson, as shipped");
    }

    private void lessonsGo(int k) {
        fx(() -> {
            view.lessons().go(k);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle());
    }

    /** Writes a node's picture to target/screenshots. */
    private static void snapshot(Node node, String name) throws java.io.IOException {
        WritableImage image = fx(() -> node.snapshot(null, null));
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                dir.resolve(name).toFile());
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
