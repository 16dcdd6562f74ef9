package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.scorefield.app.model.HeldOutNll;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.likelihood.HeldOutData;
import org.scorefield.core.likelihood.Likelihood;
import org.scorefield.core.likelihood.LikelihoodSettings;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.TrainingWorker;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.Schedule;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The likelihood in the window (docs/math.md §7.6): the held-out NLL while training, and log p_t along paths. */
class LikelihoodWindowTest extends WindowTest {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void trainingShowsTheHeldOutNllInTheLossChartAndTheStatusBar(FxRobot robot) {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            return null;
        });
        robot.clickOn("#trainButton");
        waitUntil(120, () -> model.training().stepsProperty().get() >= 2 * HeldOutNll.EVERY);
        robot.clickOn("#trainButton"); // pause: the model as it stopped is measured once more
        waitUntil(10, () -> model.training().stateProperty().get() != TrainingWorker.State.RUNNING);
        TrainedModel trained = fx(() -> model.training().model().orElseThrow());
        waitUntil(60, () -> {
            HeldOutNll.Point p = model.heldOutNll().curveProperty().get().latest();
            return p != null && p.step() == trained.steps();
        });
        WaitForAsyncUtils.waitForFxEvents();
        HeldOutNll.Curve curve = fx(() -> model.heldOutNll().curveProperty().get());
        assertTrue(curve.points().size() >= 2, "a point at the first hand-over and one at the pause at least");
        assertTrue(curve.heldOut());

        // the exact line: the mixture's NLL of the held-out points, from the core on its own
        HeldOutData held = HeldOutData.of(DatasetPreset.EIGHT_GAUSSIANS, 1000);
        assertEquals(held.exactNll(), curve.exactNll(), 1e-12);
        // the figure is the likelihood of the model on screen, close to the accurate RK4-64 integral,
        // and above the data's own NLL on the same points (a KL divergence is not negative)
        double shown = curve.latest().nll();
        double accurate = Likelihood.logDensity(trained.denoiser(), held.points(), LikelihoodSettings.defaults(),
                Likelihood.PathObserver.NONE).nll();
        assertEquals(accurate, shown, 0.05, "RK4 in 12 λ-steps against RK4 in 64 uniform steps");
        assertTrue(shown > held.exactNll() - 0.05, "model " + shown + " vs data " + held.exactNll());

        // the loss chart holds every measurement, the status bar the newest with the exact value
        double[] plotted = fx(() -> view.charts().lossChart().nll());
        assertEquals(curve.points().size(), plotted.length);
        assertEquals(shown, plotted[plotted.length - 1], 1e-12);
        String status = robot.lookup("#statusFigures").queryAs(Label.class).getText();
        String expected = String.format(Locale.ROOT, "NLL %.2f nats (exact %.2f)", shown, held.exactNll());
        assertTrue(status.contains(expected), "status bar: " + status + ", expected " + expected);

        // a reset empties both
        robot.clickOn("#resetButton");
        waitUntil(10, () -> model.heldOutNll().curveProperty().get().points().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> view.charts().lossChart().nll().length));
        assertTrue(!robot.lookup("#statusFigures").queryAs(Label.class).getText().contains("NLL"));
    }

    @Test
    void thePathChartShowsTheExactDensityAlongTheSamplesAndAClickedPath(FxRobot robot) {
        fx(() -> {
            model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
            model.sampling().driverProperty().set(Driver.EXACT);
            return null;
        });
        robot.clickOn("#pathDensityTab");
        waitUntil(60, () -> model.sampling().runsProperty().get().single() != null
                && view.charts().pathDensityChart().curveCount() == 5);
        robot.clickOn("#fieldCanvas"); // a path from the clicked point
        waitUntil(60, () -> view.charts().pathDensityChart().curveCount() == 6);
        WaitForAsyncUtils.waitForFxEvents();

        Trajectories run = fx(() -> model.sampling().runsProperty().get().single().trajectories());
        Trajectories clicked = fx(() -> model.sampling().clicksProperty().get().get(0).single());
        Schedule schedule = fx(() -> model.exactPath().schedule());
        GaussianMixture mixture = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();
        double[][] first = fx(() -> view.charts().pathDensityChart().curve(0));
        double[][] click = fx(() -> view.charts().pathDensityChart().curve(5));
        assertMatches(first, run, 0, schedule, mixture);
        assertMatches(click, clicked, 0, schedule, mixture);
        assertEquals("Exact log p\u209c(x\u209c) on the oracle's paths",
                fx(() -> view.charts().pathDensityChart().heading()));
        assertTrue(fx(() -> view.charts().pathDensityChart().note())
                .matches(".*: \\d+ of \\d+ steps raised p at their start t"));
    }

    /** Each plotted point is the mixture's density summed by hand at that time and position. */
    private static void assertMatches(double[][] plotted, Trajectories paths, int particle, Schedule schedule,
                                      GaussianMixture mixture) {
        assertEquals(paths.length(), plotted[0].length);
        for (int r = 0; r < paths.length(); r++) {
            double t = paths.times()[r];
            double a = schedule.alpha(t);
            double s = schedule.sigma(t);
            double x = paths.positions()[r][2 * particle];
            double y = paths.positions()[r][2 * particle + 1];
            double sum = 0;
            for (int k = 0; k < mixture.size(); k++) {
                GaussianMixture.Component c = mixture.component(k);
                double v = a * a * c.cxx() + s * s;
                double dx = x - a * c.meanX();
                double dy = y - a * c.meanY();
                sum += c.weight() * Math.exp(-(dx * dx + dy * dy) / (2 * v)) / (2 * Math.PI * v);
            }
            assertEquals(t, plotted[0][r], 0);
            assertEquals(Math.log(sum), plotted[1][r], 1e-9, "row " + r);
        }
    }
}
