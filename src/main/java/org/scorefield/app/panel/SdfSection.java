package org.scorefield.app.panel;

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
import org.scorefield.app.model.SdfState;
import org.scorefield.app.settings.Settings;

/**
 * The Score-difference flow section (docs/math.md §10): where the particles start, σ (fixed or
 * annealed to σ_end), the step η in units of σ², the iterations and the seed, Run with its progress and
 * Cancel, Reset, and whether the two denoisers are drawn. The SDF view shows the run; coming on, it
 * opens this section.
 */
public final class SdfSection {

    private final ExplorerModel model;

    public SdfSection(ExplorerModel model) {
        this.model = model;
    }

    public TitledPane build() {
        SdfState sdf = model.sdf();
        Label intro = Widgets.caption("Score-difference flow (Weber 2023) moves particles to the data without a "
                + "network: y \u2190 y + \u03b7\u00b7(D_p(z; \u03c3) \u2212 D_q(z; \u03c3))/\u03c3\u00b2 at "
                + "z = y + \u03c3\u03be, D_p and D_q the kernel denoisers of the data and of the particles. The "
                + "SDF view shows it beside flow matching from the same particles.");
        ComboBox<String> source = Controls.choices(Settings.SDF_SOURCE, sdf.sourceProperty(), "sdfSource");
        HBox sigma = Controls.slider(Settings.SDF_SIGMA, sdf.sigmaProperty(), "sdfSigma");
        ToggleSwitch anneal = Controls.toggle(Settings.SDF_ANNEAL, sdf.annealProperty(), "sdfAnneal");
        HBox sigmaEnd = Controls.slider(Settings.SDF_SIGMA_END, sdf.sigmaEndProperty(), "sdfSigmaEnd");
        sigmaEnd.disableProperty().bind(sdf.annealProperty().not());
        HBox eta = Controls.slider(Settings.SDF_ETA, sdf.etaProperty(), "sdfEta");
        Spinner<Integer> iterations = Controls.spinner(Settings.SDF_ITERATIONS, sdf.iterationsProperty(),
                "sdfIterations");
        SeedField seed = Controls.seed(Settings.SDF_SEED, sdf.seedProperty(), "sdfSeed");
        ToggleSwitch fields = Controls.toggle(Settings.SDF_FIELDS, sdf.fieldsProperty(), "sdfFields");

        Button useCanvas = new Button("Use the canvas as source");
        useCanvas.setId("sdfUseCanvas");
        useCanvas.setMaxWidth(Double.MAX_VALUE);
        useCanvas.setTooltip(Widgets.tip("Copy the points on the canvas as the particles' source (shared with flow "
                + "matching's source under Model & training), then choose or draw the data they should flow to."));
        useCanvas.setOnAction(e -> {
            try {
                model.training().useAsSource(model.data().data().points());
                sdf.sourceProperty().set(Settings.SOURCE_POINTS);
            } catch (org.scorefield.core.InvalidInputException ex) {
                model.messageProperty().set(ex.getMessage());
            }
        });
        Button run = new Button("Run");
        run.setId("sdfRun");
        run.getStyleClass().add("primary");
        run.setTooltip(Widgets.tip("Start from the source again with these settings and move the particles, "
                + "in the SDF view (which this switches on)."));
        run.setOnAction(e -> {
            model.view().sdfProperty().set(true);
            sdf.run();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("sdfCancel");
        cancel.setTooltip(Widgets.tip("Stop the run; the particles stay where they are."));
        cancel.setOnAction(e -> sdf.cancel());
        cancel.disableProperty().bind(sdf.runningProperty().not());
        Button reset = new Button("Reset");
        reset.setId("sdfReset");
        reset.setTooltip(Widgets.tip("Forget the run: only the data is shown until the next Run."));
        reset.setOnAction(e -> sdf.reset());
        HBox buttons = new HBox(6, run, cancel, reset);
        buttons.getStyleClass().add("button-row");
        for (Button b : new Button[] {run, cancel, reset}) {
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setMaxWidth(Double.MAX_VALUE);
        }
        ProgressBar progress = new ProgressBar();
        progress.setId("sdfProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(sdf.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        sdf.snapshotProperty().addListener((obs, old, s) -> progress.setProgress(s == null ? 0
                : (double) s.iteration() / s.setup().flow().iterations()));
        Label status = Widgets.caption("");
        status.setId("sdfStatus");
        status.textProperty().bind(sdf.statusProperty());
        status.visibleProperty().bind(sdf.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        TitledPane section = Widgets.section("Score-difference flow", "sdfSection", intro,
                Controls.row(Settings.SDF_SOURCE, source), useCanvas,
                Controls.row(Settings.SDF_SIGMA, sigma),
                Controls.row(Settings.SDF_ANNEAL, anneal),
                Controls.row(Settings.SDF_SIGMA_END, sigmaEnd),
                Controls.row(Settings.SDF_ETA, eta),
                Controls.row(Settings.SDF_ITERATIONS, iterations),
                Controls.row(Settings.SDF_SEED, seed),
                buttons, progress, status,
                Controls.row(Settings.SDF_FIELDS, fields));
        // folded until the view is shown: a first session has the sections above to go through
        section.setExpanded(model.view().sdfProperty().get());
        model.view().sdfProperty().addListener((obs, old, on) -> {
            if (on) {
                section.setExpanded(true);
            }
        });
        return section;
    }
}
