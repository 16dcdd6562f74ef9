package org.scorefield.app;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scorefield.app.chart.ErrorNfeChart;
import org.scorefield.app.chart.ReflowChart;
import org.scorefield.app.chart.LossChart;
import org.scorefield.app.chart.ScheduleChart;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.metric.ErrorVersusNfe;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;

/**
 * The charts beside the canvas: the schedule (α, σ, log SNR, g² with a marker at t) on top; below,
 * the training loss and the error-versus-NFE comparison of solvers (computed on demand, from the
 * same computation as the {@code solvers} command).
 */
final class ChartsPane extends VBox {

    /** Solvers compared in the error-versus-NFE chart. */
    static final List<SamplerKind> SOLVERS = List.of(SamplerKind.EULER, SamplerKind.HEUN, SamplerKind.DPM2M,
            SamplerKind.DDIM, SamplerKind.RK4);
    static final int[] STEPS = {4, 8, 16, 32, 64};
    /** Start points of the comparison. */
    static final int POINTS = 256;

    private final ExplorerModel model;
    private final ScheduleChart schedule = new ScheduleChart();
    private final LossChart loss = new LossChart();
    private final ErrorNfeChart errors = new ErrorNfeChart();
    private final ReflowChart reflowRounds = new ReflowChart(ReflowChart.View.ROUNDS);
    private final ReflowChart reflowNfe = new ReflowChart(ReflowChart.View.NFE);
    private final TabPane tabs = new TabPane();

