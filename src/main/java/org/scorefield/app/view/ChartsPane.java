package org.scorefield.app.view;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.scorefield.app.chart.ErrorNfeChart;
import org.scorefield.app.chart.ReflowChart;
import org.scorefield.app.chart.LossChart;
import org.scorefield.app.chart.ScheduleChart;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SolverComparison;
import org.scorefield.app.panel.Widgets;
import org.scorefield.app.theme.Look;

/**
 * The charts beside the canvas: the schedule (α, σ, log SNR, g² with a marker at t) on top; below,
 * the training loss and the error-versus-NFE comparison of solvers (computed on demand, from the
 * same computation as the {@code solvers} command).
 */
public final class ChartsPane extends VBox {

    private final ExplorerModel model;
    private final ScheduleChart schedule = new ScheduleChart();
    private final LossChart loss = new LossChart();
    private final ErrorNfeChart errors = new ErrorNfeChart();
    private final ReflowChart reflowRounds = new ReflowChart(ReflowChart.View.ROUNDS);
    private final ReflowChart reflowNfe = new ReflowChart(ReflowChart.View.NFE);
    private final org.scorefield.app.chart.PathDensityChart pathDensity = new org.scorefield.app.chart.PathDensityChart();
    private final org.scorefield.app.chart.MemorisationChart memorisation = new org.scorefield.app.chart.MemorisationChart();
    private javafx.scene.control.ToggleButton memorisationTab;
    private final org.scorefield.app.chart.SdfChart sdfChart = new org.scorefield.app.chart.SdfChart();
    /** The lower chart's chooser: tab-like buttons that wrap onto a second line instead of being cut. */
    private final javafx.scene.control.ToggleGroup chooser = new javafx.scene.control.ToggleGroup();
    private final javafx.scene.layout.StackPane lower = new javafx.scene.layout.StackPane();
    private javafx.scene.control.ToggleButton errorTab;

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
                + "model; the exact oracle of 1,000 points takes about 15 s). Sampling and training go on meanwhile."));
        compute.setOnAction(e -> computeErrors());
        compute.setMinWidth(Region.USE_PREF_SIZE);
        SolverComparison comparison = model.comparison();
        Button stop = new Button("Cancel");
        stop.setId("cancelErrors");
        stop.setTooltip(Widgets.tip("Stop the comparison; the chart keeps the previous one, if any."));
        stop.setOnAction(e -> comparison.cancel());
        stop.setMinWidth(Region.USE_PREF_SIZE);
        compute.disableProperty().bind(comparison.runningProperty());
        stop.disableProperty().bind(comparison.runningProperty().not());
        javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar();
        progress.setId("errorsProgress");
        progress.progressProperty().bind(comparison.progressProperty());
        progress.visibleProperty().bind(comparison.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Label hint = Widgets.caption("Lower and further left is better: less error for "
                + "fewer network evaluations.");
        hint.visibleProperty().bind(comparison.runningProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());
        HBox errorBar = new HBox(compute, stop, progress, hint);
        // Not "chart-bar": modena paints that class as a bar of a bar chart (an orange gradient).
        errorBar.getStyleClass().add("chart-actions");
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox.setHgrow(progress, Priority.ALWAYS);
        VBox errorBox = new VBox(errors, errorBar);
        VBox.setVgrow(errors, Priority.ALWAYS);

        javafx.scene.control.ToggleButton lossTab = tab("Loss", "lossTab", loss);
        errorTab = tab("Error vs NFE", "errorTab", errorBox);
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
        javafx.scene.control.ToggleButton reflowTab = tab("Reflow", "reflowTab", reflowBox);
        pathDensity.setId("pathDensityChart");
        javafx.scene.control.ToggleButton pathTab = tab("Likelihood on paths", "pathDensityTab", pathDensity);
        pathTab.setTooltip(Widgets.tip("The exact log-density log p\u209c(x\u209c) of the data at each step of a few "
                + "sampling paths (the first five samples, thin, and the newest clicked paths, thick), with t from "
                + "1 to 0 left to right. The geometry notes claim that a sample's likelihood rises as it is "
                + "sampled: each Euler step mixes the point with a mean-shift step, so it should not lower the "
                + "density p at the step's own starting time; the caption counts the steps where it rose. For a "
                + "model the density is still the data's, at the model's path points (docs/math.md \u00a77.6)."));
        memorisation.setId("memorisationChart");
        memorisationTab = tab("Memorisation", "memorisationTab", memorisation);
        memorisationTab.setTooltip(Widgets.tip("How far each sample lies from its nearest training point, for the "
                + "model's samples and for the memorising oracle's (the exact denoiser of the training points, "
                + "which copies them), from the same starting noise. Left of the dashed line \u03b4, a third of the "
                + "training points' typical spacing, a sample copies a training point. A small model copies 16 "
                + "points and generalises from 4,096: change Data \u25b8 Dataset size and train (docs/math.md "
                + "\u00a711.7)."));
        sdfChart.setId("sdfChart");
        javafx.scene.control.ToggleButton sdfTab = tab("SDF", "sdfTab", sdfChart);
        sdfTab.setTooltip(Widgets.tip("Score-difference flow: SW2 of its particles to the data over the noise floor "
                + "at every iteration, with flow matching from the same particles (exact velocity) as a line "
                + "across (docs/math.md \u00a710.3). Run it in the SDF view."));
        javafx.scene.layout.FlowPane tabRow = new javafx.scene.layout.FlowPane(2, 2, lossTab, errorTab, reflowTab,
                pathTab, memorisationTab, sdfTab);
        tabRow.getStyleClass().add("chart-tabs");
        chooser.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                old.setSelected(true); // one chart is always shown
            } else {
                lower.getChildren().setAll((javafx.scene.Node) t.getUserData());
            }
        });
        lossTab.setSelected(true);
        // A chart redraw costs 5–20 ms of FX time: the Reflow charts are filled when their tab shows.
        model.reflow().roundsProperty().addListener((obs, old, rounds) -> {
            if (rounds.size() > 1) {
                reflowTab.setSelected(true);
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
        VBox.setVgrow(schedule, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        schedule.setPrefHeight(300);
        lower.setPrefHeight(310);
        getChildren().setAll(schedule, tabRow, lower);

        model.onExactPathChange(() -> {
            schedule.setSchedule(model.exactPath().schedule());
            schedule.setGaussian(model.exactPath().source().isGaussian());
        });
        schedule.setTime(model.view().timeProperty().get());
        model.view().timeProperty().addListener((obs, old, t) -> schedule.setTime(t.doubleValue()));
        loss.show(model.training().losses());
        model.training().stepsProperty().addListener((obs, old, steps) -> {
            lossesChanged = true;
            if (steps.longValue() == 0) {
                loss.redraw(); // a reset shows at once
                lossesChanged = false;
            }
        });
        lossFlush.start();
        lossTab.setTooltip(Widgets.tip("The training loss (log scale, left) and, while a model trains, its NLL "
                + "on 1,000 held-out points of the data (right axis, nats, lower is better) with the data's own "
                + "exact NLL on the same points as a dashed line, for mixture presets (docs/math.md \u00a77.6)."));
        model.heldOutNll().curveProperty().addListener((obs, old, curve) -> showNll(curve));
        showNll(model.heldOutNll().curveProperty().get());
        model.pathLikelihood().curvesProperty().addListener((obs, old, curves) -> {
            if (pathTab.isSelected()) {
                showPaths(curves);
            }
        });
        pathTab.selectedProperty().addListener((obs, old, on) -> {
            model.pathLikelihood().setShown(on);
            if (on) {
                showPaths(model.pathLikelihood().curvesProperty().get());
            }
        });
        model.memorisation().figuresProperty().addListener((obs, old, f) -> showMemorisation(f));
        memorisationTab.selectedProperty().addListener((obs, old, on) -> model.memorisation().setShown(on));
        // SDF: the chart follows the run while its tab shows, and shows when the view comes on
        model.sdf().snapshotProperty().addListener((obs, old, s) -> {
            if (sdfTab.isSelected()) {
                showSdf(s);
            }
        });
        sdfTab.selectedProperty().addListener((obs, old, on) -> {
            if (on) {
                showSdf(model.sdf().snapshotProperty().get());
            }
        });
        model.view().sdfProperty().addListener((obs, old, on) -> {
            if (on) {
                sdfTab.setSelected(true);
            }
        });
        if (model.view().sdfProperty().get()) {
            sdfTab.setSelected(true);
        }
        // denoising vs sampling: its likelihood is this chart's
        model.denoising().onProperty().addListener((obs, old, on) -> {
            shownPaths = null;
            if (on) {
                pathTab.setSelected(true);
            }
            if (pathTab.isSelected()) {
                showPaths(model.pathLikelihood().curvesProperty().get());
            }
        });
        if (model.denoising().onProperty().get()) {
            pathTab.setSelected(true);
        }
        model.view().lookProperty().addListener((obs, old, look) -> setLook(look));
        setLook(model.view().lookProperty().get());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {comparison.resultProperty(),
                comparison.runningProperty(), comparison.statusProperty()}) {
            o.addListener(obs -> showComparison());
        }
    }

    /** The comparison as the model has it: running, done, stopped, or none. */
    private void showComparison() {
        SolverComparison comparison = model.comparison();
        var result = comparison.resultProperty().get();
        String status = comparison.statusProperty().get();
        if (result != null && errors.result() != result) {
            errors.setResult(result);
        } else if (result == null && errors.result() != null) {
            errors.clear();
        }
        errors.setBusy(status);
    }

    /** The loss chart redraws at most this often while training (a redraw costs milliseconds of FX time). */
    static final long LOSS_REDRAW_NANOS = 250_000_000L;

    /** Whether the run's losses grew since the loss chart last drew them. */
    private boolean lossesChanged;
    private long lastLossRedraw;
    private final javafx.animation.AnimationTimer lossFlush = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lossesChanged && now - lastLossRedraw >= LOSS_REDRAW_NANOS) {
                lastLossRedraw = now;
                lossesChanged = false;
                loss.redraw();
            }
        }
    };

    /** The held-out NLL over the losses (a reset, an empty curve, clears it). */
    private void showNll(org.scorefield.app.model.HeldOutNll.Curve curve) {
        List<org.scorefield.app.model.HeldOutNll.Point> points = curve.points();
        long[] steps = new long[points.size()];
        double[] nll = new double[points.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = points.get(i).step();
            nll[i] = points.get(i).nll();
        }
        loss.setNll(steps, nll, curve.exactNll(), curve.heldOut());
    }

    private org.scorefield.app.model.PathLikelihood.Curves shownPaths;

    /** The exact log-density along the paths on screen, titled by whose paths they are. */
    private void showPaths(org.scorefield.app.model.PathLikelihood.Curves curves) {
        if (curves == shownPaths) {
            return;
        }
        shownPaths = curves;
        String heading = curves.isEmpty() ? "" : curves.ofModel()
                ? "Exact log p\u209c at the model's path points"
                : "Exact log p\u209c(x\u209c) on the oracle's paths";
        String note = curves.steps() == 0 ? "" : String.format(java.util.Locale.ROOT,
                "%s: %,d of %,d steps raised p at their start t", curves.sampler(), curves.rises(), curves.steps());
        if (model.denoising().onProperty().get() && !curves.denoised().isEmpty()) {
            double[] lands = curves.landings().stream()
                    .mapToDouble(org.scorefield.core.sample.DenoisingLanding.Landing::denoisedTime).toArray();
            pathDensity.showDenoising(curves.samples(), curves.denoised(), lands, curves.ofModel()
                    ? "Exact log p\u209c(x\u209c) and log p\u2080(x\u0302\u2080) at the model's points"
                    : "Exact log p\u209c(x\u209c) and log p\u2080(x\u0302\u2080) on the oracle's paths",
                    String.format(java.util.Locale.ROOT, "dots: the guess lands (stays within %.2f of its end)%s",
                            org.scorefield.core.sample.DenoisingLanding.TOLERANCE, curves.denoised().isEmpty() ? ""
                                    : "  \u00b7  " + curves.sampler()));
            return;
        }
        pathDensity.show(curves.samples(), curves.clicks(), heading, note);
    }

    /** The memorisation histograms of the run on screen. */
    private void showMemorisation(org.scorefield.app.model.MemorisationState.Figures f) {
        memorisation.show(f.model().orElse(null), f.oracle().orElse(null), f.trainingSet(), f.note());
    }

    /** Shows the Memorisation tab (a lesson scene's or a screenshot's view). */
    public void showMemorisationTab() {
        memorisationTab.setSelected(true);
    }

    org.scorefield.app.chart.MemorisationChart memorisationChart() {
        return memorisation;
    }

    private void setLook(Look look) {
        schedule.setLook(look);
        loss.setLook(look);
        errors.setLook(look);
        reflowRounds.setLook(look);
        reflowNfe.setLook(look);
        pathDensity.setLook(look);
        memorisation.setLook(look);
        sdfChart.setLook(look);
    }

    /** The run's SW2/floor per iteration and flow matching's beside it; an empty chart without a run. */
    private void showSdf(org.scorefield.app.model.SdfState.Snapshot s) {
        if (s == null) {
            sdfChart.clear();
            return;
        }
        var flow = s.flow();
        sdfChart.show(s.iterations(), s.ratios(), s.setup().flow().iterations(),
                flow == null ? Double.NaN : flow.sw2Ratio(),
                flow == null ? "" : flow.label());
    }

    org.scorefield.app.chart.SdfChart sdfChart() {
        return sdfChart;
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

    /**
     * The charts as they are shown (the schedule chart over the open tab's chart), drawn now, on the
     * FX thread that owns them, in this format; null when they are hidden.
     */
    public org.scorefield.app.export.Figure.Sized draw(org.scorefield.app.export.Figure.Format format) {
        List<org.jfree.chart.JFreeChart> list = new java.util.ArrayList<>();
        List<double[]> sizes = new java.util.ArrayList<>();
        for (var c : shown()) {
            if (c.getScene() != null && c.getWidth() >= 1 && c.getHeight() >= 1) {
                list.add(c.getChart());
                sizes.add(new double[] {c.getWidth(), c.getHeight()});
            }
        }
        if (list.isEmpty()) {
            return null;
        }
        return new org.scorefield.app.export.Figure.Sized(org.scorefield.app.export.Figure.drawCharts(list, sizes, format),
                sizes.stream().mapToDouble(z -> z[0]).max().orElse(0), sizes.stream().mapToDouble(z -> z[1]).sum());
    }

    /** The charts on screen, top to bottom: the schedule chart and the one of the open tab. */
    java.util.List<org.scorefield.app.chart.LectureChart> shown() {
        java.util.List<org.scorefield.app.chart.LectureChart> out = new java.util.ArrayList<>();
        out.add(schedule);
        javafx.scene.Node content = (javafx.scene.Node) chooser.getSelectedToggle().getUserData();
        for (org.scorefield.app.chart.LectureChart c : new org.scorefield.app.chart.LectureChart[] {loss, errors,
            reflowRounds, reflowNfe, pathDensity, memorisation, sdfChart}) {
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

    /** A tab-like button that shows its chart below. */
    private javafx.scene.control.ToggleButton tab(String text, String id, javafx.scene.Node content) {
        javafx.scene.control.ToggleButton tab = new javafx.scene.control.ToggleButton(text);
        tab.setId(id);
        tab.setUserData(content);
        tab.setToggleGroup(chooser);
        tab.getStyleClass().add("chart-tab");
        tab.setMinWidth(USE_PREF_SIZE);
        return tab;
    }

    LossChart lossChart() {
        return loss;
    }

    ErrorNfeChart errorChart() {
        return errors;
    }

    org.scorefield.app.chart.PathDensityChart pathDensityChart() {
        return pathDensity;
    }


    /** Runs the solver comparison for whatever drives sampling now, and shows its tab. */
    public void computeErrors() {
        errorTab.setSelected(true);
        model.comparison().compute();
    }
}
