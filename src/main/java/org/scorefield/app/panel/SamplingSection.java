package org.scorefield.app.panel;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.ToggleSwitch;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SamplingState;
import org.scorefield.app.settings.Driver;
import org.scorefield.app.settings.GuidanceKind;
import org.scorefield.app.settings.HeatmapLayer;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.GridKind;

/**
 * The Sampling section: who drives it (the model or the exact oracle), the solver and its steps with
 * the NFE they cost, the grid, the stochasticity η, the seed, Resample, the x̂0 overlay, and guidance:
 * the target class, classifier-free or classifier guidance, and the scale ω (docs/math.md §9).
 */
public final class SamplingSection {

    private final ExplorerModel model;
    private final Label nfe = Widgets.caption("");
    private final Label note = Widgets.caption("");
    private final Label guidanceNote = Widgets.caption("");
    private final Button trainClassifier = new Button("Train classifier");

    {
        note.setId("samplingNote");
    }

    public SamplingSection(ExplorerModel model) {
        this.model = model;
    }

    public TitledPane build() {
        SamplingState sampling = model.sampling();
        ComboBox<Driver> driver = Controls.choices(Settings.DRIVER, sampling.driverProperty(), "driverBox");
        ComboBox<SamplerKind> solver = Controls.choices(Settings.SOLVER, sampling.solverProperty(), "solverBox");
        Spinner<Integer> steps = Controls.spinner(Settings.STEPS, sampling.stepsProperty(), "stepsSpinner");
        ComboBox<GridKind> grid = Controls.choices(Settings.GRID, sampling.gridProperty(), "gridBox");
        HBox etaBox = Controls.slider(Settings.ETA, sampling.etaProperty(), "etaSlider");
        Slider eta = ticked(etaBox);
        SeedField seed = Controls.seed(Settings.SAMPLING_SEED, sampling.seedProperty(), "sampleSeed");
        Button clearClicks = new Button("Clear clicks");
        clearClicks.setId("clearClicks");
        clearClicks.setTooltip(Widgets.tip("Remove the trajectories started by clicking on the canvas."));
        clearClicks.setOnAction(e -> sampling.clearClicks());
        HBox buttons = new HBox(6, clearClicks);
        buttons.getStyleClass().add("button-row");
        HBox.setHgrow(clearClicks, Priority.ALWAYS);
        clearClicks.setMaxWidth(Double.MAX_VALUE);

        ToggleSwitch denoised = Controls.toggle(Settings.SHOW_DENOISED, sampling.showDenoisedProperty(),
                "denoisedSwitch");
        ToggleSwitch denoising = Controls.toggle(Settings.DENOISING, model.denoising().onProperty(), "denoisingSwitch");
        HBox swirlBox = Controls.slider(Settings.SWIRL, sampling.swirlProperty(), "swirlSlider");
        ticked(swirlBox);

        ComboBox<Integer> target = Controls.choices(Settings.GUIDED_CLASS, sampling.guidedClassProperty(), "classBox");
        target.setCellFactory(list -> new ClassCell(model));
        target.setButtonCell(new ClassCell(model));
        // the dots in the theme's class colours, as the canvas paints them: new cells on a change of theme
        model.view().lookProperty().addListener((obs, old, look) -> {
            target.setCellFactory(list -> new ClassCell(model));
            target.setButtonCell(new ClassCell(model));
        });
        ComboBox<GuidanceKind> kind = Controls.choices(Settings.GUIDANCE, sampling.guidanceProperty(), "guidanceBox");
        HBox omegaBox = Controls.slider(Settings.OMEGA, sampling.omegaProperty(), "omegaSlider");
        ticked(omegaBox);
        HBox omegaBBox = Controls.slider(Settings.OMEGA_B, sampling.omegaBProperty(), "omegaBSlider");
        ticked(omegaBBox);
        // the right-hand pane's ω means something only in that view, and only with a class to guide to
        omegaBBox.disableProperty().bind(model.view().omegaSplitProperty().not()
                .or(sampling.guidedClassProperty().isEqualTo(Settings.NO_CLASS)));
        guidanceNote.setId("guidanceNote");
        trainClassifier.setId("trainClassifier");
        trainClassifier.setMaxWidth(Double.MAX_VALUE);
        trainClassifier.setTooltip(Widgets.tip("Train a small network p\u209c(c | x) on the model's data noised by "
                + "its process (" + "500 optimiser steps, a few seconds), for classifier guidance of the model: "
                + "\u015d + \u03c9\u00b7\u2207log p\u209c(c | x) (docs/math.md \u00a79.2)."));
        trainClassifier.setOnAction(e -> model.classifier().train(model.messageProperty()::set));
        ComboBox<HeatmapLayer> heat = Controls.choices(Settings.HEATMAP, model.view().heatmapProperty(), "heatmapBox");
        // a heatmap chosen here is one to look at: the layer comes on with it
        heat.setOnAction(e -> {
            if (heat.getValue() != HeatmapLayer.DENSITY) {
                model.view().showDensityProperty().set(true);
            }
        });
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {sampling.guidedClassProperty(),
                sampling.guidanceProperty(), sampling.omegaProperty(), sampling.driverProperty(),
                model.training().modelProperty(), model.data().dataProperty(), model.exactPathProperty(),
                model.classifier().runningProperty(), model.classifier().changes()}) {
            o.addListener(obs -> updateGuidance(kind, omegaBox, heat));
        }
        updateGuidance(kind, omegaBox, heat);

