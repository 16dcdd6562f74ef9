package org.scorefield.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scorefield.app.view.FxWait.fx;
import static org.scorefield.app.view.FxWait.waitUntil;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.ScorefieldApp;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SamplingState;
import org.scorefield.app.settings.HeatmapLayer;
import org.scorefield.core.data.DatasetPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Guidance from the visible controls: a class chosen, ω dragged, the heatmap switched. */
@ExtendWith(ApplicationExtension.class)
class GuidanceWindowTest {

    private Stage stage;
    private ExplorerModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = ScorefieldApp.show(stage, 1440, 900).model();
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
    void aClassChosenAndOmegaDraggedGuideTheSamplesAndTheStatusBarSaysHowWell(FxRobot robot) {
        robot.clickOn("#dataBox");
        robot.clickOn(DatasetPreset.GMM_LABELLED.displayName());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#omegaSlider").queryAs(Slider.class).isDisabled(), "no class: ω means nothing");
        fx(() -> {
            robot.lookup(".side-scroll").queryAs(ScrollPane.class).setVvalue(1); // the Sampling section's end
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#classBox");
        robot.clickOn("class 2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, fx(() -> model.sampling().guidedClassProperty().get()));
        waitUntil(30, () -> shown() != null && shown().guidance().target() == 2);
        var atOne = shown().guided().orElseThrow();
        assertTrue(atOne.classFraction() >= 0.97, "ω = 1: in class " + atOne.classFraction());

        Slider omega = robot.lookup("#omegaSlider").queryAs(Slider.class);
        assertTrue(!omega.isDisabled());
        robot.drag("#omegaSlider .thumb").moveBy(omega.getWidth() / 3, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double w = fx(() -> model.sampling().omegaProperty().get());
        assertTrue(w > 2, "dragged right from 1: ω = " + w);
        waitUntil(30, () -> shown() != null && shown().guidance().omega() == w);
        assertTrue(fx(() -> robot.lookup("#samplingSection").queryAll().stream().flatMap(n -> n.lookupAll(".caption")
                .stream()).map(n -> ((Label) n).getText()).anyMatch(text -> text.startsWith(shown().nfe() + " network "
                + "evaluations"))), "the NFE caption follows ω: " + shown().nfe());
        var strong = shown().guided().orElseThrow();
        // guidance pushes samples to the class's far side: further from the tilted density than at ω = 1
        assertTrue(strong.sw2Tilted().ratio() > atOne.sw2Tilted().ratio(),
                strong.sw2Tilted().ratio() + " vs " + atOne.sw2Tilted().ratio());
        waitUntil(10, () -> fx(() -> robot.lookup("#statusFigures").tryQueryAs(Label.class)
                .map(Label::getText).orElse("")).contains("in class"));

        robot.clickOn("#heatmapBox");
        robot.clickOn(HeatmapLayer.CLASSIFIER.toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> model.view().showDensityProperty().get()), "choosing a heatmap shows it");
        waitUntil(30, () -> fx(() -> model.layers().layersProperty().get().heat()) == HeatmapLayer.CLASSIFIER);
    }
}
