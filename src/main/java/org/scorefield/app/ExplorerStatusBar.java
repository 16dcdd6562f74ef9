package org.scorefield.app;

import java.util.Locale;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.nn.TrainingWorker;

/**
 * The status bar: the latest message on the left; on the right the seeds, the NFE of the samples on
 * screen, the training speed, and SW2 of the samples against its noise floor (≈ 1 means as close as
 * two independent draws of the data are to each other).
 */
final class ExplorerStatusBar extends StatusBar {

    private final ExplorerModel model;
    private final Label figures = new Label();

    ExplorerStatusBar(ExplorerModel model) {
        this.model = model;
        setId("statusBar");
        getStyleClass().add("explorer-status");
        figures.setId("statusFigures");
        getRightItems().add(figures);
        textProperty().bind(model.messageProperty());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.data().seedProperty(),
                model.sampling().seedProperty(), model.training().seedProperty(), model.sampling().runsProperty(),
                model.training().stepsPerSecondProperty(), model.training().stateProperty(),
                model.sampling().busyProperty(), model.splitProperty()}) {
            o.addListener(obs -> update());
        }
        update();
    }

    private void update() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "data seed %d  ·  sample seed %d  ·  train seed %d",
                model.data().seedProperty().get(), model.sampling().seedProperty().get(),
                model.training().seedProperty().get()));
        SamplingState.Runs runs = model.sampling().runsProperty().get();
        SamplingState.Run main = runs.single() != null ? runs.single() : runs.ode();
        if (model.sampling().busyProperty().get()) {
            s.append("  ·  sampling…");
        } else if (main != null) {
            s.append(String.format(Locale.ROOT, "  ·  NFE %d", main.nfe()));
            appendQuality(s, runs.single() != null ? "SW2/floor" : "ODE SW2/floor", main);
            if (runs.sde() != null) {
                appendQuality(s, "SDE", runs.sde());
            }
        }
        if (model.training().stateProperty().get() == TrainingWorker.State.RUNNING
                && Double.isFinite(model.training().stepsPerSecondProperty().get())) {
            s.append(String.format(Locale.ROOT, "  ·  %,.0f steps/s", model.training().stepsPerSecondProperty().get()));
        }
        figures.setText(s.toString());
    }

    private static void appendQuality(StringBuilder s, String name, SamplingState.Run run) {
        run.quality().map(SampleQuality::sw2).ifPresent(q ->
                s.append(String.format(Locale.ROOT, "  ·  %s %.2f", name, q.ratio())));
    }
}
