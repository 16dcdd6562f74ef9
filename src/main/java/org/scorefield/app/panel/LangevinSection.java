package org.scorefield.app.panel;

import javafx.scene.control.Button;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import org.scorefield.app.model.LangevinView;
import org.scorefield.app.settings.Settings;

/**
 * The Langevin view's controls, at the top of the side panel while the view is shown (docs/math.md §5.13):
 * the step size ε, the steps K, the level σ, where the particles start and their seed, Run (the three runs
 * again, with the model of now) and Replay (the scrubber from the start to the last step). A change of a
 * setting runs them again by itself. In the side panel, which scrolls, they never push the canvas column
 * past a 1024 × 700 projector's edge.
 */
public final class LangevinSection {

    private final LangevinView langevin;
    private final Runnable replay;

    /**
     * @param langevin the view's state
     * @param replay   plays the scrubber from t = 1 (the start) to t = 0 (the last step)
     */
    public LangevinSection(LangevinView langevin, Runnable replay) {
        this.langevin = langevin;
        this.replay = replay;
    }

    public TitledPane build() {
        Button run = new Button("Run");
        run.setId("langevinRun");
        run.setTooltip(Widgets.tip("Run the three dynamics again from the same start, with the score of now (a "
                + "model trained further, say)."));
        run.setOnAction(e -> langevin.refresh());
        Button again = new Button("Replay");
        again.setId("langevinReplay");
        again.setTooltip(Widgets.tip("Play the runs from the start (t = 1) to the last step (t = 0)."));
        again.setOnAction(e -> replay.run());
        HBox buttons = new HBox(6, run, again);
        buttons.getStyleClass().add("control-row");
        TitledPane section = Widgets.section("Langevin", "langevinSection",
                Widgets.caption("K steps on p_\u03c3, the data blurred by N(0, \u03c3\u00b2I); t = 1 is the "
                        + "start."),
                Controls.row(Settings.LANGEVIN_STEP, Controls.slider(Settings.LANGEVIN_STEP, langevin.stepProperty(),
                        "langevinStep")),
                Controls.row(Settings.LANGEVIN_STEPS, Controls.spinner(Settings.LANGEVIN_STEPS,
                        langevin.stepsProperty(), "langevinSteps")),
                Controls.row(Settings.LANGEVIN_SIGMA, Controls.slider(Settings.LANGEVIN_SIGMA,
                        langevin.sigmaProperty(), "langevinSigma")),
                Controls.row(Settings.LANGEVIN_START, Controls.choices(Settings.LANGEVIN_START,
                        langevin.startProperty(), "langevinStart")),
                Controls.row(Settings.LANGEVIN_SEED, Controls.seed(Settings.LANGEVIN_SEED, langevin.seedProperty(),
                        "langevinSeed")),
                buttons);
        section.visibleProperty().bind(langevin.onProperty());
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }
}
