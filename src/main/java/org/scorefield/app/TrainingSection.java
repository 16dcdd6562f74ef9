package org.scorefield.app;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainingWorker;

/**
 * The Model &amp; training section: objective, network size, learning rate, batch and EMA; Train,
 * Pause, Step and Reset; the live figures (steps, loss, steps per second); and whether samples
 * refresh while the model trains.
 */
final class TrainingSection {

    static final Integer[] WIDTHS = {32, 64, 128, 256};
    static final Integer[] BATCHES = {128, 256, 512, 1024, 2048};
    static final Double[] LEARNING_RATES = {1e-3, 3e-3, 1e-2, 3e-2};

    private final TrainingState training;
    private final Label figures = new Label();
    private final Label notice = Widgets.caption("");

    private final java.util.function.Supplier<org.scorefield.core.data.PointSet> canvasPoints;

    /** @param canvasPoints the data points on the canvas now, which can become the flow's source */
    TrainingSection(TrainingState training, java.util.function.Supplier<org.scorefield.core.data.PointSet> canvasPoints) {
        this.training = training;
        this.canvasPoints = canvasPoints;
    }

    TitledPane build() {
        ComboBox<Objective> objective = Widgets.choices(Objective.values(), training.objectiveProperty().get(),
                Objective::displayName);
        objective.setId("objectiveBox");
        objective.valueProperty().bindBidirectional(training.objectiveProperty());

        ComboBox<TrainingState.SourceOption> source = Widgets.choices(
                TrainingState.SourceOption.all().toArray(TrainingState.SourceOption[]::new),
                training.sourceProperty().get(), TrainingState.SourceOption::label);
        source.setId("sourceBox");
        source.getItems().add(TrainingState.SourceOption.FROM_CANVAS);
        source.valueProperty().bindBidirectional(training.sourceProperty());
        // A source a session brought (drawn points) joins the list, before "the points on the canvas".
        // Inserting it moves the combo's selection onto the shifted last item, so the choice is made
        // again, and that passing selection is not taken for "the points on the canvas".
        boolean[] inserting = {false};
        training.sourceProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !source.getItems().contains(chosen)) {
                inserting[0] = true;
                try {
                    source.getItems().add(source.getItems().size() - 1, chosen);
                    source.setValue(chosen);
                } finally {
                    inserting[0] = false;
                }
            }
        });
        // "The points on the canvas now" becomes a snapshot of them: draw a shape, pick this, then change the data.
        source.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen == TrainingState.SourceOption.FROM_CANVAS && !inserting[0]) {
                org.scorefield.core.data.PointSet points = canvasPoints.get();
                if (points.size() == 0) {
                    javafx.application.Platform.runLater(() -> source.setValue(old));
                    return;
                }
                TrainingState.SourceOption snapshot = TrainingState.SourceOption.snapshot(points);
                javafx.application.Platform.runLater(() -> {
                    source.getItems().add(source.getItems().size() - 1, snapshot);
                    source.setValue(snapshot);
                });
            }
        });
        ComboBox<CouplingKind> coupling = Widgets.choices(CouplingKind.values(), training.couplingProperty().get(),
                CouplingKind::displayName);
        coupling.setId("couplingBox");
        coupling.valueProperty().bindBidirectional(training.couplingProperty());
        Slider epsilon = new Slider(-2, 1, Math.log10(training.sinkhornEpsilonProperty().get())); // log10 ε
        epsilon.setId("sinkhornEpsilonSlider");
        epsilon.valueProperty().addListener((obs, old, v) -> training.sinkhornEpsilonProperty().set(
                Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, v.doubleValue())))));
        training.sinkhornEpsilonProperty().addListener((obs, old, e) -> {
            if (Math.abs(Math.log10(e.doubleValue()) - epsilon.getValue()) > 0.01) {
                epsilon.setValue(Math.log10(e.doubleValue()));
            }
        });
        Label epsilonValue = new Label();
        epsilonValue.getStyleClass().add("slider-value");
        epsilonValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.2g",
                training.sinkhornEpsilonProperty().get()), training.sinkhornEpsilonProperty()));
        HBox epsilonBox = new HBox(epsilon, epsilonValue);
        epsilonBox.getStyleClass().add("slider-row");
        HBox.setHgrow(epsilon, Priority.ALWAYS);
        HBox epsilonRow = Widgets.row("Sinkhorn ε", epsilonBox, "Entropic regularisation of the Sinkhorn coupling, "
                + "in units of squared distance: small ε pairs almost as exact OT does, large ε almost at random.");
        epsilonRow.disableProperty().bind(training.couplingProperty().isNotEqualTo(CouplingKind.SINKHORN));
        VBox flowRows = new VBox(
                Widgets.row("Source", source, "Where the flow starts at t = 1: the standard normal N(0, I), or another "
                        + "distribution, so that the model carries one distribution to another. \"The points on the "
                        + "canvas now\" keeps a copy of the current data as the source: draw a shape, pick it, then "
                        + "choose or draw the data it should flow to."),
                Widgets.row("Coupling", coupling, "How each training batch pairs data points x₀ with source points x₁: "
                        + "at random (independent), by the exact assignment that minimises Σ‖x₀ − x₁‖² within the "
                        + "batch (minibatch OT, in chunks of " + Coupling.CHUNK + "), or by the entropic Sinkhorn plan. "
                        + "Paired batches cross less, so the learned paths are straighter."),
                epsilonRow);
        flowRows.setId("flowRows");
        flowRows.getStyleClass().add("flow-rows");
        flowRows.visibleProperty().bind(training.objectiveProperty().isEqualTo(Objective.FLOW_MATCHING));
        flowRows.managedProperty().bind(flowRows.visibleProperty());

        ComboBox<Integer> width = Widgets.choices(WIDTHS, training.widthProperty().get(), w -> w + " units");
        width.setId("widthBox");
        width.valueProperty().addListener((obs, old, w) -> training.widthProperty().set(w));
        // and back: a session opened or a test sets the property, the control shows it
        training.widthProperty().addListener((obs, old, w) -> width.setValue(w.intValue()));
        Spinner<Integer> depth = new Spinner<>(1, 6, training.depthProperty().get());
        depth.setId("depthSpinner");
        depth.valueProperty().addListener((obs, old, d) -> training.depthProperty().set(d));
        training.depthProperty().addListener((obs, old, d) -> depth.getValueFactory().setValue(d.intValue()));
        ComboBox<Double> rate = Widgets.choices(LEARNING_RATES, training.learningRateProperty().get(),
                lr -> String.format(Locale.ROOT, "%.0e", lr).replace("e-0", "e-"));
        rate.setId("learningRateBox");
        rate.valueProperty().addListener((obs, old, lr) -> training.learningRateProperty().set(lr));
        training.learningRateProperty().addListener((obs, old, lr) -> rate.setValue(lr.doubleValue()));
        ComboBox<Integer> batch = Widgets.choices(BATCHES, training.batchProperty().get(), b -> b + " points");
        batch.setId("batchBox");
        batch.valueProperty().addListener((obs, old, b) -> training.batchProperty().set(b));
        training.batchProperty().addListener((obs, old, b) -> batch.setValue(b.intValue()));
        ToggleSwitch ema = new ToggleSwitch();
        ema.setId("emaSwitch");
        ema.selectedProperty().bindBidirectional(training.emaProperty());
        SeedField seed = new SeedField(training.seedProperty(), "trainSeed", "the initial weights and the training noise");

        Button train = new Button("Train");
        train.setId("trainButton");
        train.setDefaultButton(false);
        train.textProperty().bind(Bindings.createStringBinding(() -> running() ? "Pause" : "Train",
                training.stateProperty(), training.startingProperty()));
        train.setTooltip(Widgets.tip("Start or pause training (key T). Training runs in the background: "
                + "keep scrubbing, sampling and looking while the model learns."));
        train.setOnAction(e -> training.toggle());
        train.getStyleClass().add("primary");
        Button step = new Button("Step");
        step.setId("stepButton");
        step.setTooltip(Widgets.tip("One optimiser step on one batch (key S)."));
        step.setOnAction(e -> training.step());
        step.disableProperty().bind(Bindings.createBooleanBinding(this::running, training.stateProperty(),
                training.startingProperty()));
        Button reset = new Button("Reset");
        reset.setId("resetButton");
        reset.setTooltip(Widgets.tip("Throw the model away and start again from its seeded initial weights, "
                + "with the settings, data and process shown now."));
        reset.setOnAction(e -> training.reset());
        HBox buttons = new HBox(6, train, step, reset);
        buttons.getStyleClass().add("button-row");
        for (Button b : new Button[] {train, step, reset}) {
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setMaxWidth(Double.MAX_VALUE);
        }

        figures.setId("trainingFigures");
        figures.getStyleClass().add("figures");
        figures.setWrapText(true);
        notice.setId("trainingNotice");
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {training.stepsProperty(),
                training.lossProperty(), training.stepsPerSecondProperty(), training.stateProperty(),
                training.failureProperty(), training.outOfDateProperty(), training.startingProperty(),
                training.objectiveProperty()}) {
            o.addListener(obs -> update());
        }
        update();

        ToggleSwitch refresh = new ToggleSwitch();
        refresh.setId("refreshSwitch");
        refresh.selectedProperty().bindBidirectional(training.refreshSamplesProperty());
        Spinner<Integer> every = new Spinner<>(100, 10_000, training.refreshEveryProperty().get(), 100);
        every.setId("refreshEvery");
        every.setEditable(true);
        every.setPrefWidth(100);
        every.valueProperty().addListener((obs, old, n) -> training.refreshEveryProperty().set(n));
        training.refreshEveryProperty().addListener((obs, old, n) -> every.getValueFactory().setValue(n.intValue()));
        every.disableProperty().bind(refresh.selectedProperty().not());

        return Widgets.section("Model & training", "trainingSection",
                Widgets.row("Objective", objective, "What the network learns to predict. The default, EDM's "
                        + "preconditioned denoiser, trains fastest here; flow matching uses the straight "
                        + "(linear) path between data and noise."),
                flowRows,
                Widgets.row("Width", width, "Units per hidden layer: more can fit finer shapes, but train slower."),
                Widgets.row("Depth", depth, "Number of hidden layers."),
                Widgets.row("Learning rate", rate, "How big each optimiser (Adam) step is. Too large and the "
                        + "loss jumps about or training fails; too small and it crawls."),
                Widgets.row("Batch", batch, "Data points per training step."),
                Widgets.row("EMA", ema, "Sample with an exponential moving average of the weights: smoother "
                        + "results than the latest weights."),
                Widgets.row("Seed", seed, "The seed of the training run."),
                buttons, figures, notice,
                Widgets.row("Resample", refresh, "Sample again while training, so you can watch the samples "
                        + "improve."),
                Widgets.row("every (steps)", every, "How many training steps between two refreshes of the samples."));
    }

    private boolean running() {
        return training.startingProperty().get() || training.stateProperty().get() == TrainingWorker.State.RUNNING;
    }

    private void update() {
        long steps = training.stepsProperty().get();
        double loss = training.lossProperty().get();
        double speed = training.stepsPerSecondProperty().get();
        figures.setText(training.startingProperty().get() ? "Starting…" : String.format(Locale.ROOT,
                "%,d steps   loss %s   %s", steps, Double.isFinite(loss) ? String.format(Locale.ROOT, "%.4f", loss) : "–",
                Double.isFinite(speed) ? String.format(Locale.ROOT, "%,.0f steps/s", speed) : ""));
        String text;
        if (!training.failureProperty().get().isEmpty()) {
            text = training.failureProperty().get();
        } else if (training.outOfDateProperty().get()) {
            text = "The settings, data or process changed since this model started. It keeps training as it "
                    + "was; press Reset to train a new one with the new settings.";
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
