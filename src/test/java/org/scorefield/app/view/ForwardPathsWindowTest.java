package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.frame.FrameComposer;
import org.scorefield.app.model.ForwardPathsState;
import org.scorefield.app.settings.ForwardPaths;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * "Forward paths: fixed ε | Brownian (SDE)" in the real window (docs/math.md §1.4): a click on Brownian
 * puts the data on its Euler–Maruyama paths, draws the first of them from x₀ up to t and says that the
 * marginals are the same; a click on fixed ε puts every point back on α·x₀ + σ·ε.
 */
class ForwardPathsWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theToggleSwitchesTheDataBetweenFixedAndBrownianPaths(FxRobot robot) {
        fx(() -> {
            model.view().showSamplesProperty().set(false);
            model.view().showDataProperty().set(true);
            view.scrubber().stop();
            model.view().timeProperty().set(0.3);
            ((TitledPane) robot.lookup("#dataSection").query()).setExpanded(false); // the Process section in sight
            return null;
        });
        waitUntil(60, () -> model.jobs().idle());
        robot.clickOn("#forwardBrownian");
        assertEquals(ForwardPaths.BROWNIAN, fx(() -> model.view().forwardPathsProperty().get()));
        waitUntil(60, () -> model.jobs().idle() && model.forwardPaths().drawnProperty().get() != null);
        CanvasFrame frame = frame(robot);
        ForwardPathsState.Drawn drawn = fx(() -> model.forwardPaths().drawnProperty().get());
        assertArrayEquals(drawn.paths().at(0.3), frame.particles(), 0.0, "the data at t on its Brownian path");
        double[] fixed = fx(() -> model.data().data().noising().at(model.process().schedule(), 0.3));
        double moved = 0;
        for (int i = 0; i < fixed.length; i++) {
            moved = Math.max(moved, Math.abs(fixed[i] - frame.particles()[i]));
        }
        assertTrue(moved > 0.1, "another path than the fixed-ε one: " + moved);
        assertEquals(TrajectoryRole.FORWARD, frame.role());
        assertEquals(40, frame.trajectories().particles(), "the first 40 paths drawn (Paths)");
        assertEquals(0.7, frame.t(), 1e-12, "drawn from x₀ (1 − 0) up to t (1 − t)");
        assertTrue(frame.title().contains(FrameComposer.FORWARD_SDE_NOTE), frame.title());

        robot.clickOn("#forwardFixed");
        assertEquals(ForwardPaths.FIXED_EPSILON, fx(() -> model.view().forwardPathsProperty().get()));
        waitUntil(60, () -> model.jobs().idle());
        CanvasFrame back = frame(robot);
        assertArrayEquals(fixed, back.particles(), 0.0, "back on x_t = α·x₀ + σ·ε");
        assertNull(back.trajectories());
        assertTrue(back.title() == null || !back.title().contains("Brownian"));
    }

    private CanvasFrame frame(FxRobot robot) {
        Canvas canvas = robot.lookup("#fieldCanvas").queryAs(Canvas.class);
        return fx(() -> {
            view.canvasArea().redraw();
            return ((WorldCanvas) canvas.getParent()).frame();
        });
    }
}
