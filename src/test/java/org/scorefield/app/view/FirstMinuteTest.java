package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.scorefield.app.model.SamplingState;
import org.testfx.api.FxRobot;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * A first-time user with no README: the window says what it shows and what to do, and the visible
 * controls alone (mouse clicks, no keys, no scrolling) train a model and show its samples within
 * 30 s of the window opening.
 */
class FirstMinuteTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void visibleControlsTrainAModelAndShowItsSamplesWithinThirtySeconds(FxRobot robot) {
        String guide = fx(() -> robot.lookup("#canvasGuide").queryAs(Label.class).getText());
        assertTrue(guide.startsWith("Exact oracle") && guide.contains("Train"),
                "the canvas says where its samples come from and what to do: " + guide);
        Button guideAction = robot.lookup("#guideAction").queryAs(Button.class);
        assertTrue(fx(() -> guideAction.isVisible() && inWindow(guideAction)), "the guide's action is in sight");
        Button train = robot.lookup("#trainButton").queryAs(Button.class);
        assertTrue(fx(() -> train.isVisible() && inWindow(train)), "Train is in sight without scrolling");

        robot.clickOn(train);

        waitUntil(30, () -> {
            SamplingState.Runs runs = model.sampling().runsProperty().get();
            return model.modelSamples() && runs != null && runs.single() != null
                    && runs.single().source().startsWith("trained model")
                    && model.training().stepsProperty().get() > 0;
        });
        double seconds = (System.nanoTime() - opened) / 1e9;
        System.out.printf("first minute: model samples on screen %.1f s after the window opened%n", seconds);
        assertTrue(seconds <= 30, "model samples after " + seconds + " s");
        String after = fx(() -> robot.lookup("#canvasGuide").queryAs(Label.class).getText());
        assertTrue(after.startsWith("The model samples"), "the guide follows: " + after);
        robot.clickOn(train); // pause, from the same button
        waitUntil(10, () -> fx(() -> train.getText().contains("Train")));
    }

    /** Whether the node lies wholly inside the window's scene. */
    static boolean inWindow(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        var scene = node.getScene();
        return b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth()
                && b.getMaxY() <= scene.getHeight() && b.getWidth() > 0;
    }
}
