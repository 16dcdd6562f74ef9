package org.scorefield.app.model;

import java.util.Optional;
import java.util.function.Supplier;
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
import javafx.beans.property.SimpleObjectProperty;
import org.scorefield.app.jobs.Job;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.LossWeighting;
import org.scorefield.core.nn.LossHistory;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingWorker;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.schedule.Schedule;

/**
 * The model and its training, as the window sees it: the settings a student edits, and a training
 * run: a {@link TrainingWorker} that trains on its own thread and publishes immutable updates
 * through a job of its own ({@link Jobs#open}), merged while the window is busy so that every loss
 * arrives, and tagged with the run, so that an update of a run that was reset is never shown.
 *
 * <p>A run is built from the settings, data and process of the moment the user first presses
 * Train (or Step) after a reset; later edits take effect at the next Reset, and
 * {@link #outOfDateProperty()} says so. A model is therefore never thrown away behind the user's
 * back, and it keeps the process it was trained on. Lives on the deliver thread of its jobs.
 */
public final class TrainingState implements AutoCloseable {

    /** Training steps between two hand-overs to the window while training runs. */
    static final int PUBLISH_EVERY = 25;

    /** What a run is built from, captured when it is built. */
    public record Inputs(DataState.Data data, Schedule schedule, Objective objective, Architecture architecture,
                  TrainingSettings settings, FlowSetup flow) {

        public Parameterization parameterization() {
            Schedule s = ExactPath.forSettings(objective, schedule, flow.source()).schedule(); // the path it learns
            return new Parameterization(objective, s, LossWeighting.UNIFORM, EdmPreconditioning.standard());
        }
    }

    private final ObjectProperty<Objective> objective;
    private final ObjectProperty<SourceOption> source = new SimpleObjectProperty<>(SourceOption.GAUSSIAN);
    private final ObjectProperty<CouplingKind> coupling;
    private final DoubleProperty sinkhornEpsilon;
    private final IntegerProperty width;
    private final IntegerProperty depth;
    private final DoubleProperty learningRate;
    private final IntegerProperty batch;
    private final BooleanProperty ema;
    private final LongProperty seed;
    private final BooleanProperty refreshSamples;
    private final BooleanProperty conditional;
    private final DoubleProperty labelDropout;
    private final IntegerProperty refreshEvery;

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
    private final Jobs jobs;
    /** The job keys of the trainer being built and of the run's updates, and the words after "Training". */
    private final String trainerKey;
    private final String updatesKey;
    private final String name;
    /** Every loss of the current run, in buckets (a chart draws it, an export writes it). */
    private final LossHistory losses = new LossHistory(LossHistory.DEFAULT_CAPACITY);

    /** The current run's worker, or null before the first Train or Step after a reset. */
    private TrainingWorker worker;
    /** The job that carries the current run's updates; a new run or a reset retires it. */
    private Job<Handover> run;
    private Inputs runInputs;
    /** Train on once the run being built is there (Train pressed while it was built), not a single Step. */
    private final javafx.beans.property.BooleanProperty resumeWhenBuilt = new javafx.beans.property.SimpleBooleanProperty();
    private int stepsWhenBuilt;
    /** A restored model that the next run continues from, instead of the seeded initial weights. */
    private TrainedModel resumeFrom;

    /**
     * What a run handed over since the window last took it: its newest update and the loss of every
     * step since (a reset, step 0, starts the losses again).
     */
    private record Handover(TrainingWorker.Update update, LossBuffer losses) {

        static Handover of(TrainingWorker.Update update) {
            LossBuffer losses = new LossBuffer();
            double[] recent = update.recentLosses();
            losses.append(update.steps() - recent.length + 1, recent);
            return new Handover(update, losses);
        }

        /** This hand-over followed by a newer one: the newer update, every loss of both. */
        Handover then(Handover newer) {
            if (newer.update().steps() == 0) {
                return newer;
            }
            newer.losses().drain(losses::append);
            return new Handover(newer.update(), losses);
        }
    }

