package org.scorefield.app.panel;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.app.model.CompareState;
import org.scorefield.app.model.SourceOption;
import org.scorefield.app.model.TrainingState;
import org.scorefield.app.settings.ComparedSetting;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.Objective;

/**
 * The Model &amp; training section: objective, network size, learning rate, batch and EMA; Train,
 * Pause, Step and Reset; the live figures (steps, loss, steps per second); whether samples
 * refresh while the model trains; and the compare view's model B.
 */
public final class TrainingSection {

    private final TrainingState training;
    private final CompareState compare;
    private final Label notice = Widgets.caption("");

    private final java.util.function.Supplier<org.scorefield.core.data.PointSet> canvasPoints;

    private final java.util.function.Consumer<String> say;

    /**
     * @param canvasPoints the data points on the canvas now, which can become the flow's source
     * @param say          tells the user a sentence (the status bar)
     */
    public TrainingSection(TrainingState training, CompareState compare,
                           java.util.function.Supplier<org.scorefield.core.data.PointSet> canvasPoints,
                           java.util.function.Consumer<String> say) {
        this.training = training;
        this.compare = compare;
        this.canvasPoints = canvasPoints;
        this.say = say;
    }

    public TitledPane build() {
        ComboBox<Objective> objective = Controls.choices(Settings.OBJECTIVE, training.objectiveProperty(),
                "objectiveBox");

        ComboBox<SourceOption> source = Widgets.choices(
                SourceOption.all().toArray(SourceOption[]::new),
                training.sourceProperty().get(), SourceOption::label);
        source.setId("sourceBox");
        // A source that is not a preset (drawn points, or a session's) joins the list when chosen.
        training.sourceProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !source.getItems().contains(chosen)) {
                source.getItems().add(chosen);
            }
        });
        source.valueProperty().bindBidirectional(training.sourceProperty());
        Button useCanvas = new Button("Use the points on the canvas");
        useCanvas.setId("useCanvasSource");
        useCanvas.setTooltip(Widgets.tip("Make a copy of the points on the canvas now the source: draw a shape, "
                + "press this, then choose or draw the data it should flow to."));
        useCanvas.setMaxWidth(Double.MAX_VALUE);
        useCanvas.setOnAction(e -> {
            try {
                training.useAsSource(canvasPoints.get());
            } catch (org.scorefield.core.InvalidInputException ex) {
                say.accept(ex.getMessage());
            }
        });
        HBox useCanvasRow = new HBox(useCanvas);
        useCanvasRow.getStyleClass().add("button-row");
        HBox.setHgrow(useCanvas, Priority.ALWAYS);
        ComboBox<CouplingKind> coupling = Controls.choices(Settings.COUPLING, training.couplingProperty(),
                "couplingBox");
        HBox epsilonBox = Controls.slider(Settings.SINKHORN_EPSILON, training.sinkhornEpsilonProperty(),
                "sinkhornEpsilonSlider");
        HBox epsilonRow = Controls.row(Settings.SINKHORN_EPSILON, epsilonBox);
        epsilonRow.disableProperty().bind(training.couplingProperty().isNotEqualTo(CouplingKind.SINKHORN));
        VBox flowRows = new VBox(Controls.row(Settings.SOURCE, source), useCanvasRow,
                Controls.row(Settings.COUPLING, coupling), epsilonRow);
        flowRows.setId("flowRows");
        flowRows.getStyleClass().add("flow-rows");
        flowRows.visibleProperty().bind(training.objectiveProperty().isEqualTo(Objective.FLOW_MATCHING));
        flowRows.managedProperty().bind(flowRows.visibleProperty());

        ComboBox<Integer> width = Controls.choices(Settings.WIDTH, training.widthProperty(), "widthBox");
        Spinner<Integer> depth = Controls.spinner(Settings.DEPTH, training.depthProperty(), "depthSpinner");
        depth.setEditable(false);
        ComboBox<Double> rate = Controls.choices(Settings.LEARNING_RATE, training.learningRateProperty(),
                "learningRateBox");
        ComboBox<Integer> batch = Controls.choices(Settings.BATCH, training.batchProperty(), "batchBox");
        ToggleSwitch ema = Controls.toggle(Settings.EMA, training.emaProperty(), "emaSwitch");
        SeedField seed = Controls.seed(Settings.TRAINING_SEED, training.seedProperty(), "trainSeed");

        notice.setId("trainingNotice");
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {training.failureProperty(),
                training.outOfDateProperty(), training.objectiveProperty(), training.widthProperty(),
                training.depthProperty()}) {
            o.addListener(obs -> update());
        }
        update();

        ToggleSwitch refresh = Controls.toggle(Settings.REFRESH_SAMPLES, training.refreshSamplesProperty(),
                "refreshSwitch");
        Spinner<Integer> every = Controls.spinner(Settings.REFRESH_EVERY, training.refreshEveryProperty(),
                "refreshEvery");
        every.setPrefWidth(100);
        every.disableProperty().bind(refresh.selectedProperty().not());

        ToggleSwitch conditional = Controls.toggle(Settings.CONDITIONAL, training.conditionalProperty(),
                "conditionalSwitch");
        HBox dropout = Controls.slider(Settings.LABEL_DROPOUT, training.labelDropoutProperty(), "labelDropoutSlider");
        dropout.disableProperty().bind(conditional.selectedProperty().not());

        TitledPane advanced = Widgets.subsection("Network, optimiser, refresh", "advancedTraining",
                Controls.row(Settings.WIDTH, width),
                Controls.row(Settings.DEPTH, depth),
                Controls.row(Settings.LEARNING_RATE, rate),
                Controls.row(Settings.BATCH, batch),
                Controls.row(Settings.EMA, ema),
                Controls.row(Settings.TRAINING_SEED, seed),
                Controls.row(Settings.REFRESH_SAMPLES, refresh),
                Controls.row(Settings.REFRESH_EVERY, every));
        return Widgets.section("Model & training", "trainingSection",
                Controls.row(Settings.OBJECTIVE, objective),
                flowRows,
                Controls.row(Settings.CONDITIONAL, conditional),
                Controls.row(Settings.LABEL_DROPOUT, dropout),
                notice,
                advanced,
                compareSubsection());
    }

    /**
     * The compare view's switch, the setting B differs in and B's value of it (only the row of the
     * chosen setting shows), and a sentence: what B is, or why this comparison would show nothing.
     * Opens by itself when the view is switched on, so that the settings of B are in sight.
     */
    private TitledPane compareSubsection() {
        ToggleSwitch on = Controls.toggle(Settings.COMPARE, compare.onProperty(), "compareSwitch");
        ComboBox<ComparedSetting> varies = Controls.choices(Settings.COMPARE_VARIES, compare.variesProperty(),
                "compareVariesBox");
        HBox objectiveRow = Controls.row(Settings.COMPARE_OBJECTIVE,
                Controls.choices(Settings.COMPARE_OBJECTIVE, compare.objectiveProperty(), "compareObjectiveBox"));
        HBox scheduleRow = Controls.row(Settings.COMPARE_SCHEDULE,
                Controls.choices(Settings.COMPARE_SCHEDULE, compare.scheduleProperty(), "compareScheduleBox"));
        HBox widthRow = Controls.row(Settings.COMPARE_WIDTH,
                Controls.choices(Settings.COMPARE_WIDTH, compare.widthProperty(), "compareWidthBox"));
        HBox couplingRow = Controls.row(Settings.COMPARE_COUPLING,
                Controls.choices(Settings.COMPARE_COUPLING, compare.couplingProperty(), "compareCouplingBox"));
        java.util.Map<ComparedSetting, HBox> rows = java.util.Map.of(ComparedSetting.OBJECTIVE, objectiveRow,
                ComparedSetting.SCHEDULE, scheduleRow, ComparedSetting.WIDTH, widthRow,
                ComparedSetting.COUPLING, couplingRow);
        rows.forEach((which, row) -> {
            row.visibleProperty().bind(compare.variesProperty().isEqualTo(which));
            row.managedProperty().bind(row.visibleProperty());
        });
        Label said = Widgets.caption("");
        said.setId("compareNotice");
        Runnable say = () -> {
            String problem = compare.problemProperty().get();
            said.setText(problem.isEmpty() ? "B trains beside A from the same seed, with A's other settings; Train, "
                    + "Step and Reset act on both while A vs B is on." : problem);
            said.getStyleClass().removeAll("warning");
            if (!problem.isEmpty()) {
                said.getStyleClass().add("warning");
            }
        };
        compare.problemProperty().addListener(obs -> say.run());
        say.run();
        TitledPane pane = Widgets.subsection("Compare A with B", "compareSubsection",
                Controls.row(Settings.COMPARE, on), Controls.row(Settings.COMPARE_VARIES, varies),
                objectiveRow, scheduleRow, widthRow, couplingRow, said);
        compare.onProperty().addListener((obs, old, now) -> {
            if (now) {
                pane.setExpanded(true);
            }
        });
        return pane;
    }

    private void update() {
        String text;
        if (!training.failureProperty().get().isEmpty()) {
            text = training.failureProperty().get();
        } else if (training.outOfDateProperty().get()) {
            text = "The settings, data or process changed since this model started. It keeps training as it "
                    + "was; \u201cTrain a new model\u201d above the canvas (or Reset) starts one with the new settings."
                    + (training.runInputs().map(i -> i.objective() != Objective.FLOW_MATCHING).orElse(false)
                    ? " Meanwhile it samples under the process shown, read through the change of time and scale "
                    + "(same log-SNR, same denoiser)." : "");
        } else if (training.objectiveProperty().get() == Objective.FLOW_MATCHING) {
            text = "Flow matching trains on the linear path x_t = (1 − t)·x₀ + t·x₁ with x₁ from the source, "
                    + "target x₁ − x₀, whatever the process above.";
        } else {
            text = String.format(Locale.ROOT, "%,d weights.", Architecture.defaults()
                    .withSize(training.widthProperty().get(), training.depthProperty().get()).parameterCount());
        }
        notice.setText(text);
        notice.getStyleClass().removeAll("warning");
        if (!training.failureProperty().get().isEmpty() || training.outOfDateProperty().get()) {
            notice.getStyleClass().add("warning");
        }
    }
}
