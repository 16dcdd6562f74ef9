package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.settings.Driver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** At 1024 × 700 in presenter mode the view's button and its bar's buttons lie in the window and work. */
class LangevinProjectorWindowTest extends WindowTest {

    @Override
    int width() {
        return 1024;
    }

    @Override
    int height() {
        return 700;
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theButtonIsClickableOnAProjector(FxRobot robot) {
        fx(() -> {
            model.view().lookProperty().set(model.view().lookProperty().get().withPresenter(true));
            model.sampling().driverProperty().set(Driver.EXACT);
            return null;
        });
        waitUntil(60, () -> model.jobs().idle());
        robot.clickOn("#langevinView");
        assertTrue(fx(() -> model.view().langevinProperty().get()));
        for (String id : new String[] {"#langevinView", "#langevinRun", "#langevinReplay", "#langevinSeed"}) {
            Node n = robot.lookup(id).query();
            Bounds b = fx(() -> n.localToScene(n.getBoundsInLocal()));
            double w = fx(() -> n.getScene().getWidth());
            double h = fx(() -> n.getScene().getHeight());
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w && b.getMinY() >= 0 && b.getMaxY() <= h,
                    id + " in the window: " + b);
        }
        robot.clickOn("#singleView");
        assertTrue(fx(() -> !model.view().langevinProperty().get()), "and back to the single view");
    }
}