    /**
     * @param currentInputs what a new run would be built from now (data and process come from the window)
     * @param jobs          where a trainer is built (building one loads ND4J and draws the data pool)
     * @param values        where the model's and training's settings are owned
     */
    TrainingState(Supplier<Inputs> currentInputs, Jobs jobs, SettingValues values) {
        this(currentInputs, jobs, values, "");
    }

    /**
     * A training run beside the window's own (the compare view's B): its jobs have keys of their own, so
     * that neither run's trainer or updates supersede the other's.
     *
     * @param name empty for the window's model, else a short name ("B") that keys and titles its jobs
     */
    TrainingState(Supplier<Inputs> currentInputs, Jobs jobs, SettingValues values, String name) {
        this.currentInputs = currentInputs;
        this.jobs = jobs;
        this.name = name;
        trainerKey = name.isEmpty() ? "trainer" : "trainer " + name;
        updatesKey = name.isEmpty() ? "training" : "training " + name;
        objective = values.object(Settings.OBJECTIVE);
        coupling = values.object(Settings.COUPLING);
        sinkhornEpsilon = values.number(Settings.SINKHORN_EPSILON);
        width = values.integer(Settings.WIDTH);
        depth = values.integer(Settings.DEPTH);
        learningRate = values.number(Settings.LEARNING_RATE);
        batch = values.integer(Settings.BATCH);
        ema = values.flag(Settings.EMA);
        seed = values.whole(Settings.TRAINING_SEED);
        refreshSamples = values.flag(Settings.REFRESH_SAMPLES);
        conditional = values.flag(Settings.CONDITIONAL);
        labelDropout = values.number(Settings.LABEL_DROPOUT);
        refreshEvery = values.integer(Settings.REFRESH_EVERY);
        // drawn points come with a session beside its settings: only N(0, I) and presets are set by name
        values.bind(Settings.SOURCE, source, () -> source.get().id(),
                id -> SourceOption.named(id).ifPresent(source::set));
        for (javafx.beans.Observable setting : new javafx.beans.Observable[] {objective, width, depth, learningRate,
                batch, ema, seed, source, coupling, sinkhornEpsilon, conditional, labelDropout}) {
            setting.addListener(obs -> checkOutOfDate());
        }
    }

    /** Builds a settings capture from the model section's values. */
    Inputs inputs(DataState.Data data, Schedule schedule) {
        Architecture architecture = Architecture.defaults().withSize(width.get(), depth.get());
        TrainingSettings settings = TrainingSettings.defaults(seed.get()).withBatch(batch.get())
                .withLearningRate(learningRate.get()).withEma(ema.get());
        int classes = data.points().labelCount();
        if (conditional.get() && classes >= 2) {
            architecture = architecture.withClasses(classes); // the data's labels as an input (docs/math.md §9.1)
            // only a network with a class input drops labels: the slider leaves an unconditional model as it is
            settings = settings.withLabelDropout(labelDropout.get());
        }
        FlowSetup flow = objective.get() == Objective.FLOW_MATCHING
                ? FlowSetup.of(source.get().source(), new Coupling(coupling.get(), sinkhornEpsilon.get()))
                : FlowSetup.standard();
        return new Inputs(data, schedule, objective.get(), architecture, settings, flow);
    }

    // ---- settings -------------------------------------------------------------------------------

    /** Whether the network takes each point's class as an input (for guidance). */
    public BooleanProperty conditionalProperty() {
        return conditional;
    }

