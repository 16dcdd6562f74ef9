package org.scorefield.app;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.LossWeighting;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingWorker;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The model and its training, as the window sees it: the settings a student edits, and a
 * {@link TrainingWorker} that trains on its own worker thread and hands immutable updates to the
 * FX thread (coalesced: at most one hand-over waits at a time, carrying every loss since the last).
 *
 * <p>The session is built from the settings, data and process of the moment the user first presses
 * Train (or Step) after a reset; later edits take effect at the next Reset, and
 * {@link #outOfDateProperty()} says so. A model is therefore never thrown away behind the user's
 * back, and it keeps the process it was trained on. Lives on the FX thread.
 */
public final class TrainingState implements AutoCloseable {

    /** Training steps between two hand-overs to the window while training runs. */
    static final int PUBLISH_EVERY = 25;

    /** What a session is built from, captured when it is built. */
    record Inputs(DataState.Data data, Schedule schedule, Objective objective, Architecture architecture,
                  TrainingSettings settings, FlowSetup flow) {

        Parameterization parameterization() {
            Schedule s = objective == Objective.FLOW_MATCHING ? ScheduleKind.LINEAR.createDefault() : schedule;
            return new Parameterization(objective, s, LossWeighting.UNIFORM, EdmPreconditioning.standard());
        }
    }

    private final ObjectProperty<Objective> objective = new SimpleObjectProperty<>(Objective.DEFAULT);
    private final ObjectProperty<SourceOption> source = new SimpleObjectProperty<>(SourceOption.GAUSSIAN);
    private final ObjectProperty<CouplingKind> coupling = new SimpleObjectProperty<>(CouplingKind.INDEPENDENT);
    private final DoubleProperty sinkhornEpsilon = new SimpleDoubleProperty(Coupling.DEFAULT_EPSILON);
    private final IntegerProperty width = new SimpleIntegerProperty(Architecture.DEFAULT_WIDTH);
    private final IntegerProperty depth = new SimpleIntegerProperty(Architecture.DEFAULT_DEPTH);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(TrainingSettings.DEFAULT_LEARNING_RATE);
    private final IntegerProperty batch = new SimpleIntegerProperty(TrainingSettings.DEFAULT_BATCH);
    private final BooleanProperty ema = new SimpleBooleanProperty(true);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final BooleanProperty refreshSamples = new SimpleBooleanProperty(true);
    private final IntegerProperty refreshEvery = new SimpleIntegerProperty(500);

    private final ReadOnlyObjectWrapper<TrainedModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper steps = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper loss = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<TrainingWorker.State> state =
            new ReadOnlyObjectWrapper<>(TrainingWorker.State.PAUSED);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper outOfDate = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();

    private final Supplier<Inputs> currentInputs;
    private final BackgroundWork work;
    private LossListener lossListener = (first, losses) -> { };
    private Runnable resetListener = () -> { };

    private TrainingWorker session;
    private Inputs sessionInputs;
    private boolean resumeWhenBuilt;
    private int stepsWhenBuilt;
    /** A restored model that the next session continues from, instead of the seeded initial weights. */
    private TrainedModel resumeFrom;

    private final Object handOverLock = new Object();
    private TrainingWorker.Update pendingUpdate;
    private LossBuffer pendingLosses = new LossBuffer();
    private boolean handOverScheduled;

    /**
     * @param currentInputs what a new session would be built from now (data and process come from the window)
     * @param work          where a session is built (building one loads ND4J and draws the data pool)
     */
    TrainingState(Supplier<Inputs> currentInputs, BackgroundWork work) {
        this.currentInputs = currentInputs;
        this.work = work;
        for (javafx.beans.Observable setting : new javafx.beans.Observable[] {objective, width, depth, learningRate,
                batch, ema, seed, source, coupling, sinkhornEpsilon}) {
            setting.addListener(obs -> checkOutOfDate());
        }
    }

    /** Builds a settings capture from the model section's values. */
    Inputs inputs(DataState.Data data, Schedule schedule) {
        Architecture architecture = Architecture.defaults().withSize(width.get(), depth.get());
        TrainingSettings settings = TrainingSettings.defaults(seed.get()).withBatch(batch.get())
                .withLearningRate(learningRate.get()).withEma(ema.get());
        FlowSetup flow = objective.get() == Objective.FLOW_MATCHING
                ? FlowSetup.of(source.get().source(), new Coupling(coupling.get(), sinkhornEpsilon.get()))
                : FlowSetup.standard();
        return new Inputs(data, schedule, objective.get(), architecture, settings, flow);
    }

    /** A source flow matching can start from: N(0, I) or a preset. */
    record SourceOption(String label, FlowSource source) {
        static final SourceOption GAUSSIAN = new SourceOption("N(0, I)", FlowSource.gaussian());
        /** The choice that copies the canvas's points (never a source itself). */
        static final SourceOption FROM_CANVAS = new SourceOption("The points on the canvas now…", FlowSource.gaussian());

        /** A copy of these points (without their labels) as the source. */
        static SourceOption snapshot(org.scorefield.core.data.PointSet points) {
            String name = String.format(java.util.Locale.ROOT, "drawn (%,d points)", points.size());
            return new SourceOption(name, FlowSource.of(new org.scorefield.core.data.EmpiricalDistribution(name,
                    org.scorefield.core.data.PointSet.of(points.xy()))));
        }

        /** N(0, I), then every preset. */
        static java.util.List<SourceOption> all() {
            java.util.List<SourceOption> options = new java.util.ArrayList<>();
            options.add(GAUSSIAN);
            for (DatasetPreset p : DatasetPreset.values()) {
                options.add(new SourceOption(p.displayName(), FlowSource.of(p)));
            }
            return options;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Receives the loss of every step, in order. */
    interface LossListener {
        /** {@code losses[i]} is the loss of step {@code firstStep + i}; called on the FX thread. */
        void losses(long firstStep, double[] losses);
    }

    /** Receives, on the FX thread, the loss of every step in order (for the loss chart). */
    void onLosses(LossListener listener) {
        this.lossListener = listener;
    }

    /** Called on the FX thread when the model is reset to its initial weights. */
    void onReset(Runnable listener) {
        this.resetListener = listener;
    }

    // ---- settings -------------------------------------------------------------------------------

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    /** Where flow matching starts (t = 1). */
    public ObjectProperty<SourceOption> sourceProperty() {
        return source;
    }

    /** How flow matching pairs its batches. */
    public ObjectProperty<CouplingKind> couplingProperty() {
        return coupling;
    }

    /** Sinkhorn's ε, in squared-distance units. */
    public DoubleProperty sinkhornEpsilonProperty() {
        return sinkhornEpsilon;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public IntegerProperty depthProperty() {
        return depth;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public BooleanProperty emaProperty() {
        return ema;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public BooleanProperty refreshSamplesProperty() {
        return refreshSamples;
    }

    public IntegerProperty refreshEveryProperty() {
        return refreshEvery;
    }

    // ---- what training has produced -------------------------------------------------------------

    /** The latest model (EMA weights when enabled); null before the first step. */
    public ReadOnlyObjectProperty<TrainedModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public Optional<TrainedModel> model() {
        return Optional.ofNullable(model.get());
    }

    public ReadOnlyLongProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty lossProperty() {
        return loss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingWorker.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why training stopped, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Whether the settings, data or process differ from those the current model trains on. */
    public ReadOnlyBooleanProperty outOfDateProperty() {
        return outOfDate.getReadOnlyProperty();
    }

    /** Whether a session is being built (the first Train press loads ND4J: up to seconds). */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** The inputs of the current model, or those a model would be built from now: what a replay trains on. */
    Inputs replayInputs() {
        return sessionInputs != null ? sessionInputs : currentInputs.get();
    }

    /** The inputs the current model was built from, if there is one. */
    Optional<Inputs> sessionInputs() {
        return Optional.ofNullable(sessionInputs);
    }

    // ---- commands -------------------------------------------------------------------------------

    /** Trains continuously (building the session first if there is none). */
    public void train() {
        withSession(true, () -> session.resume());
    }

    public void pause() {
        resumeWhenBuilt = false;
        if (session != null) {
            session.pause();
        }
    }

    /** Train when paused, pause when training. */
    public void toggle() {
        if (state.get() == TrainingWorker.State.RUNNING || resumeWhenBuilt) {
            pause();
        } else {
            train();
        }
    }

    /** One optimiser step. */
    public void step() {
        withSession(false, () -> session.stepOnce());
    }

    /** Throws the model away: the next Train starts from the seeded initial weights with the current settings. */
    public void reset() {
        resumeWhenBuilt = false;
        resumeFrom = null;
        closeSession();
        work.cancel("session");
        starting.set(false);
        model.set(null);
        steps.set(0);
        loss.set(Double.NaN);
        stepsPerSecond.set(Double.NaN);
        state.set(TrainingWorker.State.PAUSED);
        failure.set("");
        outOfDate.set(false);
        resetListener.run();
    }

    /**
     * Makes a saved model the current one (a session reopened): the window samples it at once, and
     * Train goes on from its weights and step count ({@link Trainer#resume}). Call after the data,
     * process and model settings are restored, so that the model is up to date with them.
     */
    void restore(TrainedModel saved) {
        reset();
        resumeFrom = saved;
        // what the model was trained with (on the restored data), so that a setting changed since
        // shows as out of date, as it would have before the session was saved
        Inputs now = currentInputs.get();
        Parameterization p = saved.parameterization();
        sessionInputs = new Inputs(now.data(), p.objective() == Objective.FLOW_MATCHING ? now.schedule() : p.schedule(),
                p.objective(), saved.architecture(), saved.settings(), saved.flow().withRound(0));
        model.set(saved);
        steps.set(saved.steps());
        loss.set(saved.loss());
        checkOutOfDate();
    }

    /** Re-evaluates whether the model is out of date (the window calls it when data or process change). */
    void checkOutOfDate() {
        if (sessionInputs == null) {
            outOfDate.set(false);
            return;
        }
        Inputs now = currentInputs.get();
        boolean processMatters = sessionInputs.objective() != Objective.FLOW_MATCHING
                || now.objective() != Objective.FLOW_MATCHING;
        outOfDate.set(now.data() != sessionInputs.data()
                || (processMatters && !now.schedule().equals(sessionInputs.schedule()))
                || now.objective() != sessionInputs.objective()
                || !now.architecture().equals(sessionInputs.architecture())
                || !now.settings().equals(sessionInputs.settings())
                || !now.flow().equals(sessionInputs.flow()));
    }

    private void withSession(boolean resume, Runnable command) {
        if (session != null) {
            command.run();
            return;
        }
        resumeWhenBuilt |= resume;
        if (!resume) {
            stepsWhenBuilt++;
        }
        if (starting.get()) {
            return;
        }
        Inputs inputs = currentInputs.get();
        if (inputs.data().points().size() == 0) {
            failure.set("There are no data points: choose a preset, or draw some points first.");
            resumeWhenBuilt = false;
            stepsWhenBuilt = 0;
            return;
        }
        starting.set(true);
        failure.set("");
        // a restored model goes on training until Reset, like a model trained in this window
        TrainedModel from = resumeFrom;
        work.submit("session", BackgroundWork.Lane.LONG,
                () -> from != null ? Trainer.resume(inputs.data().distribution(), from)
                        : new Trainer(inputs.data().distribution(), inputs.parameterization(), inputs.architecture(),
                        inputs.settings(), inputs.flow()),
                trainer -> {
                    starting.set(false);
                    session = new TrainingWorker(trainer, PUBLISH_EVERY, this::handOver);
                    if (from == null) {
                        sessionInputs = inputs; // a resumed model keeps the inputs it was trained with
                    }
                    checkOutOfDate();
                    for (; stepsWhenBuilt > 0; stepsWhenBuilt--) {
                        session.stepOnce();
                    }
                    if (resumeWhenBuilt) {
                        resumeWhenBuilt = false;
                        session.resume();
                        state.set(TrainingWorker.State.RUNNING);
                    }
                });
    }

    /** On the worker thread: keep the update, schedule one hand-over if none is waiting. */
    private void handOver(TrainingWorker.Update update) {
        synchronized (handOverLock) {
            pendingUpdate = update;
            double[] more = update.recentLosses();
            if (update.steps() == 0) {
                pendingLosses.clear();
            } else {
                pendingLosses.append(update.steps() - more.length + 1, more);
            }
            if (handOverScheduled) {
                return;
            }
            handOverScheduled = true;
        }
        Platform.runLater(this::receive);
    }

    private void receive() {
        TrainingWorker.Update update;
        LossBuffer losses;
        synchronized (handOverLock) {
            update = pendingUpdate;
            losses = pendingLosses;
            pendingLosses = new LossBuffer();
            handOverScheduled = false;
        }
        if (session == null || update == null) {
            return; // reset meanwhile
        }
        losses.drain(lossListener);
        steps.set(update.steps());
        loss.set(update.smoothedLoss());
        if (Double.isFinite(update.stepsPerSecond())) {
            stepsPerSecond.set(update.stepsPerSecond());
        }
        state.set(update.state());
        // the trainer's sentence says where it stopped, what is kept and what to try; the window adds how
        failure.set(update.failure().map(why -> why + " Press Reset to train again with the settings shown.").orElse(""));
        if (update.steps() > 0) {
            model.set(update.model());
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        sessionInputs = null;
        stepsWhenBuilt = 0;
        synchronized (handOverLock) {
            pendingUpdate = null;
            pendingLosses.clear();
        }
    }

    @Override
    public void close() {
        closeSession();
    }
}
