package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.core.data.DatasetPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * "ω a vs b" in the real window: its button and key G, one canvas that says what to do until a class
 * is chosen, then two panes titled with their ω; ω of B's slider only in that view; undo.
 */
class GuidanceSplitWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theButtonShowsTwoScalesOnceThereIsAClassAndOmegaBFollowsItsSlider(FxRobot robot) {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.GMM_LABELLED);
            model.sampling().countProperty().set(300);
            return null;
        });
        assertTrue(fx(() -> robot.lookup("#omegaBSlider").query().getParent().isDisabled()),
                "ω of B means nothing outside its view");
        robot.clickOn("#omegaSplitView");
        assertTrue(fx(() -> model.view().omegaSplitProperty().get()));
        waitUntil(60, () -> model.jobs().idle());
        redraw();
        // no class yet: one canvas, which says what to do
        assertTrue(fx(() -> robot.lookup("#sdeCanvas").tryQuery().isEmpty()), "not two identical panes");
        assertTrue(title(robot, "#fieldCanvas").contains("Choose a class in Sampling"), title(robot, "#fieldCanvas"));

        fx(() -> {
            model.sampling().guidedClassProperty().set(2);
            return null;
        });
        assertFalse(fx(() -> robot.lookup("#omegaBSlider").query().getParent().isDisabled()));
        waitUntil(60, () -> model.jobs().idle() && model.guidanceSplit().runProperty().get() != null);
        redraw();
        String a = title(robot, "#odeCanvas");
        String b = title(robot, "#sdeCanvas");
        assertTrue(a.startsWith("\u03c9 = 1  \u00b7  class 2"), a);
        assertTrue(b.startsWith("\u03c9 = 4  \u00b7  class 2"), b);
        assertTrue(b.contains("in class") && b.contains("to tilted"), b);

        // dragging ω of B samples the right pane again, and only it; Ctrl+Z takes the change back
        var left = fx(() -> model.sampling().runsProperty().get().single());
        fx(() -> {
            model.sampling().omegaBProperty().set(2.5);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle() && model.guidanceSplit().runProperty().get().guidance().omega() == 2.5);
        assertTrue(left == fx(() -> model.sampling().runsProperty().get().single()), "the left pane's run stands");
        redraw();
        assertTrue(title(robot, "#sdeCanvas").startsWith("\u03c9 = 2.5  \u00b7  class 2"), title(robot, "#sdeCanvas"));
        robot.clickOn("#timeSlider");
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(4.0, fx(() -> model.sampling().omegaBProperty().get()));

        // G leaves the view, and comes back to it
        robot.type(KeyCode.G);
        assertFalse(fx(() -> model.view().omegaSplitProperty().get()));
        assertTrue(fx(() -> robot.lookup("#omegaBSlider").query().getParent().isDisabled()));
        robot.type(KeyCode.G);
        assertTrue(fx(() -> model.view().omegaSplitProperty().get()));
        assertTrue(fx(() -> ((javafx.scene.control.ToggleButton) robot.lookup("#omegaSplitView").query())
                .isSelected()));
    }

    private void redraw() {
        fx(() -> {
            view.canvasArea().redraw();
            return null;
        });
    }

    /** The title a canvas draws now. */
    private String title(FxRobot robot, String canvasId) {
        Node canvas = robot.lookup(canvasId).queryAs(Canvas.class);
        return fx(() -> ((WorldCanvas) canvas.getParent()).frame().title());
    }
}
