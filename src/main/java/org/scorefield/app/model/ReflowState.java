package org.scorefield.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.session.Session;

/**
 * Reflow as the window sees it (docs/math.md §8.7): the settings of the next round, every round made
 * so far (round 0 is the trained model as it was when Reflow was first pressed), which one is
 * shown, and the progress of the round being made. A round is a job on the Reflow lane, so sampling
 * and fields stay live; it reports progress and stops between two training steps when cancelled,
 * keeping the rounds before it. Lives on the deliver thread of its jobs.
 */
public final class ReflowState {

    static final String KEY = "reflow";

    private final IntegerProperty pairs;
    private final IntegerProperty trainSteps;
    private final BooleanProperty fineTune;
    private final BooleanProperty sideBySide;
    private final IntegerProperty shownRound = new SimpleIntegerProperty(0);

    private final ReadOnlyObjectWrapper<List<Reflow.Round>> rounds = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    private final Jobs jobs;
    private final JobProgress progress;
    /**
     * The seed of the rounds made so far: later rounds keep it, so that every round is measured on
     * the same evaluation sources (and a session can draw their paths again).
     */
    private long roundsSeed;
    /** A session's rounds whose paths are being drawn, or null. */
    private Session.Rounds restoring;

    /** @param values where Reflow's settings are owned */
    ReflowState(Jobs jobs, SettingValues values) {
        this.jobs = jobs;
        pairs = values.integer(Settings.REFLOW_PAIRS);
        trainSteps = values.integer(Settings.REFLOW_TRAIN_STEPS);
        fineTune = values.flag(Settings.REFLOW_FINE_TUNE);
        sideBySide = values.flag(Settings.REFLOW_SIDE_BY_SIDE);
        this.progress = new JobProgress(jobs, KEY);
    }

    public IntegerProperty pairsProperty() {
        return pairs;
    }

    public IntegerProperty trainStepsProperty() {
        return trainSteps;
    }

    /** Start each round from the previous weights (else from a fresh initialisation). */
    public BooleanProperty fineTuneProperty() {
        return fineTune;
    }

    /** Show every round side by side (else only {@link #shownRoundProperty()}). */
    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    /** The round shown alone. */
    public IntegerProperty shownRoundProperty() {
        return shownRound;
    }

    /** Every round made, round 0 first. */
    public ReadOnlyObjectProperty<List<Reflow.Round>> roundsProperty() {
        return rounds.getReadOnlyProperty();
    }

