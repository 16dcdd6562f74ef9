package org.scorefield.app.panel;

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
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.ReflowState;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.Objective;

/**
 * The Reflow section: how the next round is made (pairs, training steps, fine-tuned or fresh), the
 * button that makes it with its progress and Cancel, how the rounds are shown (side by side, or one
 * chosen round), and the pairing lines of one batch under the chosen coupling.
 */
public final class ReflowSection {

    private final ExplorerModel model;
    private final Label notice = Widgets.caption("");

    public ReflowSection(ExplorerModel model) {
        this.model = model;
    }

    public TitledPane build() {
        ReflowState reflow = model.reflow();
        Label intro = Widgets.caption("Reflow (Liu et al. 2023) integrates the flow from fresh source points, "
                + "then trains the next model on the pairs (end point, start) it made: paths that crossed are "
                + "uncrossed, so they straighten and few Euler steps sample well.");

        ComboBox<Integer> pairs = Controls.choices(Settings.REFLOW_PAIRS, reflow.pairsProperty(), "reflowPairs");
        ComboBox<Integer> steps = Controls.choices(Settings.REFLOW_TRAIN_STEPS, reflow.trainStepsProperty(),
                "reflowSteps");
        ToggleSwitch fineTune = Controls.toggle(Settings.REFLOW_FINE_TUNE, reflow.fineTuneProperty(), "reflowFineTune");

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
            model.view().roundsViewProperty().set(false);
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

        ToggleSwitch sideBySide = Controls.toggle(Settings.REFLOW_SIDE_BY_SIDE, reflow.sideBySideProperty(),
                "reflowSideBySide");
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

        ToggleSwitch pairsSwitch = Controls.toggle(Settings.SHOW_PAIRS, model.view().showPairsProperty(), "showPairs");

        notice.setId("reflowNotice");
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {reflow.failureProperty(),
                model.training().objectiveProperty(), model.training().modelProperty()}) {
            o.addListener(obs -> update());
        }
        update();

        return Widgets.section("Reflow", "reflowSection", intro,
                Controls.row(Settings.REFLOW_PAIRS, pairs),
                Controls.row(Settings.REFLOW_TRAIN_STEPS, steps),
                Controls.row(Settings.REFLOW_FINE_TUNE, fineTune),
                buttons, progress, phase, notice,
                Controls.row(Settings.REFLOW_SIDE_BY_SIDE, sideBySide),
                Widgets.row("Round", round, "The round shown when the rounds are not side by side."),
                Controls.row(Settings.SHOW_PAIRS, pairsSwitch));
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