        for (javafx.beans.Observable o : new javafx.beans.Observable[] {sampling.solverProperty(),
                sampling.stepsProperty(), sampling.gridProperty(), sampling.etaProperty(), sampling.driverProperty(),
                model.training().modelProperty(), model.process().scheduleProperty(), model.view().splitProperty(),
                model.exactPathProperty(), sampling.guidedClassProperty(), sampling.guidanceProperty(),
                sampling.omegaProperty(), model.data().dataProperty(), model.classifier().changes()}) {
            o.addListener(obs -> update(eta)); // guidance too: ω ∉ {0, 1} doubles classifier-free guidance's NFE
        }
        update(eta);

        return Widgets.section("Sampling", "samplingSection",
                Controls.row(Settings.DRIVER, driver),
                note,
                Controls.row(Settings.SOLVER, solver),
                Controls.row(Settings.STEPS, steps),
                nfe,
                Controls.row(Settings.GRID, grid),
                Controls.row(Settings.ETA, etaBox),
                Controls.row(Settings.SAMPLING_SEED, seed),
                buttons,
                Controls.row(Settings.SHOW_DENOISED, denoised),
                Controls.row(Settings.DENOISING, denoising),
                Controls.row(Settings.SWIRL, swirlBox),
                Widgets.heading("Guidance"),
                Controls.row(Settings.GUIDED_CLASS, target),
                Controls.row(Settings.GUIDANCE, kind),
                Controls.row(Settings.OMEGA, omegaBox),
                Controls.row(Settings.OMEGA_B, omegaBBox),
                Controls.row(Settings.HEATMAP, heat),
                trainClassifier,
                guidanceNote,
                Widgets.caption("With the Start paths tool, a click on the canvas starts trajectories from that point at t = 1."));
    }

    /** The slider of a slider row, with a tick mark at every whole number and three between. */
    private static Slider ticked(HBox row) {
        Slider slider = (Slider) row.getChildren().get(0);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(3);
        slider.setShowTickMarks(true);
        return slider;
    }

    /** Disables what does not apply and says why guidance cannot steer these samples, if it cannot. */
    private void updateGuidance(ComboBox<GuidanceKind> kind, HBox omega, ComboBox<HeatmapLayer> heat) {
        SamplingState sampling = model.sampling();
        var guide = sampling.guidanceChoice();
        kind.setDisable(!guide.on());
        omega.setDisable(!guide.on());
        heat.setDisable(guide.target() < 0);
        String why = guide.unavailable(model.samplingChoice()).map(w -> w + " Sampling ignores the class.")
                .orElse(guide.on() && guide.kind() == GuidanceKind.CLASSIFIER && !model.modelSamples()
                        ? "With the exact oracle, classifier guidance and classifier-free guidance are the same field "
                        + "(docs/math.md \u00a79.2)." : "");
        // a model guided by a classifier needs one: the button to train it, while it has none
        boolean needsClassifier = guide.on() && guide.kind() == GuidanceKind.CLASSIFIER && model.modelSamples();
        trainClassifier.setVisible(needsClassifier);
        trainClassifier.setManaged(needsClassifier);
        trainClassifier.setDisable(model.classifier().runningProperty().get());
        trainClassifier.setText(model.samplingChoice().model() != null
                && model.samplingChoice().model().classifier().isPresent() ? "Train the classifier again"
                : "Train classifier");
        guidanceNote.setText(why);
        guidanceNote.setVisible(!why.isEmpty());
        guidanceNote.setManaged(guidanceNote.isVisible());
    }

    /** A class in its colour: a dot of the class's colour beside its name. */
    private static final class ClassCell extends javafx.scene.control.ListCell<Integer> {
        private final ExplorerModel model;

        ClassCell(ExplorerModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Integer c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(Settings.className(c));
            if (c >= 0) {
                javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5,
                        model.view().lookProperty().get().palette().classColor(c));
                setGraphic(dot);
            } else {
                setGraphic(null);
            }
        }
    }

    private void update(Slider eta) {
        SamplingState sampling = model.sampling();
        boolean takesEta = SamplingState.takesEta(sampling.solverProperty().get());
        eta.setDisable(!takesEta && !model.view().splitProperty().get());
        long n = sampling.nfe();
        nfe.setText(n < 0 ? "These settings cannot run on this process (see the status bar)."
                : String.format(Locale.ROOT, "%d network evaluations (NFE) per sample path", n));
        String text = model.samplingFallsBack() ? "No model yet: the exact oracle samples until you train one." : "";
        SamplerSettings chosen = sampling.settings();
        if (!model.samplingChoice().gaussianNoise()) {
            String why = "This flow has no reverse SDE (its x\u2081 is not Gaussian noise independent of x\u2080): "
                    + (chosen.stochastic() && !model.view().splitProperty().get() ? chosen.kind().displayName()
                    + " with these settings is stochastic and "
                    + "will be refused; choose a deterministic solver or \u03b7 = 0."
                    : "deterministic solvers only, and the split view shows the ODE alone.");
            text = text.isEmpty() ? why : text + " " + why;
        }
        note.setText(text);
        note.setVisible(!note.getText().isEmpty());
        note.setManaged(note.isVisible());
    }
}
