package org.scorefield.app.view;

import java.util.Locale;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SamplingState;
import org.scorefield.app.model.UndoHistory;
import org.scorefield.app.panel.Widgets;
import org.scorefield.core.nn.TrainingWorker;

/**
 * The status bar: Undo and Redo, and the latest message, on the left; on the right the background job that has run
 * longer than {@value #SHOW_AFTER_MS} ms, with its progress and Cancel, then the seeds, the NFE of
 * the samples on screen, the training speed, and SW2 of the samples against its noise floor (≈ 1
 * means as close as two independent draws of the data are to each other).
 */
final class ExplorerStatusBar extends StatusBar {

    /** A job shows here once it has run this long: quicker ones would only flicker. */
    static final long SHOW_AFTER_MS = 500;

    private final ExplorerModel model;
    private final Label figures = new Label();
    private final Label jobTitle = new Label();
    private final javafx.scene.control.ProgressBar jobProgress = new javafx.scene.control.ProgressBar();
    private final javafx.scene.control.Button jobCancel = new javafx.scene.control.Button("Cancel");
    private final javafx.scene.layout.HBox jobBox = new javafx.scene.layout.HBox(6, jobTitle, jobProgress, jobCancel);
    private final javafx.animation.Timeline jobClock = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.millis(250), e -> showJob()));
    private org.scorefield.app.jobs.Job<?> shownJob;

    ExplorerStatusBar(ExplorerModel model) {
        this.model = model;
        setId("statusBar");
        getStyleClass().add("explorer-status");
        figures.setId("statusFigures");
        // the whole line, and what its figures mean, where the bar is too narrow to show it all
        javafx.scene.control.Tooltip explained = Widgets.tip("");
        explained.textProperty().bind(figures.textProperty().concat("\n\nSW2/floor: the sliced Wasserstein "
                + "distance of the samples to fresh data over that of two fresh draws (\u2248 1: as close as the "
                + "data to itself). Guided to a class: the share the exact classifier puts in the class, SW2/floor "
                + "to the class's own distribution and to the tilted density p\u00b7p(c | x)^\u03c9 "
                + "(docs/math.md \u00a79.3). With a Dataset size of 16 to 4,096 points the data is a fixed draw: "
                + "SW2/floor is then measured against those training points, so a model that copies them scores "
                + "about 1, and \"vs moons\" (or the preset's name) against the preset itself (docs/math.md "
                + "\u00a711.7).\n\nNLL: the model's mean \u2212log p\u2080 in nats (lower is better) on "
                + "1,000 held-out points, fresh draws of the preset with a fixed seed (drawn or imported data: "
                + "1,000 of its own points, marked \"train\"), by the likelihood ODE with RK4 in 12 steps uniform "
                + "in log-SNR, every 250 training steps or less often and when training pauses; exact: the "
                + "data's own NLL on the same points, for mixture presets (docs/math.md \u00a77.6)."));
        figures.setTooltip(explained);
        jobBox.setId("statusJob");
        jobBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        jobBox.getStyleClass().add("status-job");
        jobCancel.setId("statusJobCancel");
        jobCancel.setTooltip(Widgets.tip("Stop this work; what it would have changed stays as it was."));
        jobCancel.setOnAction(e -> {
            if (shownJob != null) {
                shownJob.cancel();
            }
        });
        jobProgress.setPrefWidth(120);
        jobBox.setPadding(new javafx.geometry.Insets(0, 16, 0, 0)); // apart from the figures beside it
        // Always laid out, so the bar keeps the height of its Cancel button and the canvas above
        // never moves; hidden, it has no width.
        showJobBox(false);
        jobClock.setCycleCount(javafx.animation.Animation.INDEFINITE);
        model.jobs().addListener(running -> {
            showJob();
            if (running.isEmpty()) {
                jobClock.stop();
            } else if (jobClock.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                jobClock.play(); // to show a job once it has run long enough
            }
        });
        getRightItems().addAll(jobBox, figures);
        javafx.scene.layout.HBox undoBox = new javafx.scene.layout.HBox(4, undoButton(true), undoButton(false));
        undoBox.setPadding(new javafx.geometry.Insets(0, 8, 0, 0)); // apart from the message beside it
        getLeftItems().add(undoBox);
        textProperty().bind(model.messageProperty());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.data().seedProperty(),
                model.sampling().seedProperty(), model.training().seedProperty(), model.sampling().runsProperty(),
                model.training().stepsPerSecondProperty(), model.training().stateProperty(),
                model.sampling().busyProperty(), model.view().splitProperty(),
                model.heldOutNll().curveProperty()}) {
            o.addListener(obs -> update());
        }
        update();
    }

    /**
     * Undo or Redo, beside the message that says what they did, enabled while there is a step to
     * take, its tooltip naming the step ("Undo Clear (1,000 points)").
     */
    private javafx.scene.control.Button undoButton(boolean undo) {
        UndoHistory history = model.undo();
        javafx.beans.property.ReadOnlyStringProperty next = undo ? history.nextUndoProperty()
                : history.nextRedoProperty();
        javafx.scene.control.Button b = new javafx.scene.control.Button(undo ? "Undo" : "Redo");
        b.setId(undo ? "undoButton" : "redoButton");
        b.getStyleClass().add("status-undo");
        b.setFocusTraversable(false); // the keys stay the canvas's
        b.setOnAction(e -> {
            if (undo) {
                history.undo();
            } else {
                history.redo();
            }
        });
        b.disableProperty().bind(next.isEmpty());
        javafx.scene.control.Tooltip tip = Widgets.tip("");
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> (undo ? "Undo " : "Redo ")
                + next.get() + (undo ? " (Ctrl+Z)." : " (Ctrl+Shift+Z or Ctrl+Y)."), next));
        b.setTooltip(tip);
        return b;
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
            boolean oneClass = main.guided().map(g -> !g.eachOwnClass()).orElse(false);
            if (!oneClass) { // a class's samples are judged against the class, not the whole data
                appendQuality(s, runs.single() != null ? "SW2/floor" : "ODE SW2/floor", main, true);
                if (runs.sde() != null) {
                    appendQuality(s, "SDE", runs.sde(), false);
                }
            }
            appendGuided(s, runs.single() != null ? "" : "ODE ", main);
            if (runs.sde() != null) {
                appendGuided(s, "SDE ", runs.sde());
            }
        }
        if (model.training().stateProperty().get() == TrainingWorker.State.RUNNING
                && Double.isFinite(model.training().stepsPerSecondProperty().get())) {
            s.append(String.format(Locale.ROOT, "  ·  %,.0f steps/s", model.training().stepsPerSecondProperty().get()));
        }
        appendNll(s, model.heldOutNll().curveProperty().get());
        figures.setText(s.toString());
    }

    /** "NLL 1.34 nats (exact 1.31)" of the newest held-out measurement; "train NLL" on drawn points. */
    private static void appendNll(StringBuilder s, org.scorefield.app.model.HeldOutNll.Curve curve) {
        org.scorefield.app.model.HeldOutNll.Point p = curve.latest();
        if (!curve.unavailable().isEmpty()) {
            s.append("  \u00b7  no NLL: ").append(curve.unavailable());
            return;
        }
        if (p == null || !Double.isFinite(p.nll())) {
            return;
        }
        s.append(String.format(Locale.ROOT, "  \u00b7  %sNLL %.2f nats", curve.heldOut() ? "" : "train ", p.nll()));
        if (Double.isFinite(curve.exactNll())) {
            s.append(String.format(Locale.ROOT, " (exact %.2f)", curve.exactNll()));
        }
    }

    /** The oldest titled job that has run long enough, with its progress; nothing when there is none. */
    private void showJob() {
        long now = System.nanoTime();
        org.scorefield.app.jobs.Job<?> job = model.jobs().running().stream()
                .filter(j -> !j.title().isEmpty() && !j.cancelled() && j.startedNanos() != 0
                        && now - j.startedNanos() >= SHOW_AFTER_MS * 1_000_000)
                .findFirst().orElse(null);
        shownJob = job;
        showJobBox(job != null);
        if (job != null) {
            jobTitle.setText(job.title() + (job.phase().isEmpty() ? "…" : ": " + job.phase()));
            jobProgress.setProgress(job.fraction() < 0 ? -1 : job.fraction());
            jobCancel.setDisable(job.committed()); // its file is being put in place: too late to stop
        }
    }

    private void showJobBox(boolean on) {
        jobBox.setVisible(on);
        double width = on ? javafx.scene.layout.Region.USE_COMPUTED_SIZE : 0;
        jobBox.setMinWidth(width);
        jobBox.setPrefWidth(width);
        jobBox.setMaxWidth(on ? Double.MAX_VALUE : 0);
    }

    /** A guided run's figures against its class, prefixed with the run's name in the split view. */
    private static void appendGuided(StringBuilder s, String run, SamplingState.Run r) {
        r.guided().ifPresent(g -> s.append(g.eachOwnClass()
                ? String.format(Locale.ROOT, "  ·  %s%s in their own class", run, percent(g.classFraction()))
                : String.format(Locale.ROOT, "  ·  %s%s in class %d  ·  SW2/floor: class %s, tilted %s", run,
                        percent(g.classFraction()), r.guidance().target(), ratio(g.sw2Class().ratio()),
                        ratio(g.sw2Tilted().ratio()))));
    }

    /** "97%", or "–" for a share that could not be measured. */
    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f%%", 100 * share) : "\u2013";
    }

    /** "1.37", or "–" where the floor is 0 (a class of one repeated point) or the ratio is not finite. */
    private static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f", r) : "\u2013";
    }

    /**
     * "SW2/floor 1.00", and where the data is a fixed draw of a preset what that is measured against and
     * the ratio against the preset itself: "SW2/floor 1.00 (vs the 16 training points)  ·  vs moons 1.93"
     * (the split view's second run without the parenthesis). A model that copies its 16 points scores
     * about 1 against them, and far more against the preset (docs/math.md §11.7).
     */
    static void appendQuality(StringBuilder s, String name, SamplingState.Run run, boolean sayAgainstWhat) {
        run.sw2OverFloor().ifPresent(r -> {
            s.append("  ·  ").append(name).append(' ').append(ratio(r));
            run.vsPreset().ifPresent(v -> {
                if (sayAgainstWhat) {
                    s.append(String.format(Locale.ROOT, " (vs the %,d training point%s)", v.draw().n(),
                            v.draw().n() == 1 ? "" : "s"));
                }
                s.append(String.format(Locale.ROOT, "  ·  vs %s %s", v.draw().preset().id(), ratio(v.sw2().ratio())));
            });
        });
    }
}
