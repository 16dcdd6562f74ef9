package org.scorefield.app;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.Objective;

/**
 * The Reflow section: how the next round is made (pairs, training steps, fine-tuned or fresh), the
 * button that makes it with its progress and Cancel, how the rounds are shown (side by side, or one
 * chosen round), and the pairing lines of one batch under the chosen coupling.
 */
final class ReflowSection {

    private final ExplorerModel model;
    private final Label notice = Widgets.caption("");

    ReflowSection(ExplorerModel model) {
        this.model = model;
    }

    TitledPane build() {
        ReflowState reflow = model.reflow();
        Label intro = Widgets.caption("Reflow (Liu et al. 2023) integrates the flow from fresh source points, "
                + "then trains the next model on the pairs (end point, start) it made: paths that crossed are "
                + "uncrossed, so they straighten and few Euler steps sample well.");

        ComboBox<Integer> pairs = Widgets.choices(ReflowState.PAIRS, reflow.pairsProperty().get(),
                n -> String.format(Locale.ROOT, "%,d", n));
        pairs.setId("reflowPairs");
        pairs.valueProperty().addListener((obs, old, n) -> reflow.pairsProperty().set(n));
        reflow.pairsProperty().addListener((obs, old, n) -> pairs.setValue(n.intValue()));
        ComboBox<Integer> steps = Widgets.choices(ReflowState.TRAIN_STEPS, reflow.trainStepsProperty().get(),
                n -> String.format(Locale.ROOT, "%,d", n));
        steps.setId("reflowSteps");
        steps.valueProperty().addListener((obs, old, n) -> reflow.trainStepsProperty().set(n));
        reflow.trainStepsProperty().addListener((obs, old, n) -> steps.setValue(n.intValue()));
        ToggleSwitch fineTune = new ToggleSwitch();
        fineTune.setId("reflowFineTune");
        fineTune.selectedProperty().bindBidirectional(reflow.fineTuneProperty());

        Button next = new Button("Reflow");
        next.setId("reflowButton");
        next.getStyleClass().add("primary");
        next.textProperty().bind(Bindings.createStringBinding(() -> "Make round "
                + Math.max(1, reflow.rounds().size()), reflow.roundsProperty()));
        next.setTooltip(Widgets.tip("Integrate the newest model (RK4, " + Reflow.Settings.DEFAULT_SOLVER_STEPS
                + " steps) from fresh source points, train the next round on the pairs, and measure it. Training "
                + "pauses meanwhile. 10,000 pairs and 3,000 steps take about 20 s here."));
        next.setOnAction(e -> model.reflowNextRound());
        next.disableProperty().bind(reflow.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("reflowCancel");
        cancel.setTooltip(Widgets.tip("Stop the round being made; the rounds before it are kept."));
        cancel.setOnAction(e -> reflow.cancel());
        cancel.disableProperty().bind(reflow.runningProperty().not());
        Button clear = new Button("Clear");
        clear.setId("reflowClear");
        clear.setTooltip(Widgets.tip("Forget every round; the next Reflow starts from the trained model again."));
        clear.setOnAction(e -> {
            reflow.clear();
            model.roundsViewProperty().set(false);
        });
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> reflow.rounds().isEmpty()
                && !reflow.runningProperty().get(), reflow.roundsProperty(), reflow.runningProperty()));
        HBox buttons = new HBox(6, next, cancel, clear);
        buttons.getStyleClass().add("button-row");
        for (Button b : new Button[] {next, cancel, clear}) {
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setMaxWidth(Double.MAX_VALUE);
        }

        ProgressBar progress = new ProgressBar();
        progress.setId("reflowProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(reflow.progressProperty());
        progress.visibleProperty().bind(reflow.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label phase = Widgets.caption("");
        phase.setId("reflowPhase");
        phase.textProperty().bind(reflow.phaseProperty());
        phase.visibleProperty().bind(reflow.phaseProperty().isNotEmpty());
        phase.managedProperty().bind(phase.visibleProperty());

        ToggleSwitch sideBySide = new ToggleSwitch();
        sideBySide.setId("reflowSideBySide");
        sideBySide.selectedProperty().bindBidirectional(reflow.sideBySideProperty());
        Spinner<Integer> round = new Spinner<>(0, 0, 0);
        round.setId("reflowRound");
        round.setEditable(false);
        round.setPrefWidth(90);
        reflow.roundsProperty().addListener((obs, old, list) -> {
            var factory = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) round.getValueFactory();
            factory.setMax(Math.max(0, list.size() - 1));
        });
        reflow.shownRoundProperty().addListener((obs, old, r) -> round.getValueFactory().setValue(r.intValue()));
        round.valueProperty().addListener((obs, old, r) -> reflow.shownRoundProperty().set(r));
        round.disableProperty().bind(reflow.sideBySideProperty());

        ToggleSwitch pairsSwitch = new ToggleSwitch();
        pairsSwitch.setId("showPairs");
        pairsSwitch.selectedProperty().bindBidirectional(model.showPairsProperty());

        notice.setId("reflowNotice");
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {reflow.failureProperty(),
                model.training().objectiveProperty(), model.training().modelProperty()}) {
            o.addListener(obs -> update());
        }
        update();

        return Widgets.section("Reflow", "reflowSection", intro,
                Widgets.row("Pairs", pairs, "Source points integrated per round to make the training pairs."),
                Widgets.row("Train steps", steps, "Optimiser steps per round."),
                Widgets.row("Fine-tune", fineTune, "Start each round from the previous round's weights (faster); "
                        + "off trains each round from a fresh initialisation."),
                buttons, progress, phase, notice,
                Widgets.row("Side by side", sideBySide, "Show the newest " + ReflowState.SIDE_BY_SIDE
                        + " rounds side by side, from the same source points; off shows the chosen round alone."),
                Widgets.row("Round", round, "The round shown when the rounds are not side by side."),
                Widgets.row("Show pairs", pairsSwitch, "Draw one batch of " + CanvasArea.PAIR_BATCH + " training pairs "
                        + "under the chosen coupling as the straight lines x_t = (1 − t)·x₀ + t·x₁ they train on "
                        + "(the scrubber moves along them)."));
    }

    private void update() {
        ReflowState reflow = model.reflow();
        String text;
        boolean warn = false;
        if (!reflow.failureProperty().get().isEmpty()) {
            text = reflow.failureProperty().get();
            warn = true;
        } else if (model.training().objectiveProperty().get() != Objective.FLOW_MATCHING) {
            text = "Reflow needs a flow-matching model: choose Objective \"flow matching\" above and train.";
        } else if (model.training().model().isEmpty()) {
            text = "Train the flow-matching model first (a few thousand steps), then make round 1.";
        } else {
            text = "";
        }
        notice.setText(text);
        notice.setVisible(!text.isEmpty());
        notice.setManaged(!text.isEmpty());
        notice.getStyleClass().removeAll("warning");
        if (warn) {
            notice.getStyleClass().add("warning");
        }
    }
}
