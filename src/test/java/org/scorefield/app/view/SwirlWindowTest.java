package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.ScorefieldApp;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SamplingState;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.metric.SlicedWasserstein;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The swirl from its slider (docs/math.md §8.11): dragged, it moves the sampled particles far apart
 * while their distribution stays (SW2 between the swirled and unswirled samples within a small
 * multiple of the noise floor), and the continuity cells' net inflows stay.
 */
@ExtendWith(ApplicationExtension.class)
class SwirlWindowTest {

    private Stage stage;
    private ExplorerModel model;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.view = ScorefieldApp.show(stage, 1440, 900);
        this.model = view.model();
    }

    @AfterEach
    void closeWindow() {
        fx(() -> {
            stage.close();
            return null;
        });
    }

    private SamplingState.Run shown() {
        return fx(() -> model.sampling().runsProperty().get().single());
    }

    @Test
    void theSwirlSliderTurnsThePathsButNotTheMarginal(FxRobot robot) {
        robot.clickOn("#dataBox");
        robot.clickOn(DatasetPreset.EIGHT_GAUSSIANS.displayName());
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            view.scrubber().stop();
            model.view().timeProperty().set(0.2);
            model.view().showDensityProperty().set(true);
            model.view().continuityProperty().set(true);
            model.view().showSamplesProperty().set(true);
            model.sampling().resample();
            return null;
        });
        try {
            waitUntil(30, () -> shown() != null && fx(() -> model.layers().layersProperty().get().density() != null
                    && model.continuity().cellsProperty().get() != null));
        } catch (AssertionError e) {
            System.out.println("DEBUG run " + shown() + " density " + fx(() -> model.layers().layersProperty().get()
                    .density()) + " cells " + fx(() -> model.continuity().cellsProperty().get()) + " problem "
                    + fx(() -> model.continuity().problemProperty().get()) + " msg " + fx(() -> model.messageProperty().get()));
            throw e;
        }
        SamplingState.Run before = shown();
        var cellsBefore = fx(() -> model.continuity().cellsProperty().get());
        assertTrue(!before.source().contains("swirl"), before.source());

        fx(() -> {
            // scroll the side panel so that the slider is in sight
            ScrollPane side = robot.lookup(".side-scroll").queryAs(ScrollPane.class);
            Slider slider = robot.lookup("#swirlSlider").queryAs(Slider.class);
            var content = side.getContent();
            double y = content.sceneToLocal(slider.localToScene(0, 0)).getY();
            double room = content.getLayoutBounds().getHeight() - side.getViewportBounds().getHeight();
            side.setVvalue(Math.max(0, Math.min(1, (y - side.getViewportBounds().getHeight() / 2) / room)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Slider swirl = robot.lookup("#swirlSlider").queryAs(Slider.class);
        robot.drag("#swirlSlider .thumb").moveBy(swirl.getWidth() / 2, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double s = fx(() -> model.sampling().swirlProperty().get());
        assertTrue(s >= 1, "dragged right from 0: s = " + s);
        waitUntil(30, () -> shown() != before && shown().source().contains("swirl"));
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);
        waitUntil(30, () -> fx(() -> model.continuity().cellsProperty().get() != cellsBefore));
        SamplingState.Run after = shown();

        // the same start noise, different paths: the particles moved apart
        double[] a = before.trajectories().positions()[before.trajectories().length() - 1];
        double[] b = after.trajectories().positions()[after.trajectories().length() - 1];
        assertArrayEquals(before.trajectories().positions()[0], after.trajectories().positions()[0], 0,
                "the same starting noise");
        double moved = 0;
        for (int i = 0; i < a.length / 2; i++) {
            moved += Math.hypot(a[2 * i] - b[2 * i], a[2 * i + 1] - b[2 * i + 1]);
        }
        moved /= a.length / 2;
        assertTrue(moved > 0.5, "paired samples end apart: " + moved);
        assertTrue(after.sw2OverFloor().getAsDouble() < 2, "still samples of the data: " + after.sw2OverFloor());

        // the marginal at t_min stays: SW2 between the swirled and the unswirled samples is within a small
        // multiple of the noise floor (SW2 between two independent samples of the data of this size)
        int n = a.length / 2;
        double sw2 = SlicedWasserstein.distance(a, b);
        double floor = SampleQuality.floor(fx(() -> model.samplingChoice().reference()), n, before.seed());
        System.out.println(String.format(java.util.Locale.ROOT, "swirl window: s = %.2f, n = %d, SW2(swirled, "
                + "unswirled) = %.4f, floor %.4f, ratio %.2f, mean displacement %.3f; SW2/floor to the data "
                + "%.2f before, %.2f after", s, n, sw2, floor, sw2 / floor, moved, before.sw2OverFloor().getAsDouble(),
                after.sw2OverFloor().getAsDouble()));
        // measured: s = 2.35, n = 1000, ratio 1.46 (the solver's error on the faster swirled paths adds to
        // the floor); a marginal that moved would be far off, paired samples end about 30 floors apart
        assertTrue(sw2 < 2 * floor, "the same marginal: SW2 " + sw2 + ", floor " + floor);
        assertTrue(moved > 5 * floor, "while paired samples move far more than the floor");

        // the cells' inflow the same to quadrature accuracy (the swirl's flux is divergence-free)
        var cellsAfter = fx(() -> model.continuity().cellsProperty().get());
        double scale = 0;
        for (double r : cellsBefore.rate()) {
            scale = Math.max(scale, Math.abs(r));
        }
        for (int k = 0; k < cellsBefore.inflow().length; k++) {
            assertEquals(cellsBefore.inflow()[k], cellsAfter.inflow()[k], 1e-6 * scale, "cell " + k);
            assertEquals(cellsAfter.rate()[k], cellsAfter.inflow()[k], 1e-6 * scale, "cell " + k);
        }
    }
}
