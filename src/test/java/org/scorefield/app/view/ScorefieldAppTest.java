package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.ScorefieldApp;
import org.scorefield.app.model.ExplorerModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at its smallest designed size, its keyboard shortcuts and its themes. */
@ExtendWith(ApplicationExtension.class)
class ScorefieldAppTest {

    private Stage stage;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.view = ScorefieldApp.show(stage, ScorefieldApp.DESIGN_MIN_SIZE.getWidth(),
                ScorefieldApp.DESIGN_MIN_SIZE.getHeight());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void defaultSizeIs1440By900AndShrinksToASmallScreen() {
        assertEquals(new Dimension2D(1440, 900), ScorefieldApp.initialSize(new Rectangle2D(0, 0, 2560, 1400)));
        assertEquals(new Dimension2D(1366, 728), ScorefieldApp.initialSize(new Rectangle2D(0, 0, 1366, 728)));
    }

    @Test
    void atTheSmallestSizeNoButtonOfTheCanvasAreaIsCutShort(FxRobot robot) {
        assertTrue(view.getStyleClass().contains("compact"));
        List<String> cut = new ArrayList<>();
        for (Node node : robot.lookup(".canvas-toolbar .toggle-button, .time-scrubber .button, "
                + ".time-scrubber .toggle-button, .time-scrubber .label").queryAll()) {
            Labeled labeled = (Labeled) node;
            Text shown = (Text) labeled.lookup(".text");
            Bounds b = node.localToScene(node.getBoundsInLocal());
            if (shown != null && !shown.getText().equals(labeled.getText())) {
                cut.add("'" + labeled.getText() + "' shown as '" + shown.getText() + "'");
            } else if (b.getMaxX() > stage.getScene().getWidth() - 240) {
                cut.add("'" + labeled.getText() + "' runs under the charts");
            }
        }
        assertTrue(cut.isEmpty(), String.join("; ", cut));
    }

