package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.model.LangevinView;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.data.DatasetPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Langevin view in the real window (docs/math.md §5.13): its button shows three canvases titled with
 * their update rules over their figures, the side panel shows its ε, K, σ, start and seed, Run runs again and
 * Replay plays the runs from their start; at 1024 × 700 in presenter mode the button stays in sight and
 * clickable (LangevinProjectorWindowTest).
 */
class LangevinWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theButtonShowsThreeRunsTitledWithTheirRules(FxRobot robot) {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.GMM_LABELLED);
            model.sampling().driverProperty().set(Driver.EXACT);
            return null;
        });
        assertTrue(!robot.lookup("#langevinSection").query().isVisible(), "the controls show with their view only");
        robot.clickOn("#langevinView");
        assertTrue(fx(() -> model.view().langevinProperty().get()));
        assertTrue(robot.lookup("#langevinSection").query().isVisible());
        assertEquals("1", robot.lookup("#langevinSeed").queryAs(TextField.class).getText(), "the seed in sight");
        waitUntil(120, () -> model.jobs().idle() && model.langevin().runsProperty().get() != null
                && model.langevin().runsProperty().get().done());
        fx(() -> {
            view.scrubber().stop();
            model.view().timeProperty().set(0);
            view.canvasArea().redraw();
            return null;
        });
        String[] names = {"Langevin at one \u03c3", "score ascent", "annealed Langevin"};
        for (int k = 0; k < 3; k++) {
            String[] lines = title(robot, "#roundCanvas" + k).split("\n");
            assertEquals(names[k], lines[0]);
            assertTrue(lines[1].startsWith("x \u2190 x + ("), lines[1]);
            assertTrue(lines[4].startsWith("weights error "), lines[4]);
        }
        LangevinView.Runs first = fx(() -> model.langevin().runsProperty().get());
        robot.clickOn("#langevinRun");
        waitUntil(120, () -> model.jobs().idle() && model.langevin().runsProperty().get() != first
                && model.langevin().runsProperty().get().done());
        LangevinView.Runs second = fx(() -> model.langevin().runsProperty().get());
        assertNotSame(first, second);
        org.junit.jupiter.api.Assertions.assertArrayEquals(first.panes().get(0).run().end(),
                second.panes().get(0).run().end(), 0.0, "the same seed runs the same");
        robot.clickOn("#langevinReplay");
        double t = fx(() -> model.view().timeProperty().get());
        assertTrue(t > 0.9, "Replay goes back to the start, t = 1: " + t);
        fx(() -> {
            view.scrubber().stop();
            return null;
        });
    }

    /** The title a canvas draws now. */
    private String title(FxRobot robot, String canvasId) {
        Node canvas = robot.lookup(canvasId).queryAs(Canvas.class);
        return fx(() -> ((WorldCanvas) canvas.getParent()).frame().title());
    }
}
