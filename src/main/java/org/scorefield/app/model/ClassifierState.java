package org.scorefield.app.model;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.nn.ClassifierTrainer;
import org.scorefield.core.nn.NoisyClassifier;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;

/**
 * The small noisy classifier p_t(c | x) that classifier guidance of a model needs (docs/math.md §9.2),
 * trained on demand on the model's data and process with the trainer's optimiser, on the compute lane,
 * with progress and Cancel. It depends on the data and the process only, not on the network's
 * weights, so it serves the model while the model goes on training; a model of other data or
 * another process does not use it. Lives on the deliver thread of its jobs.
 */
public final class ClassifierState {

    /** Optimiser steps of one classifier (as {@code train --conditional}'s least default). */
    static final int STEPS = 500;
    private static final String KEY = "classifier";

    /** A classifier and what it was trained for. */
    record Trained(NoisyClassifier classifier, DataState.Data data, Parameterization parameterization) {
    }

    private final Jobs jobs;
    private final TrainingState training;
    private final JobProgress progress;
    private final ReadOnlyObjectWrapper<Trained> trained = new ReadOnlyObjectWrapper<>();

    ClassifierState(Jobs jobs, TrainingState training) {
        this.jobs = jobs;
        this.training = training;
        this.progress = new JobProgress(jobs, KEY);
        training.modelProperty().addListener((obs, old, m) -> {
            if (m == null) {
                clear(); // Reset: the model's data and process may change before the next one
            } else if (m.classifier().isPresent() && training.runInputs().isPresent()) {
                // a model that comes with one (a session's): its classifier outlives its snapshots
                trained.set(new Trained(m.classifier().get(), training.runInputs().get().data(), m.parameterization()));
            }
        });
    }

    /** The last classifier trained (whatever model it was for), or null. */
    ReadOnlyObjectProperty<Trained> trainedProperty() {
        return trained.getReadOnlyProperty();
    }

    /** Fires when a classifier is trained or forgotten. */
    public javafx.beans.Observable changes() {
        return trained;
    }

    /** Whether a classifier is being trained. */
    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    /** The model with the classifier of its data and process, when there is one. */
    TrainedModel withClassifier(TrainedModel model, DataState.Data data) {
        Trained t = trained.get();
        if (model == null || model.classifier().isPresent() || t == null || t.data() != data
                || !t.parameterization().equals(model.parameterization())) {
            return model;
        }
        return model.withClassifier(t.classifier());
    }

    /** The trained model with the classifier of its data, for a session to keep; empty without a model. */
    public Optional<TrainedModel> modelWithClassifier() {
        return training.model().map(m -> withClassifier(m, training.runInputs().map(TrainingState.Inputs::data)
                .orElse(null)));
    }

    /** Whether this model can be guided by a classifier now (its own, or one trained here for its data). */
    public boolean has(TrainedModel model, DataState.Data data) {
        return withClassifier(model, data).classifier().isPresent();
    }

    /**
     * Trains a classifier of the trained model's data and process ({@value #STEPS} steps) and says
     * what happened; without a model, or on data with fewer than two classes, says why not.
     */
    public void train(Consumer<String> say) {
        Optional<TrainingState.Inputs> run = training.runInputs();
        if (training.model().isEmpty() || run.isEmpty()) {
            say.accept("Train a model first: the classifier learns the classes of its data, noised by its process.");
            return;
        }
        TrainingState.Inputs in = run.get();
        int classes = in.data().points().labelCount();
        if (classes < 2) {
            say.accept("These data have no classes to learn: choose data with classes (gmm-labelled, the moons, a "
                    + "CSV file with a label column).");
            return;
        }
        if (!in.flow().isStandard()) {
            say.accept("A noisy classifier learns x_t = \u03b1\u00b7x0 + \u03c3\u00b7\u03b5, which does not describe "
                    + "a flow from another source or of coupled pairs.");
            return;
        }
        Parameterization p = in.parameterization();
        progress.start("training the classifier");
        jobs.<Trained>job(KEY, Lane.COMPUTE).title("Training the noisy classifier")
                .onFailure(why -> {
                    progress.set("", 0);
                    say.accept("The classifier could not be trained: " + why);
                })
                .onCancelled(() -> progress.set("", 0))
                .start(job -> {
                    ClassifierTrainer trainer = new ClassifierTrainer(in.data().distribution(), p,
                            NoisyClassifier.architectureFor(in.architecture(), classes), in.settings());
                    for (int k = 0; k < STEPS && trainer.failure().isEmpty(); k++) {
                        if (job.cancelled()) {
                            return null;
                        }
                        trainer.step();
                        if (k % 25 == 0) {
                            job.update("step " + k + " of " + STEPS, (double) k / STEPS);
                        }
                    }
                    String why = trainer.failure().orElse(null);
                    if (why != null) {
                        throw new org.scorefield.core.InvalidInputException(why);
                    }
                    return new Trained(trainer.snapshot(), in.data(), p);
                }, done -> {
                    progress.set("", 1);
                    if (done == null) {
                        return;
                    }
                    trained.set(done);
                    say.accept(String.format(Locale.ROOT, "Trained a noisy classifier of the %d classes (%d steps): "
                            + "classifier guidance of the model uses it.", classes, STEPS));
                });
    }

    /** Forgets the classifier. */
    void clear() {
        jobs.drop(KEY);
        trained.set(null);
    }
}
