package org.scorefield.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.session.Session;

/**
 * Reflow as the window sees it (docs/math.md §8.7): the settings of the next round, every round made so
 * far (round 0 is the trained model as it was when Reflow was first pressed), which one is shown,
 * and the progress of the round being made. A round runs on its own thread, so sampling and fields
 * stay live; it reports progress to the FX thread and stops between two training steps when
 * cancelled, keeping the rounds before it. Lives on the FX thread.
 */
public final class ReflowState implements AutoCloseable {

    static final Integer[] PAIRS = {2_000, 5_000, 10_000, 20_000};
    static final Integer[] TRAIN_STEPS = {1_000, 2_000, 3_000, 5_000};
    /** Rounds drawn side by side at most (the newest). */
    public static final int SIDE_BY_SIDE = 4;

    private final IntegerProperty pairs = new SimpleIntegerProperty(Reflow.Settings.DEFAULT_PAIRS);
    private final IntegerProperty trainSteps = new SimpleIntegerProperty(Reflow.Settings.DEFAULT_TRAIN_STEPS);
    private final BooleanProperty fineTune = new SimpleBooleanProperty(true);
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(true);
    private final IntegerProperty shownRound = new SimpleIntegerProperty(0);

    private final ReadOnlyObjectWrapper<List<Reflow.Round>> rounds = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "scorefield-reflow");
        thread.setDaemon(true);
        return thread;
    });
    /** The running round's own stop flag: a later round never clears an earlier one's. */
    private java.util.concurrent.atomic.AtomicBoolean cancelRequested = new java.util.concurrent.atomic.AtomicBoolean();
    /** Bumped by {@link #clear()}: a round finishing after it is dropped. */
    private long generation;
    /**
     * The seed of the rounds made so far: later rounds keep it, so that every round is measured on
     * the same evaluation sources (and a session can draw their paths again).
     */
    private long roundsSeed;
    /** A session's rounds whose paths are being drawn, or null. */
    private Session.Rounds restoring;

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
        return running.getReadOnlyProperty();
    }

    /** The running round's progress, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the running round is doing, or what the last one did. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Why the last round could not be made, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The rounds to draw now: the newest {@value #SIDE_BY_SIDE} side by side, or the chosen one. */
    public List<Reflow.Round> shown() {
        List<Reflow.Round> all = rounds.get();
        if (all.isEmpty()) {
            return all;
        }
        if (sideBySide.get()) {
            return all.subList(Math.max(0, all.size() - SIDE_BY_SIDE), all.size());
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
        if (running.get()) {
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
        long s = before.isEmpty() ? seed : roundsSeed;
        roundsSeed = s;
        Reflow.Settings settings = new Reflow.Settings(pairs.get(), Reflow.Settings.DEFAULT_SOLVER_STEPS,
                trainSteps.get(), fineTune.get(), Reflow.Settings.DEFAULT_EVAL_POINTS, s);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        cancelRequested = stop;
        running.set(true);
        progress.set(0);
        failure.set("");
        phase.set(before.isEmpty() ? "Measuring round 0…" : "Starting round " + before.size() + "…");
        long myGeneration = generation;
        worker.execute(() -> {
            List<Reflow.Round> made = new ArrayList<>(before);
            String problem = null;
            try {
                Reflow reflow = new Reflow(data, start.flow().source(), settings);
                if (made.isEmpty()) {
                    Reflow.Round zero = reflow.measure(start, start.flow().round(), 0);
                    made.add(zero);
                    List<Reflow.Round> withZero = List.copyOf(made);
                    Platform.runLater(() -> {
                        if (myGeneration == generation) {
                            rounds.set(withZero);
                        }
                    });
                }
                made.add(reflow.next(made.get(made.size() - 1), new Progress() {
                    @Override
                    public void update(String what, double fraction) {
                        Platform.runLater(() -> {
                            if (myGeneration == generation && running.get()) {
                                phase.set(what);
                                progress.set(fraction);
                            }
                        });
                    }

                    @Override
                    public boolean cancelled() {
                        return stop.get();
                    }
                }));
            } catch (CancellationException e) {
                problem = "";
            } catch (InvalidInputException e) {
                problem = e.getMessage();
            } catch (RuntimeException | OutOfMemoryError e) {
                problem = "Reflow failed (" + e + "). The rounds before it are kept.";
            }
            List<Reflow.Round> result = List.copyOf(made);
            String why = problem;
            Platform.runLater(() -> finish(myGeneration, result, why));
        });
    }

    private void finish(long myGeneration, List<Reflow.Round> result, String problem) {
        if (myGeneration != generation) {
            return;
        }
        running.set(false);
        rounds.set(result);
        shownRound.set(result.size() - 1);
        if (problem == null) {
            Reflow.Metrics m = result.get(result.size() - 1).metrics();
            phase.set(String.format(Locale.ROOT, "Round %d made in %.0f s: straightness %.2g, 1-step SW2 %.1f× floor.",
                    m.round(), m.seconds(), m.normalizedStraightness(), m.oneStepRatio()));
            progress.set(1);
        } else if (problem.isEmpty()) {
            phase.set("Cancelled; the rounds before it are kept.");
            progress.set(0);
        } else {
            phase.set("");
            progress.set(0);
            failure.set(problem);
        }
    }

    /** The rounds made so far as a session keeps them (models, figures, seed), or empty. */
    Optional<Session.Rounds> saved() {
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
    void restore(Session.Rounds saved, DataDistribution data) {
        clear();
        roundsSeed = saved.seed();
        restoring = saved;
        long myGeneration = generation;
        running.set(true); // no new round until these are in
        phase.set("Drawing the saved rounds' paths…");
        worker.execute(() -> {
            List<Reflow.Round> made = new ArrayList<>();
            String problem = null;
            try {
                made.addAll(saved.draw(data));
            } catch (InvalidInputException e) {
                problem = e.getMessage();
            } catch (RuntimeException | OutOfMemoryError e) {
                problem = "The saved Reflow rounds could not be drawn (" + e + ").";
            }
            List<Reflow.Round> result = List.copyOf(made);
            String why = problem;
            Platform.runLater(() -> {
                if (myGeneration != generation) {
                    return;
                }
                restoring = null;
                running.set(false);
                phase.set("");
                if (why != null) {
                    failure.set(why);
                    return;
                }
                rounds.set(result);
                shownRound.set(result.size() - 1);
            });
        });
    }

    /** Stops the running round between two training steps. */
    public void cancel() {
        cancelRequested.set(true);
    }

    /** Forgets every round (a running one is cancelled and dropped). */
    public void clear() {
        generation++;
        restoring = null;
        cancelRequested.set(true);
        running.set(false);
        rounds.set(List.of());
        shownRound.set(0);
        progress.set(0);
        phase.set("");
        failure.set("");
    }

    @Override
    public void close() {
        cancelRequested.set(true);
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
