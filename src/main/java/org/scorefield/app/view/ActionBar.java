package org.scorefield.app.view;

import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scorefield.app.model.CanvasGuide;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.TrainingState;
import org.scorefield.app.panel.Widgets;

/**
 * Above the canvas: the primary actions, always in sight (Train or Pause, Step, Reset, Resample,
 * Play), the lesson menu and the training figures, and under them the guide's sentence of what the canvas shows and
 * what to do next, with its one-click action.
 */
final class ActionBar extends VBox {

    private final TrainingState training;
    private final Label figures = new Label();

    /**
     * @param lesson     the lesson menu, beside the primary actions
     * @param lessonOpen whether a lesson is open: its caption then says what the guide would
     */
    ActionBar(ExplorerModel model, Button play, javafx.scene.Node lesson,
              javafx.beans.value.ObservableBooleanValue lessonOpen) {
        this.training = model.training();
        getStyleClass().add("action-bar");

        Button train = new Button("Train");
        train.setId("trainButton");
        train.textProperty().bind(Bindings.createStringBinding(() -> training.running() ? "❚❚  Pause" : "Train",
                training.stateProperty(), training.startingProperty()));
        train.setTooltip(Widgets.tip("Start or pause training (key T). Training runs in the background: "
                + "keep scrubbing, sampling and looking while the model learns. In A vs B, both models train."));
        train.setOnAction(e -> model.compare().toggle()); // A, and B in the compare view
        train.getStyleClass().add("primary");
        Button step = new Button("Step");
        step.setId("stepButton");
        step.setTooltip(Widgets.tip("One optimiser step on one batch (key S); in A vs B, one for each model."));
        step.setOnAction(e -> model.compare().step());
        step.disableProperty().bind(Bindings.createBooleanBinding(training::running, training.stateProperty(),
                training.startingProperty()));
        Button reset = new Button("Reset");
        reset.setId("resetButton");
        reset.setTooltip(Widgets.tip("Throw the model away and start again from its seeded initial weights, "
                + "with the settings, data and process shown now (in A vs B, both models)."));
        reset.setOnAction(e -> model.compare().reset());
        Button resample = new Button("Resample");
        resample.setId("resampleButton");
        resample.setTooltip(Widgets.tip("Sample again with a new seed (key R). The same seed always gives the "
                + "same samples; type it back into the seed field to see them again."));
        resample.setOnAction(e -> model.sampling().newSeed());
        HBox trainButtons = new HBox(4, train, step, reset);
        HBox lookButtons = new HBox(4, resample, play);
        for (HBox box : new HBox[] {trainButtons, lookButtons}) {
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(USE_PREF_SIZE);
        }

        figures.setId("trainingFigures");
        figures.getStyleClass().add("figures");
        figures.setMinWidth(USE_PREF_SIZE);
        for (Observable o : new Observable[] {training.stepsProperty(), training.lossProperty(),
                training.stepsPerSecondProperty(), training.startingProperty()}) {
            o.addListener(obs -> updateFigures());
        }
        updateFigures();
        FlowPane actions = new FlowPane(16, 6, trainButtons, lookButtons, lesson, figures);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("primary-actions");

        Label sentence = new Label();
        sentence.setId("canvasGuide");
        sentence.setWrapText(true);
        sentence.getStyleClass().add("guide-text");
        sentence.setMaxWidth(Double.MAX_VALUE);
        sentence.setMinHeight(USE_PREF_SIZE); // wraps onto a second line rather than being cut
        Button act = new Button();
        act.setId("guideAction");
        act.getStyleClass().add("guide-action");
        act.setMinWidth(USE_PREF_SIZE);
        HBox.setHgrow(sentence, Priority.ALWAYS);
        HBox guide = new HBox(10, sentence, act);
        guide.setAlignment(Pos.CENTER_LEFT);
        guide.getStyleClass().add("canvas-guide");
        CanvasGuide canvasGuide = model.guide();
        Runnable show = () -> {
            CanvasGuide.Advice advice = canvasGuide.adviceProperty().get();
            sentence.setText(advice.text());
            act.setText(advice.action().label());
            act.setVisible(advice.action() != CanvasGuide.Action.NONE);
            act.setManaged(act.isVisible());
            act.setOnAction(e -> canvasGuide.act(advice.action()));
            guide.getStyleClass().remove("warning");
            if (advice.warning()) {
                guide.getStyleClass().add("warning");
            }
        };
        canvasGuide.adviceProperty().addListener(obs -> show.run());
        // a warning (the model is out of date) shows also during a lesson; advice gives way to its caption
        guide.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !lessonOpen.get() || canvasGuide.adviceProperty().get().warning(), lessonOpen,
                canvasGuide.adviceProperty()));
        guide.managedProperty().bind(guide.visibleProperty());
        show.run();
        getChildren().setAll(actions, guide);
    }

    private void updateFigures() {
        long steps = training.stepsProperty().get();
        double loss = training.lossProperty().get();
        double speed = training.stepsPerSecondProperty().get();
        if (training.startingProperty().get()) {
            figures.setText("Starting…");
        } else if (steps == 0) {
            figures.setText("No training yet");
        } else {
            figures.setText(String.format(Locale.ROOT, "%,d steps · loss %s%s", steps,
                    Double.isFinite(loss) ? String.format(Locale.ROOT, "%.3f", loss) : "–",
                    Double.isFinite(speed) ? String.format(Locale.ROOT, " · %,.0f/s", speed) : ""));
        }
    }
}