    /** The share of training points whose class is replaced by "none". */
    public DoubleProperty labelDropoutProperty() {
        return labelDropout;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    /** Where flow matching starts (t = 1). */
    public ObjectProperty<SourceOption> sourceProperty() {
        return source;
    }

    /**
     * Makes a copy of these points (the canvas's, say) the source: draw a shape, use it, then choose
     * or draw the data it should flow to.
     *
     * @throws org.scorefield.core.InvalidInputException when there are no points; the source is then unchanged
     */
    public void useAsSource(org.scorefield.core.data.PointSet points) {
        org.scorefield.core.InvalidInputException.require(points.size() > 0,
                "There are no points on the canvas to use as the source: draw some first.");
        source.set(SourceOption.snapshot(points));
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

    /**
     * The loss of every step of the current run, kept in bounded buckets; it grows as the steps do
     * (listen to {@link #stepsProperty()}) and empties at a reset.
     */
    public LossHistory losses() {
        return losses;
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

    /** Whether a run is being built (the first Train press loads ND4J: up to seconds). */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** The inputs of the current model, or those a model would be built from now: what a replay trains on. */
    public Inputs replayInputs() {
        return runInputs != null ? runInputs : currentInputs.get();
    }

    /** The inputs the current model was built from, if there is one. */
    public Optional<Inputs> runInputs() {
        return Optional.ofNullable(runInputs);
    }

    // ---- commands -------------------------------------------------------------------------------

    /** Trains continuously (building the run first if there is none). */
    public void train() {
        withRun(true, () -> worker.resume());
    }

    public void pause() {
        resumeWhenBuilt.set(false);
        if (worker != null) {
            worker.pause();
        }
    }

    private final java.util.List<Runnable> resetListeners = new java.util.ArrayList<>();

    /**
     * Runs {@code action} at every {@link #reset()}, whoever calls it (the action bar, the guide's
     * "Train a new model", a session opened), also while the run is still being built and there is no
     * model whose loss a listener of the model would see.
     */
    public void onReset(Runnable action) {
        resetListeners.add(action);
    }

    /**
     * Runs {@code action} when this run's samples are due to be drawn again while it trains: at its
     * first steps, then each time its steps cross a multiple of {@code settings}' refresh interval, if
     * that refresh is on. One rule for the window's model and for model B of the compare view, which
     * follows A's refresh settings.
     */
    public void onRefreshDue(TrainingState settings, Runnable action) {
        steps.addListener((obs, old, now) -> {
            long every = settings.refreshEveryProperty().get();
            boolean crossed = old.longValue() / every != now.longValue() / every || old.longValue() == 0;
            if (settings.refreshSamplesProperty().get() && crossed && now.longValue() > 0) {
                action.run();
            }
        });
    }

    /** Runs {@code action} whenever {@link #trainsOn()} may have changed. */
    public void onTrainsOnChange(Runnable action) {
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {state, resumeWhenBuilt}) {
            o.addListener(obs -> action.run());
        }
    }

    /** Whether it trains continuously: its steps running, or about to once its run is built (not a Step). */
    public boolean trainsOn() {
        return state.get() == TrainingWorker.State.RUNNING || resumeWhenBuilt.get();
    }

    /** Whether training is under way: its run being built, or its steps running. */
    public boolean running() {
        return starting.get() || state.get() == TrainingWorker.State.RUNNING;
    }

    /** Train when paused, pause when training. */
    public void toggle() {
        if (trainsOn()) {
            pause();
        } else {
            train();
        }
    }

    /** One optimiser step. */
    public void step() {
        withRun(false, () -> worker.stepOnce());
    }

    /** Throws the model away: the next Train starts from the seeded initial weights with the current settings. */
    public void reset() {
        resetListeners.forEach(Runnable::run);
        resumeWhenBuilt.set(false);
        resumeFrom = null;
        closeRun();
        jobs.drop(trainerKey);
        starting.set(false);
        losses.clear(); // before the steps go to 0, which a chart listens to
        model.set(null);
        steps.set(0);
        loss.set(Double.NaN);
        stepsPerSecond.set(Double.NaN);
        state.set(TrainingWorker.State.PAUSED);
        failure.set("");
        outOfDate.set(false);
    }

    /**
     * Makes a saved model the current one (a session reopened): the window samples it at once, and
     * Train goes on from its weights and step count ({@link Trainer#resume}). Call after the data,
     * process and model settings are restored, so that the model is up to date with them.
     */
    public void restore(TrainedModel saved) {
        reset();
        resumeFrom = saved;
        // what the model was trained with (on the restored data), so that a setting changed since
        // shows as out of date, as it would have before the session was saved
        Inputs now = currentInputs.get();
        Parameterization p = saved.parameterization();
        runInputs = new Inputs(now.data(), p.objective() == Objective.FLOW_MATCHING ? now.schedule() : p.schedule(),
                p.objective(), saved.architecture(), saved.settings(), saved.flow().withRound(0));
        model.set(saved);
        steps.set(saved.steps());
        loss.set(saved.loss());
        checkOutOfDate();
    }

    /** Re-evaluates whether the model is out of date (the window calls it when data or process change). */
    void checkOutOfDate() {
        if (runInputs == null) {
            outOfDate.set(false);
            return;
        }
        Inputs now = currentInputs.get();
        boolean processMatters = runInputs.objective() != Objective.FLOW_MATCHING
                || now.objective() != Objective.FLOW_MATCHING;
        outOfDate.set(now.data() != runInputs.data()
                || (processMatters && !now.schedule().equals(runInputs.schedule()))
                || now.objective() != runInputs.objective()
                || !now.architecture().equals(runInputs.architecture())
                || !now.settings().equals(runInputs.settings())
                || !now.flow().equals(runInputs.flow()));
    }

    private void withRun(boolean resume, Runnable command) {
        if (worker != null) {
            command.run();
            return;
        }
        resumeWhenBuilt.set(resumeWhenBuilt.get() || resume);
        if (!resume) {
            stepsWhenBuilt++;
        }
        if (starting.get()) {
            return;
        }
        Inputs inputs = currentInputs.get();
        if (inputs.data().points().size() == 0) {
            failure.set("There are no data points: choose a preset, or draw some points first.");
            resumeWhenBuilt.set(false);
            stepsWhenBuilt = 0;
            return;
        }
        starting.set(true);
        failure.set("");
        // a restored model goes on training until Reset, like a model trained in this window
        TrainedModel from = resumeFrom;
        jobs.<Trainer>job(trainerKey, Lane.TRAINING).title(name.isEmpty() ? "Starting training" : "Starting training " + name)
                .onFailure(why -> notStarted())
                .onCancelled(this::notStarted)
                .start(job -> from != null ? Trainer.resume(inputs.data().distribution(), from)
                        : new Trainer(inputs.data().distribution(), inputs.parameterization(), inputs.architecture(),
                        inputs.settings(), inputs.flow()),
                trainer -> {
                    starting.set(false);
                    Job<Handover> updates = jobs.open(updatesKey,
                            name.isEmpty() ? "Training" : "Training " + name, this::receive, Handover::then);
                    run = updates;
                    worker = new TrainingWorker(trainer, PUBLISH_EVERY, u -> updates.publish(Handover.of(u)));
                    if (from == null) {
                        runInputs = inputs; // a resumed model keeps the inputs it was trained with
                    }
                    checkOutOfDate();
                    for (; stepsWhenBuilt > 0; stepsWhenBuilt--) {
                        worker.stepOnce();
                    }
                    if (resumeWhenBuilt.get()) {
                        // RUNNING before the flag drops, so that trainsOn() never blinks false on the way
                        state.set(TrainingWorker.State.RUNNING);
                        resumeWhenBuilt.set(false);
                        worker.resume();
                    }
                });
    }

    /** The run being built failed or was cancelled: nothing trains, nothing waits. */
    private void notStarted() {
        starting.set(false);
        resumeWhenBuilt.set(false);
        stepsWhenBuilt = 0;
    }

    /** On the deliver thread: the current run's newest update, with every loss since the last one. */
    private void receive(Handover handover) {
        TrainingWorker.Update update = handover.update();
        handover.losses().drain(losses::append);
        // the model first: a listener to the steps (the window's refresh of the samples) samples this model
        if (update.steps() > 0) {
            model.set(update.model());
        }
        steps.set(update.steps());
        loss.set(update.smoothedLoss());
        if (Double.isFinite(update.stepsPerSecond())) {
            stepsPerSecond.set(update.stepsPerSecond());
        }
        state.set(update.state());
        // the trainer's sentence says where it stopped, what is kept and what to try; the window adds how
        failure.set(update.failure().map(why -> why + " Press Reset to train again with the settings shown.")
                .orElse(""));
    }

    /** Retires the run: its worker stops between two steps (not waited for), its late updates are dropped. */
    private void closeRun() {
        if (run != null) {
            run.cancel();
            run = null;
        }
        if (worker != null) {
            worker.stop();
            worker = null;
        }
        runInputs = null;
        stepsWhenBuilt = 0;
    }

    @Override
    public void close() {
        closeRun();
    }
}