    public List<Reflow.Round> rounds() {
        return rounds.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    /** The running round's progress, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.fractionProperty();
    }

    /** What the running round is doing, or what the last one did. */
    public ReadOnlyStringProperty phaseProperty() {
        return progress.phaseProperty();
    }

    /** Why the last round could not be made, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The rounds to draw now: the newest {@value Settings#SIDE_BY_SIDE_ROUNDS} side by side, or the chosen one. */
    public List<Reflow.Round> shown() {
        List<Reflow.Round> all = rounds.get();
        if (all.isEmpty()) {
            return all;
        }
        if (sideBySide.get()) {
            return all.subList(Math.max(0, all.size() - Settings.SIDE_BY_SIDE_ROUNDS), all.size());
        }
        return List.of(all.get(Math.max(0, Math.min(all.size() - 1, shownRound.get()))));
    }

    /**
     * Makes the next round: from the last round, or, with none yet, from {@code current} (measured
     * as round 0 first).
     *
     * @param current the trained model (a flow-matching model)
     * @param data    what it was trained on
     * @param seed    every draw of the rounds derives from it
     */
    void nextRound(TrainedModel current, DataDistribution data, long seed) {
        if (progress.runningProperty().get()) {
            return;
        }
        List<Reflow.Round> before = rounds.get();
        TrainedModel start = before.isEmpty() ? current : before.get(before.size() - 1).model();
        if (start == null) {
            failure.set("Train a flow-matching model first (Objective: flow matching), then press Reflow.");
            return;
        }
        if (start.parameterization().objective() != Objective.FLOW_MATCHING) {
            failure.set("Reflow straightens a flow-matching model: choose Objective \"flow matching\", train, "
                    + "then press Reflow. This model predicts " + start.parameterization().objective().displayName()
                    + ".");
            return;
        }
        if (before.size() > Reflow.MAX_ROUNDS) {
            failure.set("The window keeps round 0 and " + Reflow.MAX_ROUNDS + " more; Clear the rounds to start again.");
            return;
        }
        long s = before.isEmpty() ? seed : roundsSeed;
        roundsSeed = s;
        Reflow.Settings settings = new Reflow.Settings(pairs.get(), Reflow.Settings.DEFAULT_SOLVER_STEPS,
                trainSteps.get(), fineTune.get(), Reflow.Settings.DEFAULT_EVAL_POINTS, s);
        failure.set("");
        progress.start(before.isEmpty() ? "Measuring round 0…" : "Starting round " + before.size() + "…");
        jobs.<List<Reflow.Round>>job(KEY, Lane.REFLOW).title("Making a Reflow round")
                .<List<Reflow.Round>>onUpdate(rounds::set, (older, newer) -> newer)
                .onFailure(why -> {
                    // the rounds before it, round 0 included once measured, are kept
                    progress.set("", 0);
                    failure.set(why);
                })
                .onCancelled(() -> {
                    progress.set("Cancelled; the rounds before it are kept.", 0);
                })
                .start(job -> {
                    List<Reflow.Round> made = new ArrayList<>(before);
                    Reflow reflow = new Reflow(data, start.flow().source(), settings);
                    if (made.isEmpty()) {
                        made.add(reflow.measure(start, start.flow().round(), 0));
                        job.publish(List.copyOf(made)); // round 0 shows while round 1 is made
                    }
                    made.add(reflow.next(made.get(made.size() - 1), job));
                    return List.copyOf(made);
                }, this::finish);
    }

    private void finish(List<Reflow.Round> result) {
        rounds.set(result);
        shownRound.set(result.size() - 1);
        Reflow.Metrics m = result.get(result.size() - 1).metrics();
        progress.set(String.format(Locale.ROOT, "Round %d made in %.0f s: straightness %.2g, 1-step SW2 %.1f× floor.",
                m.round(), m.seconds(), m.normalizedStraightness(), m.oneStepRatio()), 1);
    }

    /** The rounds made so far as a session keeps them (models, figures, seed), or empty. */
    public Optional<Session.Rounds> saved() {
        if (restoring != null) {
            return Optional.of(restoring); // still being drawn: what was opened is what is saved
        }
        List<Reflow.Round> all = rounds.get();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Session.Rounds(roundsSeed, Reflow.Settings.DEFAULT_EVAL_POINTS,
                all.stream().map(Reflow.Round::model).toList(), all.stream().map(Reflow.Round::metrics).toList()));
    }

    /**
     * Makes a session's rounds the rounds, drawing their paths again off the FX thread (they appear
     * when drawn; a {@link #clear()} meanwhile drops them).
     *
     * @param data what the rounds' models transport to
     */
    public void restore(Session.Rounds saved, DataDistribution data) {
        clear();
        roundsSeed = saved.seed();
        restoring = saved;
        progress.start("Drawing the saved rounds' paths…"); // running: no new round until these are in
        jobs.<List<Reflow.Round>>job(KEY, Lane.REFLOW).title("Drawing the saved Reflow rounds")
                .onFailure(why -> {
                    restoring = null;
                    progress.set("", 0);
                    failure.set(why);
                })
                .onCancelled(() -> {
                    // rounds that are not drawn are not shown, made on from, or saved again
                    restoring = null;
                    progress.set("Cancelled; the saved rounds were dropped.", 0);
                })
                .start(job -> saved.draw(data), result -> {
                    restoring = null;
                    progress.set("", 0);
                    rounds.set(result);
                    shownRound.set(result.size() - 1);
                });
    }

    /** Stops the running round between two training steps. */
    public void cancel() {
        jobs.cancel(KEY);
    }

    /** Forgets every round (a running one is stopped and dropped). */
    public void clear() {
        jobs.drop(KEY);
        restoring = null;
        rounds.set(List.of());
        shownRound.set(0);
        progress.set("", 0);
        failure.set("");
    }
}
