package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.settings.ComparedSetting;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The A vs B view in the real window: switched on by its button, one Step trains both models. */
class CompareWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theCompareButtonShowsAAndBAndStepTrainsBoth(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        fx(() -> {
            model.training().widthProperty().set(32); // small, so that a step is quick
            model.training().depthProperty().set(1);
            model.compare().variesProperty().set(ComparedSetting.WIDTH);
            model.compare().widthProperty().set(64);
            return null;
        });
        robot.clickOn("#compareView");
        assertTrue(fx(() -> model.view().compareProperty().get()));
        assertTrue(fx(() -> ((javafx.scene.control.TitledPane) view.lookup("#compareSubsection")).isExpanded()),
                "B's settings open beside the view");
        robot.clickOn("#stepButton");
        waitUntil(60, () -> model.training().stepsProperty().get() >= 1
                && model.compare().b().stepsProperty().get() >= 1);
        waitUntil(60, () -> model.jobs().idle() && model.compare().runProperty().get() != null);
        fx(() -> {
            view.canvasArea().redraw();
            return null;
        });
        String a = title(robot, "#odeCanvas");
        String b = title(robot, "#sdeCanvas");
        assertEquals("A  \u00b7  32 units", a.lines().findFirst().orElseThrow(), a);
        assertEquals("B  \u00b7  64 units", b.lines().findFirst().orElseThrow(), b);
        // each model's samples are its own, of the step shown, and measured (neither the oracle's nor older)
        String figures = "1 step  \u00b7  loss \\d+\\.\\d{3}  \u00b7  SW2/floor \\d+\\.\\d{2}";
        assertTrue(a.lines().skip(1).findFirst().orElseThrow().matches(figures), a);
        assertTrue(b.lines().skip(1).findFirst().orElseThrow().matches(figures), b);
        assertEquals(1, fx(() -> model.compare().b().model().orElseThrow().steps()));
        assertEquals(64, fx(() -> model.compare().b().model().orElseThrow().architecture().width()));
        assertTrue(robot.lookup("#sdeCanvas").query().isVisible());
        // a click with the paths tool in B's pane starts nothing there or in A's, and says where to click
        robot.clickOn("#sdeCanvas");
        assertTrue(fx(() -> model.sampling().clicksProperty().get().isEmpty()), "no paths from B's pane");
        assertEquals("Paths from a click follow A's model: click in A's pane (left).",
                fx(() -> model.messageProperty().get()));
        robot.clickOn("#odeCanvas");
        waitUntil(30, () -> !model.sampling().clicksProperty().get().isEmpty());

        // exported as on screen: A's pane beside B's, each under its own overlay
        java.nio.file.Path out = dir.resolve("a-vs-b");
        fx(() -> {
            model.export().whatProperty().set(org.scorefield.app.settings.AnimationSubject.COMPARE);
            model.export().formatProperty().set(org.scorefield.app.settings.AnimationFormat.PNG);
            model.export().sizeProperty().set(org.scorefield.app.settings.FrameSize.HD720);
            model.export().fpsProperty().set(2);
            model.export().secondsProperty().set(1);
            view.export().exportAnimation(out);
            return null;
        });
        waitUntil(60, () -> !view.export().runningProperty().get());
        assertTrue(fx(() -> view.export().statusProperty().get()).startsWith("Wrote a-vs-b: 2 frames"),
                fx(() -> view.export().statusProperty().get()));
        try {
            var last = javax.imageio.ImageIO.read(out.resolve("frame_00001.png").toFile());
            assertEquals(1280, last.getWidth());
            // two panels: one colour runs down the middle, the divider
            java.util.Map<Integer, Integer> middle = new java.util.HashMap<>();
            for (int y = 0; y < 720; y++) {
                middle.merge(last.getRGB(640, y), 1, Integer::sum);
            }
            assertTrue(middle.values().stream().mapToInt(Integer::intValue).max().orElse(0) > 0.8 * 720,
                    "a divider down x = 640");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The title a canvas draws now. */
    private String title(FxRobot robot, String canvasId) {
        Node canvas = robot.lookup(canvasId).queryAs(Canvas.class);
        return fx(() -> ((WorldCanvas) canvas.getParent()).frame().title());
    }
}
