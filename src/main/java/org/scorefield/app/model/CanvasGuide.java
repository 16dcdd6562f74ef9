package org.scorefield.app.model;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.settings.Driver;

/**
 * The sentence above the canvas: what the canvas shows now and what to do next, with at most one
 * action a click away (train a model, train a new one after the settings changed, bring the data
 * back). It is how a first-time user learns the window without the README, and how a setting that
 * makes the model out of date says so where the eye is.
 */
public final class CanvasGuide {

    /** The one-click action beside the sentence. */
    public enum Action {
        NONE(""),
        TRAIN("Train a model"),
        RETRAIN("Train a new model"),
        RESTORE_DATA("Restore preset"),
        USE_MODEL("Sample with the model");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** The button's text. */
        public String label() {
            return label;
        }
    }

    /** A sentence and its action; {@code warning} when something is wrong or stale. */
    public record Advice(String text, Action action, boolean warning) {
    }

    private final ExplorerModel model;
    private final ReadOnlyObjectWrapper<Advice> advice = new ReadOnlyObjectWrapper<>();

    CanvasGuide(ExplorerModel model) {
        this.model = model;
        TrainingState training = model.training();
        for (Observable o : new Observable[] {training.stateProperty(), training.modelProperty(),
                training.outOfDateProperty(), training.failureProperty(), training.startingProperty(),
                model.data().dataProperty(), model.sampling().driverProperty(), model.view().splitProperty(),
                model.view().roundsViewProperty(), model.view().likelihoodProperty(), model.exactPathProperty()}) {
            o.addListener(obs -> update());
        }
        update();
    }

    /** What to say now. */
    public ReadOnlyObjectProperty<Advice> adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /** Carries out the advice's action. */
    public void act(Action action) {
        TrainingState training = model.training();
        switch (action) {
            case TRAIN -> training.train();
            case RETRAIN -> {
                training.reset();
                training.train();
            }
            case RESTORE_DATA -> model.data().reloadPreset();
            case USE_MODEL -> model.sampling().driverProperty().set(Driver.MODEL);
            case NONE -> { }
        }
    }

    private void update() {
        advice.set(advise());
    }

    private Advice advise() {
        TrainingState training = model.training();
        if (model.data().data().points().size() == 0) {
            return new Advice("No data: draw points with the Draw tool, or restore the preset.",
                    Action.RESTORE_DATA, false);
        }
        if (!training.failureProperty().get().isEmpty()) {
            return new Advice(training.failureProperty().get(), Action.RETRAIN, true);
        }
        if (training.outOfDateProperty().get()) {
            return new Advice("The settings changed since this model started: it still learns the old ones.",
                    Action.RETRAIN, true);
        }
        boolean running = training.running();
        boolean trained = training.model().isPresent();
        boolean noise = model.samplingChoice().gaussianNoise();
        String view = model.view().likelihoodProperty().get() ? " Click a point: it climbs to the prior as t grows."
                : !model.view().splitProperty().get() ? ""
                : noise ? " Left ODE, right SDE, same noise." : " A flow between data sets has an ODE alone.";
        if (model.sampling().driverProperty().get() == Driver.EXACT) {
            return new Advice("The exact oracle samples: the ideal model of these points." + view,
                    trained ? Action.USE_MODEL : Action.NONE, false);
        }
        if (!trained) {
            return running
                    ? new Advice("Training… the exact oracle samples until the model's first refresh." + view, Action.NONE, false)
                    : new Advice("Exact oracle: the ideal model of these points. Press Train to learn one."
                            + view, Action.TRAIN, false);
        }
        return running
                ? new Advice("The model samples as it learns: SW2/floor falls towards 1."
                        + view, Action.NONE, false)
                : new Advice("The model samples. Press Play to watch " + (noise ? "noise" : "the source")
                        + " become data." + view, Action.NONE, false);
    }
}