    ChartsPane(ExplorerModel model) {
        this.model = model;
        getStyleClass().add("charts-pane");
        setMinWidth(240);
        setPrefWidth(420);
        schedule.setId("scheduleChart");
        loss.setId("lossChart");
        errors.setId("errorChart");

        Button compute = new Button("Compute");
        compute.setId("computeErrors");
        compute.setTooltip(Widgets.tip("Run every solver at 4 to 64 steps from the same 256 start points and "
                + "measure how far each lands from a very accurate reference solution (a few seconds with a trained "
                + "model; the exact oracle of 1,000 points takes about 15 s)."));
        compute.setOnAction(e -> computeErrors());
        compute.setMinWidth(Region.USE_PREF_SIZE);
        HBox errorBar = new HBox(compute, Widgets.caption("Lower and further left is better: less error for "
                + "fewer network evaluations."));
        // Not "chart-bar": modena paints that class as a bar of a bar chart (an orange gradient).
        errorBar.getStyleClass().add("chart-actions");
        HBox.setHgrow(errorBar.getChildren().get(1), Priority.ALWAYS);
        VBox errorBox = new VBox(errors, errorBar);
        VBox.setVgrow(errors, Priority.ALWAYS);

        Tab lossTab = new Tab("Loss", loss);
        lossTab.setId("lossTab");
        Tab errorTab = new Tab("Error vs NFE", errorBox);
        errorTab.setId("errorTab");
        reflowRounds.setId("reflowChart");
        reflowNfe.setId("reflowNfeChart");
        // One chart at a time, with the whole height: two stacked leave a small pane no room for a plot.
        javafx.scene.control.ToggleButton perRound = new javafx.scene.control.ToggleButton("Per round");
        perRound.setId("reflowPerRound");
        perRound.setTooltip(Widgets.tip("Straightness, 1- and 2-step SW2 over the floor, and transport cost, "
                + "against the round."));
        javafx.scene.control.ToggleButton byNfe = new javafx.scene.control.ToggleButton("Against NFE");
        byNfe.setId("reflowByNfe");
        byNfe.setTooltip(Widgets.tip("SW2 over the floor against the number of Euler steps, one line per round: "
                + "a straight flow samples as well in 1 step as in 16."));
        org.controlsfx.control.SegmentedButton which = new org.controlsfx.control.SegmentedButton(perRound, byNfe);
        perRound.setSelected(true);
        javafx.scene.layout.StackPane reflowCharts = new javafx.scene.layout.StackPane(reflowRounds);
        which.getToggleGroup().selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                old.setSelected(true);
            } else {
                reflowCharts.getChildren().setAll(t == perRound ? reflowRounds : reflowNfe);
            }
        });
        HBox reflowBar = new HBox(which);
        reflowBar.getStyleClass().add("chart-actions");
        VBox reflowBox = new VBox(reflowCharts, reflowBar);
        VBox.setVgrow(reflowCharts, Priority.ALWAYS);
        Tab reflowTab = new Tab("Reflow", reflowBox);
        reflowTab.setId("reflowTab");
        tabs.getTabs().setAll(lossTab, errorTab, reflowTab);
        // A chart redraw costs 5–20 ms of FX time: the Reflow charts are filled when their tab shows.
        model.reflow().roundsProperty().addListener((obs, old, rounds) -> {
            if (rounds.size() > 1) {
                tabs.getSelectionModel().select(reflowTab);
            }
            if (reflowTab.isSelected()) {
                showRounds(rounds);
            }
        });
        reflowTab.selectedProperty().addListener((obs, old, on) -> {
            if (on) {
                showRounds(model.reflow().rounds());
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(schedule, Priority.ALWAYS);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        schedule.setPrefHeight(300);
        tabs.setPrefHeight(340);
        getChildren().setAll(schedule, tabs);

        model.onExactPathChange(() -> schedule.setSchedule(model.exactPath().schedule()));
        schedule.setTime(model.timeProperty().get());
        model.timeProperty().addListener((obs, old, t) -> schedule.setTime(t.doubleValue()));
        model.training().onLosses(pendingLosses::append);
        model.training().onReset(() -> {
            pendingLosses.clear();
            loss.clear();
        });
        lossFlush.start();
        model.lookProperty().addListener((obs, old, look) -> setLook(look));
        setLook(model.lookProperty().get());
        // A new model, process or data makes an old comparison stale.
        model.training().modelProperty().addListener((obs, old, m) -> {
            if (m == null) {
                errors.clear();
            }
        });
        model.process().scheduleProperty().addListener(obs -> errors.clear());
    }

    /** The loss chart redraws at most this often while training (a redraw costs milliseconds of FX time). */
    static final long LOSS_REDRAW_NANOS = 250_000_000L;

    private final LossBuffer pendingLosses = new LossBuffer();
    private long lastLossRedraw;
    private final javafx.animation.AnimationTimer lossFlush = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!pendingLosses.isEmpty() && now - lastLossRedraw >= LOSS_REDRAW_NANOS) {
                lastLossRedraw = now;
                pendingLosses.drain(loss::append);
            }
        }
    };

    private void setLook(Look look) {
        schedule.setLook(look);
        loss.setLook(look);
        errors.setLook(look);
        reflowRounds.setLook(look);
        reflowNfe.setLook(look);
    }

    private List<org.scorefield.core.flow.Reflow.Round> shownRounds = List.of();

    private void showRounds(List<org.scorefield.core.flow.Reflow.Round> rounds) {
        if (rounds == shownRounds) {
            return;
        }
        shownRounds = rounds;
        List<org.scorefield.core.flow.Reflow.Metrics> metrics = rounds.stream()
                .map(org.scorefield.core.flow.Reflow.Round::metrics).toList();
        reflowRounds.setRounds(metrics);
        reflowNfe.setRounds(metrics);
    }

    ReflowChart reflowChart() {
        return reflowRounds;
    }

    ReflowChart reflowNfeChart() {
        return reflowNfe;
    }

    /** The charts on screen, top to bottom: the schedule chart and the one of the open tab. */
    java.util.List<org.scorefield.app.chart.LectureChart> shown() {
        java.util.List<org.scorefield.app.chart.LectureChart> out = new java.util.ArrayList<>();
        out.add(schedule);
        javafx.scene.Node content = tabs.getSelectionModel().getSelectedItem().getContent();
        for (org.scorefield.app.chart.LectureChart c : new org.scorefield.app.chart.LectureChart[] {loss, errors,
            reflowRounds, reflowNfe}) {
            if (isInside(c, content)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node root) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    LossChart lossChart() {
        return loss;
    }

    ErrorNfeChart errorChart() {
        return errors;
    }


    /** Runs the solver comparison for whatever drives sampling now. */
    void computeErrors() {
        DenoiserChoice choice = model.samplingChoice();
        long seed = model.sampling().seedProperty().get();
        List<SamplerSettings> settings = SOLVERS.stream()
                .map(k -> SamplerSettings.defaults(k).withGrid(model.sampling().gridProperty().get())).toList();
        errors.setBusy("Computing error against NFE for the " + choice.label() + "…");
        tabs.getSelectionModel().select(1);
        model.work().submit("errors", BackgroundWork.Lane.LONG, () -> {
            Denoiser denoiser = choice.create();
            return ErrorVersusNfe.compute(denoiser, choice.start(), settings, STEPS, POINTS, seed,
                    ErrorVersusNfe.DEFAULT_REFERENCE_STEPS);
        }, errors::setResult);
    }
}