    @Test
    void shortcutsSwitchThemeViewAndPlay(FxRobot robot) {
        ExplorerModel model = view.model();
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.view().lookProperty().get().dark());
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("dark"));

        robot.type(KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.view().splitProperty().get());

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        // a hundredth of the log-SNR axis: under VP, finer than a hundredth of t near the data
        double small = model.view().timeProperty().get();
        assertTrue(small > 0 && small < 0.01, "t = " + small);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.view().timeProperty().get() > 5 * small, "Shift takes ten steps");
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, model.view().timeProperty().get());
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, model.view().timeProperty().get());
        fx(() -> {
            model.view().timeScaleProperty().set(org.scorefield.core.schedule.TimeWarp.Kind.TIME);
            return null;
        });
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.01, model.view().timeProperty().get(), 1e-9, "on the plain t axis a step is 0.01");

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.scrubber().isPlaying());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.scrubber().isPlaying());

        robot.type(KeyCode.OPEN_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, view.getLeft(), "[ hides the controls");
    }

    /** The Bookmarks menu and the keys 1–5 go to the times where σ/α is 0.1, 0.5 and 1 under the process shown. */
    @Test
    void bookmarksGoToTheTimesOfTheirNoiseLevels(FxRobot robot) {
        ExplorerModel model = view.model();
        // VP linear, β 0.1 → 20: σ/α = r where B(t) = 0.1 t + 9.95 t² = ln(1 + r²)
        java.util.function.DoubleUnaryOperator at = r -> (-0.1 + Math.sqrt(0.01 + 4 * 9.95 * Math.log(1 + r * r)))
                / (2 * 9.95);
        robot.clickOn("#bookmarksMenu");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#bookmark3");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(at.applyAsDouble(0.5), model.view().timeProperty().get(), 1e-6);
        var s = model.process().schedule();
        double t = model.view().timeProperty().get();
        assertEquals(0.5, s.sigma(t) / s.alpha(t), 1e-4, "the label's σ/α holds at that t");
        robot.type(KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(at.applyAsDouble(1), model.view().timeProperty().get(), 1e-6, "4: α = σ");
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(at.applyAsDouble(0.1), model.view().timeProperty().get(), 1e-6);
        robot.type(KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, model.view().timeProperty().get());
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, model.view().timeProperty().get());
    }

    /** Switched on at t = 0 the field moves t to σ/α = 0.5; switched on mid-way, t stays; a lesson's switch moves nothing. */
    @Test
    void theFieldSwitchedOnAtTheDataIsDrawnWhereItShowsTheShapes(FxRobot robot) {
        ExplorerModel model = view.model();
        double half = (-0.1 + Math.sqrt(0.01 + 4 * 9.95 * Math.log(1.25))) / (2 * 9.95); // VP linear, σ/α = 0.5
        assertEquals(0.0, model.view().timeProperty().get());
        robot.clickOn("#showField");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.view().showFieldProperty().get());
        assertEquals(half, model.view().timeProperty().get(), 1e-6);
        assertTrue(model.messageProperty().get().contains("0.145"), model.messageProperty().get());
        robot.type(KeyCode.F); // off
        fx(() -> {
            model.view().timeProperty().set(0.6);
            return null;
        });
        robot.type(KeyCode.F); // on, mid-way
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.6, model.view().timeProperty().get(), "mid-way t is the user's choice");
        fx(() -> {
            model.view().showFieldProperty().set(false);
            model.view().timeProperty().set(1);
            model.view().showFieldProperty().set(true); // as a lesson or a session sets it
            return null;
        });
        assertEquals(1.0, model.view().timeProperty().get(), "only the user's switch moves t");
        robot.type(KeyCode.F, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(half, model.view().timeProperty().get(), 1e-6, "from the noise end too");
    }

    /**
     * A lesson in a 1024-wide window takes the room of the controls and of the charts (the canvas was a
     * strip 140 px tall at 1024×700 in presenter mode); closing it gives both back.
     */
    @Test
    void aLessonInANarrowWindowGivesTheCanvasTheRoom(FxRobot robot) {
        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
            view.model().view().lookProperty().set(view.model().view().lookProperty().get().withPresenter(true));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node canvas = robot.lookup("#fieldCanvas").query();
        double before = fx(() -> canvas.getBoundsInParent().getHeight());
        robot.type(KeyCode.PAGE_DOWN); // the default lesson's first scene
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, view.getLeft(), "the controls make room");
        assertTrue(robot.lookup("#lossChart").tryQuery().map(n -> fx(() -> n.getScene() == null)).orElse(true),
                "the charts make room");
        double during = fx(() -> canvas.getBoundsInParent().getHeight());
        assertTrue(during > before, "the canvas is taller: " + before + " → " + during);
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(fx(() -> robot.lookup("#lossChart").query().getScene()), "] brings the charts back");
        robot.type(KeyCode.CLOSE_BRACKET);
        robot.clickOn("#lessonClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(view.getLeft(), "closing the lesson gives the controls back");
        assertNotNull(fx(() -> robot.lookup("#lossChart").query().getScene()), "and the charts");
    }

    /** Keys typed into a spinner's field are the field's: PageDown, Home and letters do not reach the window. */
    @Test
    void keysTypedIntoASpinnerStayInIt(FxRobot robot) {
        ExplorerModel model = view.model();
        javafx.scene.control.Spinner<?> steps = robot.lookup("#stepsSpinner").queryAs(javafx.scene.control.Spinner.class);
        fx(() -> {
            model.view().timeProperty().set(0.5);
            steps.getEditor().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.PAGE_DOWN, KeyCode.HOME, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, view.lessons().lessonProperty().get(), "PageDown opened no lesson");
        assertEquals(0.5, model.view().timeProperty().get(), "Home did not move t");
        assertEquals(org.scorefield.app.settings.CanvasTool.LOOK, model.view().toolProperty().get(), "E chose no tool");
        assertFalse(ExplorerView.typing(new javafx.scene.control.Button()));
        // the stray "e" is not a number: leaving the field keeps 64 steps and shows it again
        fx(() -> {
            view.lookup("#timeSlider").requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(64, fx(() -> model.sampling().stepsProperty().get()));
        assertEquals("64", fx(() -> steps.getEditor().getText()));
    }
}
