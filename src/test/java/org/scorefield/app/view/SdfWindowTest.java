package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.model.SdfState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The SDF view in the real window (docs/math.md §10.3): its button shows score-difference flow beside
 * flow matching; Run moves the particles in a background job while the chart plots SW2/floor per
 * iteration, which falls; and at 1024 × 700 in presenter mode every view button and the section's
 * buttons stay inside the window.
 */
class SdfWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void runMovesTheParticlesAndTheChartFalls(FxRobot robot) {
        fx(() -> {
            model.data().pointCountProperty().set(300);
            model.sdf().iterationsProperty().set(60);
            return null;
        });
        robot.clickOn("#sdfView");
        assertTrue(fx(() -> model.view().sdfProperty().get()));
        waitUntil(120, () -> model.jobs().idle() && !model.sdf().runningProperty().get());
        // the section opened with the view; the ones above folded, so that Run is in sight
        fx(() -> {
            for (String id : new String[] {"#dataSection", "#processSection", "#trainingSection", "#reflowSection"}) {
                ((TitledPane) view.lookup(id)).setAnimated(false);
                ((TitledPane) view.lookup(id)).setExpanded(false);
            }
            model.sdf().seedProperty().set(5);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            var side = (javafx.scene.control.ScrollPane) view.lookup(".side-scroll");
            side.layout();
            Node section = view.lookup("#sdfSection");
            double content = side.getContent().getBoundsInLocal().getHeight();
            double viewport = side.getViewportBounds().getHeight();
            double top = section.getBoundsInParent().getMinY();
            side.setVvalue(content > viewport ? Math.min(1, top / (content - viewport)) : 0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> ((TitledPane) view.lookup("#sdfSection")).isExpanded()));
        robot.clickOn("#sdfRun");
        waitUntil(120, () -> model.jobs().idle() && !model.sdf().runningProperty().get()
                && model.sdf().snapshotProperty().get() != null && model.sdf().snapshotProperty().get().done());
        SdfState.Snapshot s = fx(() -> model.sdf().snapshotProperty().get());
        assertEquals(5, s.setup().seed(), "Run took the new seed");
        assertEquals(60, s.iteration());

        XYSeries flow = fx(() -> view.charts().sdfChart().dataset().getSeries(0));
        assertEquals(61, flow.getItemCount(), "one point per iteration, from 0");
        double first = flow.getY(0).doubleValue();
        double last = flow.getY(flow.getItemCount() - 1).doubleValue();
        assertTrue(last < 0.6 * first, "SW2/floor falls: " + first + " -> " + last);
        assertEquals(s.ratio(), last, 1e-12);
        XYSeries matched = fx(() -> view.charts().sdfChart().dataset().getSeries(1));
        assertEquals(s.flow().sw2Ratio(), matched.getY(0).doubleValue(), 1e-12);
        assertEquals("\u2013 \u2013  flow matching  (exact velocity, 100 steps)",
                fx(() -> view.charts().sdfChart().flowName()));
        assertTrue(fx(() -> robot.lookup("#sdfTab").queryAs(javafx.scene.control.ToggleButton.class).isSelected()),
                "the view shows its chart");

        fx(() -> {
            view.canvasArea().redraw();
            return null;
        });
        String left = title(robot, "#odeCanvas");
        assertTrue(left.startsWith("score-difference flow  \u00b7  iteration 60 of 60\n"
                + "y \u2190 y + \u03b7\u00b7(D_p(z; \u03c3) \u2212 D_q(z; \u03c3))/\u03c3\u00b2,   z = y + \u03c3\u03be"), left);
        String right = title(robot, "#sdeCanvas");
        assertTrue(right.startsWith("flow matching  (exact velocity, 100 steps)"), right);
        // the particles drawn are the run's
        var overlay = fx(() -> ((WorldCanvas) robot.lookup("#odeCanvas").queryAs(Canvas.class).getParent())
                .frame().overlay());
        org.junit.jupiter.api.Assertions.assertArrayEquals(s.particles(), overlay.dots().get(1).xy(), 0.0);
    }

    @Test
    void everyViewButtonAndTheRunButtonsFitAProjector(FxRobot robot) {
        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
            model.view().lookProperty().set(model.view().lookProperty().get().withPresenter(true));
            model.data().pointCountProperty().set(200);
            model.sdf().iterationsProperty().set(20);
            model.view().sdfProperty().set(true);
            return null;
        });
        waitUntil(120, () -> model.jobs().idle() && !model.sdf().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        fx(() -> {
            LayoutBoundsTest.check(view, "1024\u00d7700 presenter sdf: ", problems);
            return null;
        });
        assertEquals(List.of(), problems);
        double w = fx(() -> stage.getScene().getWidth());
        double h = fx(() -> stage.getScene().getHeight());
        for (String id : new String[] {"#singleView", "#splitView", "#roundsView", "#compareView", "#omegaSplitView",
            "#likelihoodView", "#sdfView"}) {
            Node button = robot.lookup(id).query();
            Bounds b = fx(() -> button.localToScene(button.getBoundsInLocal()));
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w && b.getMinY() >= 0 && b.getMaxY() <= h, id + " " + b);
        }
        // a click on the last view button and back: each is reachable
        robot.clickOn("#singleView");
        assertTrue(!fx(() -> model.view().sdfProperty().get()));
        robot.clickOn("#sdfView");
        assertTrue(fx(() -> model.view().sdfProperty().get()));
    }

    /** The title a canvas draws now. */
    private String title(FxRobot robot, String canvasId) {
        Node canvas = robot.lookup(canvasId).queryAs(Canvas.class);
        return fx(() -> ((WorldCanvas) canvas.getParent()).frame().title());
    }
}
