package org.scorefield.app.panel;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.scorefield.app.model.LangevinView;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.sample.LangevinStart;

/**
 * The Langevin view's controls, over its three canvases while it is shown (docs/math.md §5.13): the step
 * size ε, the steps K, the level σ, where the particles start and their seed, Run (the three runs again,
 * with the model of now) and Replay (the scrubber from the start to the last step). A change of a setting
 * runs them again by itself. Wraps onto more lines in a narrow window.
 */
public final class LangevinBar extends FlowPane {

    /**
     * @param langevin the view's state
     * @param replay   plays the scrubber from t = 1 (the start) to t = 0 (the last step)
     */
    public LangevinBar(LangevinView langevin, Runnable replay) {
        super(12, 4);
        setId("langevinBar");
        getStyleClass().add("langevin-bar");
        setAlignment(Pos.CENTER_LEFT);
        HBox step = Controls.slider(Settings.LANGEVIN_STEP, langevin.stepProperty(), "langevinStep");
        step.setPrefWidth(170);
        Spinner<Integer> steps = Controls.spinner(Settings.LANGEVIN_STEPS, langevin.stepsProperty(), "langevinSteps");
        steps.setPrefWidth(100);
        HBox sigma = Controls.slider(Settings.LANGEVIN_SIGMA, langevin.sigmaProperty(), "langevinSigma");
        sigma.setPrefWidth(170);
        ComboBox<LangevinStart> start = Controls.choices(Settings.LANGEVIN_START, langevin.startProperty(),
                "langevinStart");
        SeedField seed = Controls.seed(Settings.LANGEVIN_SEED, langevin.seedProperty(), "langevinSeed");
        seed.setPrefWidth(130);
        Button run = new Button("Run");
        run.setId("langevinRun");
        run.setTooltip(Widgets.tip("Run the three dynamics again from the same start, with the score of now (a "
                + "model trained further, say)."));
        run.setOnAction(e -> langevin.refresh());
        Button again = new Button("Replay");
        again.setId("langevinReplay");
        again.setTooltip(Widgets.tip("Play the runs from the start (t = 1) to the last step (t = 0)."));
        again.setOnAction(e -> replay.run());
        getChildren().addAll(labelled(Settings.LANGEVIN_STEP.label(), step), labelled("K", steps),
                labelled(Settings.LANGEVIN_SIGMA.label(), sigma), labelled(Settings.LANGEVIN_START.label(), start),
                labelled(Settings.LANGEVIN_SEED.label(), seed), new HBox(6, run, again));
        visibleProperty().bind(langevin.onProperty());
        managedProperty().bind(visibleProperty());
    }

    private static HBox labelled(String label, javafx.scene.Node control) {
        Label name = new Label(label);
        name.setMinWidth(Label.USE_PREF_SIZE);
        HBox box = new HBox(6, name, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
