package org.scorefield.app;

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
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.GridKind;

/**
 * The Sampling section: who drives it (the model or the exact oracle), the solver and its steps with
 * the NFE they cost, the grid, the stochasticity η, the seed, Resample, and the x̂0 overlay.
 */
final class SamplingSection {

    static final double MAX_ETA = 2;

    private final ExplorerModel model;
    private final Label nfe = Widgets.caption("");
    private final Label note = Widgets.caption("");

    {
        note.setId("samplingNote");
    }
    private final Label etaValue = new Label();

    SamplingSection(ExplorerModel model) {
        this.model = model;
    }

    TitledPane build() {
        SamplingState sampling = model.sampling();
        ComboBox<SamplingState.Driver> driver = Widgets.choices(SamplingState.Driver.values(),
                sampling.driverProperty().get(), SamplingState.Driver::toString);
        driver.setId("driverBox");
        driver.valueProperty().bindBidirectional(sampling.driverProperty());

        ComboBox<SamplerKind> solver = Widgets.choices(SamplerKind.values(), sampling.solverProperty().get(),
                SamplerKind::displayName);
        solver.setId("solverBox");
        solver.valueProperty().bindBidirectional(sampling.solverProperty());

        Spinner<Integer> steps = new Spinner<>(1, 1000, sampling.stepsProperty().get(), 8);
        steps.setId("stepsSpinner");
        steps.setEditable(true);
        steps.valueProperty().addListener((obs, old, k) -> sampling.stepsProperty().set(k));
        sampling.stepsProperty().addListener((obs, old, k) -> steps.getValueFactory().setValue(k.intValue()));

        ComboBox<GridKind> grid = Widgets.choices(GridKind.values(), sampling.gridProperty().get(),
                GridKind::displayName);
        grid.setId("gridBox");
        grid.valueProperty().bindBidirectional(sampling.gridProperty());

        Slider eta = new Slider(0, MAX_ETA, sampling.etaProperty().get());
        eta.setId("etaSlider");
        eta.setMajorTickUnit(1);
        eta.setMinorTickCount(3);
        eta.setShowTickMarks(true);
        eta.valueProperty().bindBidirectional(sampling.etaProperty());
        etaValue.getStyleClass().add("slider-value");
        HBox etaBox = new HBox(eta, etaValue);
        etaBox.getStyleClass().add("slider-row");
        HBox.setHgrow(eta, Priority.ALWAYS);
        eta.setTooltip(Widgets.tip("Stochasticity η. 0 follows the probability-flow ODE (deterministic: the "
                + "same start always ends at the same point); 1 is the reverse SDE (fresh noise at every step); "
                + "every η in between or above is another SDE with the same marginals p_t. Euler–Maruyama takes "
                + "η from 0 to 2 (its noise is γ = η·g: above 1 it adds more noise and corrects harder); DDIM-η "
                + "takes η from 0 to 1 only (1 is DDPM's posterior). The split view shows η = 0 against this η "
                + "(η = 1 when it is 0)."));

        SeedField seed = new SeedField(sampling.seedProperty(), "sampleSeed",
                "the starting noise and of the SDE's noise along the way");
        Button resample = new Button("Resample");
        resample.setId("resampleButton");
        resample.getStyleClass().add("primary");
        resample.setTooltip(Widgets.tip("Sample again with a new seed (key R). The same seed always gives the "
                + "same samples; type it back into the seed field to see them again."));
        resample.setOnAction(e -> sampling.newSeed());
        Button clearClicks = new Button("Clear clicks");
        clearClicks.setId("clearClicks");
        clearClicks.setTooltip(Widgets.tip("Remove the trajectories started by clicking on the canvas."));
        clearClicks.setOnAction(e -> sampling.clearClicks());
        HBox buttons = new HBox(6, resample, clearClicks);
        buttons.getStyleClass().add("button-row");
        HBox.setHgrow(resample, Priority.ALWAYS);
        resample.setMaxWidth(Double.MAX_VALUE);

        ToggleSwitch denoised = new ToggleSwitch();
        denoised.setId("denoisedSwitch");
        denoised.selectedProperty().bindBidirectional(sampling.showDenoisedProperty());

        for (javafx.beans.Observable o : new javafx.beans.Observable[] {sampling.solverProperty(),
                sampling.stepsProperty(), sampling.gridProperty(), sampling.etaProperty(), sampling.driverProperty(),
                model.training().modelProperty(), model.process().scheduleProperty(), model.splitProperty(),
                model.exactPathProperty()}) {
            o.addListener(obs -> update(eta));
        }
        update(eta);

        return Widgets.section("Sampling", "samplingSection",
                Widgets.row("Driven by", driver, "Sample with the trained model, or with the exact oracle: the "
                        + "perfect denoiser of this data, computed in closed form."),
                note,
                Widgets.row("Solver", solver, "The numerical method that runs the process backwards from noise to data."),
                Widgets.row("Steps", steps, "Steps of the solver from t = 1 to t ≈ 0. More steps: more accurate, "
                        + "more network evaluations (NFE)."),
                nfe,
                Widgets.row("Grid", grid, "How the steps are spaced in time. Uniform in log-SNR spends more steps "
                        + "near the data, where detail appears."),
                Widgets.row("η", etaBox, eta.getTooltip().getText()),
                Widgets.row("Seed", seed, "The seed of sampling."),
                buttons,
                Widgets.row("Show x̂₀", denoised, "Overlay the denoising trajectory: at every t, the model's guess "
                        + "of the clean point x̂₀ that the particle is heading for (docs/math.md §6.2)."),
                Widgets.caption("With the Start paths tool, a click on the canvas starts trajectories from that point at t = 1."));
    }

    private void update(Slider eta) {
        SamplingState sampling = model.sampling();
        boolean takesEta = SamplingState.takesEta(sampling.solverProperty().get());
        eta.setDisable(!takesEta && !model.splitProperty().get());
        etaValue.setText(String.format(Locale.ROOT, "%.2f", sampling.etaProperty().get()));
        long n = sampling.nfe();
        nfe.setText(n < 0 ? "These settings cannot run on this process (see the status bar)."
                : String.format(Locale.ROOT, "%d network evaluations (NFE) per sample path", n));
        String text = model.samplingFallsBack() ? "No trained model yet: the exact oracle drives sampling "
                + "until you train one." : "";
        SamplerSettings chosen = sampling.settings();
        if (!model.samplingChoice().gaussianNoise()) {
            String why = "This flow has no reverse SDE (its x\u2081 is not Gaussian noise independent of x\u2080): "
                    + (chosen.stochastic() && !model.splitProperty().get() ? chosen.kind().displayName()
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
