package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.WorldCanvas;
import org.scorefield.app.model.LikelihoodView;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.likelihood.Likelihood;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The log p₀ view in the real window: its button shows three maps; a click carries the point up to
 * the prior, and at the top of the scrubber the counter reads the point's log p₀ as the core's
 * likelihood ODE computes it on its own.
 */
class LogDensityMapWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aClickedPointClimbsAndTheCounterEndsAtItsLogDensity(FxRobot robot) {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            model.sampling().driverProperty().set(Driver.EXACT); // the oracle: no training needed
            return null;
        });
        robot.clickOn("#likelihoodView");
        assertTrue(fx(() -> model.view().likelihoodProperty().get()));
        waitUntil(120, () -> model.jobs().idle() && model.likelihood().mapsProperty().get() != null
                && model.likelihood().mapsProperty().get().done());
        redraw();
        assertTrue(title(robot, "#roundCanvas0").startsWith("oracle's ODE log p\u2080\nPF-ODE, Heun 24"),
                title(robot, "#roundCanvas0"));
        assertTrue(title(robot, "#roundCanvas1").startsWith("exact log p\u2080"), title(robot, "#roundCanvas1"));
        assertTrue(title(robot, "#roundCanvas2").startsWith("model \u2212 exact\nKL(exact \u2016 model)"),
                title(robot, "#roundCanvas2"));

        // a click up and to the right of the model pane's centre, the origin
        robot.moveTo("#roundCanvas0").moveBy(40, -60).clickOn(MouseButton.PRIMARY);
        waitUntil(60, () -> model.jobs().idle() && model.likelihood().climbProperty().get() != null);
        LikelihoodView.Climb climb = fx(() -> model.likelihood().climbProperty().get());
        assertTrue(climb.x0()[0] > 0.1 && climb.x0()[1] > 0.1, climb.x0()[0] + ", " + climb.x0()[1]);
        assertTrue(fx(() -> model.messageProperty().get()).contains("climbs to the prior"));

        fx(() -> {
            view.scrubber().stop();
            model.view().timeProperty().set(1);
            return null;
        });
        redraw();
        GaussianMixtureDenoiser oracle = fx(() -> new GaussianMixtureDenoiser(
                DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(), model.process().schedule()));
        Likelihood.Result alone = Likelihood.logDensity(oracle, climb.x0().clone(), LikelihoodView.climbSettings(),
                Likelihood.PathObserver.NONE);
        List<String> exactPane = title(robot, "#roundCanvas1").lines().toList();
        // the sum is named for the ODE that climbed (here the oracle's), then the exact log p0 of the point's cell
        assertEquals(String.format(Locale.ROOT, "= oracle's ODE log p\u2080  %.3f", alone.logDensity()[0])
                .replace('-', '\u2212'), exactPane.get(exactPane.size() - 3), String.join(" / ", exactPane));
        var spec = LikelihoodView.grid();
        double cx = spec.x((int) ((climb.x0()[0] - spec.xMin()) / spec.dx()));
        double cy = spec.y((int) ((climb.x0()[1] - spec.yMin()) / spec.dy()));
        double exactHere = org.scorefield.core.likelihood.ExactLikelihood.mixture(
                DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(), new double[] {cx, cy})[0];
        assertEquals(String.format(Locale.ROOT, "exact here  %.3f", exactHere).replace('-', '\u2212'),
                exactPane.get(exactPane.size() - 2), String.join(" / ", exactPane));
        // Hutchinson's single-probe climbs: they scatter, and their mean is the exact ℓ within 4 standard errors
        double spread = climb.hutchinsonSpread();
        assertTrue(spread > 0.01, "one probe scatters: " + spread);
        assertEquals(alone.logDet()[0], climb.hutchinsonMean(), 4 * spread / Math.sqrt(LikelihoodView.HUTCHINSON_RUNS));
        assertEquals(String.format(Locale.ROOT, "\u2113 by Hutchinson, 1 probe:  %+.3f \u00b1 %.2f",
                climb.hutchinsonMean(), spread).replace('-', '\u2212'), exactPane.get(exactPane.size() - 1));
        String modelPane = title(robot, "#roundCanvas0");
        assertTrue(modelPane.contains(String.format(Locale.ROOT, "\u2113 so far %+.3f", alone.logDet()[0])
                .replace('-', '\u2212')), modelPane);
        // the path is drawn in every pane, all of it at the top: the recorded steps, the last the end
        var drawn = fx(() -> ((WorldCanvas) robot.lookup("#roundCanvas2").queryAs(Canvas.class).getParent())
                .frame().clicked());
        assertEquals(climb.times().length, drawn.length());
        org.junit.jupiter.api.Assertions.assertArrayEquals(alone.end(), drawn.positions()[drawn.length() - 1], 1e-12);
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
