package org.scorefield.app.model;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.settings.ComparedSetting;
import org.scorefield.app.settings.Driver;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The compare view: a second model, B, trained beside the window's model, A, with one setting
 * different (objective, schedule, width or coupling) and every other input A's: the same data, process,
 * network, optimiser and training seed. B is sampled as A's run on screen was (the same solver, seed
 * and number of samples, so the same starting noise), so the one setting is all that differs between
 * the two panes. B has jobs of its own (see {@link TrainingState}), and trains on a worker thread of
 * its own. While the view is on, the action bar's Train, Pause, Step and Reset reach both models
 * through here; otherwise A alone.
 *
 * <p>Some comparisons show nothing: flow matching trains on its straight path whatever the schedule,
 * and only flow matching pairs its batches by a coupling. {@link #problemProperty()} says so, and B
 * does not train then. Lives on the deliver thread of its jobs (the FX thread in the window).
 */
public final class CompareState implements AutoCloseable {

    /** The job key of B's sampling run. */
    static final String SAMPLE_KEY = "sample B";
    /** What {@link #problemProperty()} says when B's value is A's. */
    public static final String SAME = "B is the same as A: choose a different value.";

    private final BooleanProperty on;
    private final ObjectProperty<ComparedSetting> varies;
    private final ObjectProperty<Objective> objective;
    private final ObjectProperty<ScheduleKind> schedule;
    private final IntegerProperty width;
    private final ObjectProperty<CouplingKind> coupling;

    private final DataState data;
    private final ProcessState process;
    private final TrainingState a;
    private final SamplingState sampling;
    private final TrainingState b;
    private final ReadOnlyObjectWrapper<SamplingState.Run> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Jobs jobs;

    CompareState(Jobs jobs, SettingValues values, BooleanProperty on, DataState data, ProcessState process,
                 TrainingState a, SamplingState sampling) {
        this.jobs = jobs;
        this.on = on;
        this.data = data;
        this.process = process;
        this.a = a;
        this.sampling = sampling;
        varies = values.object(Settings.COMPARE_VARIES);
        objective = values.object(Settings.COMPARE_OBJECTIVE);
        schedule = values.object(Settings.COMPARE_SCHEDULE);
        width = values.integer(Settings.COMPARE_WIDTH);
        coupling = values.object(Settings.COMPARE_COUPLING);
        // B's own settings properties are not the window's (those are A's): its inputs come from vary()
        b = new TrainingState(this::inputsB, jobs, new SettingValues(), "B");

        // A's settings count while A has no model; A's model, once there, keeps the inputs it was built from.
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {varies, objective, schedule, width,
                coupling, a.objectiveProperty(), a.widthProperty(), a.couplingProperty(), a.modelProperty(),
                process.scheduleProperty()}) {
            o.addListener(obs -> refreshProblem());
        }
        refreshProblem();
        // A new comparison throws the old B away; B then follows A (training if A trains).
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {varies, objective, schedule, width,
                coupling}) {
            o.addListener(obs -> {
                b.reset();
                follow();
                resample(); // B's pane shows the new comparison's samples, not the old one's under a new title
            });
        }
        problem.addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                b.reset();
            } else {
                follow();
            }
        });
        on.addListener((obs, old, now) -> {
            if (now) {
                follow();
            } else {
                b.pause(); // its CPU back to A; its model stays for the next look
            }
            resample();
        });
        // B belongs to the A it was started beside: A thrown away (Reset, "Train a new model", a session
        // opened), also while A is still being built, takes B with it.
        a.onReset(b::reset);
        // B does what A does, whatever started or paused A (the action bar, the guide's button, a key)
        a.onTrainsOnChange(this::followOrPause);
        data.dataProperty().addListener(obs -> b.checkOutOfDate());
        process.scheduleProperty().addListener(obs -> b.checkOutOfDate());
        // B is sampled whenever A's run changes, with that run's settings and seed; and as B learns.
        sampling.runsProperty().addListener(obs -> resample());
        b.onRefreshDue(a, () -> {
            if (sampling.driverProperty().get() == Driver.MODEL) {
                resample(); // (the oracle's B run does not change as B learns)
            }
        });
        b.modelProperty().addListener((obs, old, m) -> {
            if (m == null) {
                resample();
            }
        });
    }

    // ---- settings -------------------------------------------------------------------------------

    /** Whether the compare view is on (the view's flag). */
    public BooleanProperty onProperty() {
        return on;
    }

    /** The one setting in which B differs from A. */
    public ObjectProperty<ComparedSetting> variesProperty() {
        return varies;
    }

    public ObjectProperty<Objective> objectiveProperty() {
        return objective;
    }

    public ObjectProperty<ScheduleKind> scheduleProperty() {
        return schedule;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public ObjectProperty<CouplingKind> couplingProperty() {
        return coupling;
    }

    // ---- what it shows --------------------------------------------------------------------------

    /** Model B, with its run, steps and loss (its settings properties are unused: see {@link #inputsB()}). */
    public TrainingState b() {
        return b;
    }

    /** B's samples, drawn as A's run on screen was; null while there is none. */
    public ReadOnlyObjectProperty<SamplingState.Run> runProperty() {
        return run.getReadOnlyProperty();
    }

    /**
     * Why this comparison would show two identical models (B's value is A's, a schedule under flow
     * matching, a coupling without it), or empty: B trains only when it is empty.
     */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * What B is built from: A's inputs (those of A's model, or those A would be built from now) with
     * the one setting B's. A flow-matching B takes the source and coupling of the settings shown.
     */
    public TrainingState.Inputs inputsB() {
        return vary(a.replayInputs());
    }

    TrainingState.Inputs vary(TrainingState.Inputs in) {
        return switch (varies.get()) {
            case OBJECTIVE -> new TrainingState.Inputs(in.data(), in.schedule(), objective.get(), in.architecture(),
                    in.settings(), objective.get() != Objective.FLOW_MATCHING ? FlowSetup.standard()
                    : in.objective() == Objective.FLOW_MATCHING ? in.flow()
                    : FlowSetup.of(a.sourceProperty().get().source(),
                            new Coupling(a.couplingProperty().get(), a.sinkhornEpsilonProperty().get())));
            case SCHEDULE -> new TrainingState.Inputs(in.data(), schedule.get().createDefault(), in.objective(),
                    in.architecture(), in.settings(), in.flow());
            case WIDTH -> new TrainingState.Inputs(in.data(), in.schedule(), in.objective(),
                    in.architecture().withSize(width.get(), in.architecture().depth()), in.settings(), in.flow());
            case COUPLING -> new TrainingState.Inputs(in.data(), in.schedule(), in.objective(), in.architecture(),
                    in.settings(), in.objective() != Objective.FLOW_MATCHING ? in.flow()
                    : FlowSetup.of(in.flow().source(), new Coupling(coupling.get(), in.flow().coupling().epsilon()))
                            .withRound(in.flow().round()));
        };
    }

    /** "A  ·  EDM denoiser": the model's name and its value of the varied setting, as it was trained. */
    public String titleA() {
        return "A  \u00b7  " + valueOf(a.replayInputs());
    }

    /** "B  ·  flow matching". */
    public String titleB() {
        return "B  \u00b7  " + valueOf(b.replayInputs());
    }

    /** The varied setting's value in these inputs, in a few words. */
    String valueOf(TrainingState.Inputs in) {
        return switch (varies.get()) {
            case OBJECTIVE -> in.objective().displayName();
            // the kind's name without its reference: "VE geometric", "VP cosine"; flow matching has none
            case SCHEDULE -> in.objective() == Objective.FLOW_MATCHING ? "straight path (flow matching)"
                    : in.schedule().kind().displayName().replaceFirst("\\s*\\(.*\\)$", "");
            case WIDTH -> in.architecture().width() + " units";
            case COUPLING -> in.objective() != Objective.FLOW_MATCHING ? "no coupling"
                    : in.flow().coupling().kind().displayName();
        };
    }

    /** "1,200 steps  ·  loss 0.412": how far a model has trained, for its pane. */
    public static String trainingFigures(TrainingState t) {
        long steps = t.stepsProperty().get();
        double loss = t.lossProperty().get();
        if (t.startingProperty().get() && steps == 0) {
            return "starting\u2026";
        }
        if (steps == 0) {
            return "not trained";
        }
        return String.format(Locale.ROOT, "%,d %s  \u00b7  loss %s", steps, steps == 1 ? "step" : "steps",
                Double.isFinite(loss) ? String.format(Locale.ROOT, "%.3f", loss) : "\u2013");
    }

    // ---- commands: A's, and B's while the view is on ----------------------------------------------

    /** Trains A, and B beside it. */
    public void train() {
        a.train();
        if (bTrains()) {
            b.train();
        }
    }

    public void pause() {
        a.pause();
        b.pause();
    }

    /** Train when A is paused, pause both when A trains. */
    public void toggle() {
        if (a.running()) {
            pause();
        } else {
            train();
        }
    }

    /** One optimiser step of A, and of B. */
    public void step() {
        a.step();
        if (bTrains()) {
            b.step();
        }
    }

    /** Throws A away, and B with it: the next Train starts both from the seeded initial weights. */
    public void reset() {
        a.reset(); // B follows, see onReset
    }

    /** Samples B again as A's run on screen was sampled (nothing while the view is off or B would be A). */
    public void resample() {
        SamplingState.Run like = sampling.runsProperty().get().single();
        if (!on.get() || like == null || !problem.get().isEmpty()) {
            jobs.drop(SAMPLE_KEY);
            run.set(null);
            return;
        }
        sampling.sampleLike(SAMPLE_KEY, choiceB(), like, run::set);
    }

    /**
     * B's denoiser, by A's rule: its model when the model drives sampling and B has one, otherwise the
     * exact oracle along B's path.
     */
    public DenoiserChoice choiceB() {
        Optional<org.scorefield.core.nn.TrainedModel> model = b.model();
        if (sampling.driverProperty().get() == Driver.MODEL && model.isPresent()) {
            return DenoiserChoice.learned(model.get(), b.runInputs().map(TrainingState.Inputs::data)
                    .orElse(data.data()));
        }
        return DenoiserChoice.exact(data.data(), pathB());
    }

    /** The path B's samples and its data layer follow: its model's, or what its inputs would train. */
    public ExactPath pathB() {
        var flowModel = b.model().filter(m -> sampling.driverProperty().get() == Driver.MODEL
                && m.parameterization().objective() == Objective.FLOW_MATCHING);
        if (flowModel.isPresent()) {
            return ExactPath.of(flowModel.get());
        }
        TrainingState.Inputs in = b.replayInputs();
        return ExactPath.forSettings(in.objective(), in.schedule(), in.flow().source());
    }

    private boolean bTrains() {
        return on.get() && problem.get().isEmpty();
    }

    /** B trains while A trains and pauses when A stops. */
    private void followOrPause() {
        if (a.trainsOn()) {
            follow();
        } else if (b.trainsOn()) {
            b.pause();
        }
    }

    /** B does what A does: trains while A trains (once the view is on and the comparison means something). */
    private void follow() {
        if (bTrains() && a.trainsOn() && !b.trainsOn()) {
            b.train();
        }
    }

    /** The problem in phrases short enough for a canvas title, or empty. */
    public String problemInShort() {
        String p = problem.get();
        return p.isEmpty() ? "" : p.equals(SAME) ? "the same as A  \u00b7  choose a different value"
                : varies.get() == ComparedSetting.SCHEDULE ? "flow matching ignores the schedule  \u00b7  B would be A"
                : "only flow matching uses a coupling  \u00b7  B would be A";
    }

    /** Compares B's value with that of A's model on screen (or of the A the settings would build now). */
    private void refreshProblem() {
        TrainingState.Inputs in = a.replayInputs();
        Objective objectiveA = in.objective();
        problem.set(switch (varies.get()) {
            case OBJECTIVE -> objective.get() == objectiveA ? SAME : "";
            case SCHEDULE -> objectiveA == Objective.FLOW_MATCHING ? "Flow matching ignores the schedule: B would "
                    + "be A. Choose another objective for A, or vary something else."
                    : schedule.get() == in.schedule().kind() ? SAME : "";
            case WIDTH -> width.get() == in.architecture().width() ? SAME : "";
            case COUPLING -> objectiveA != Objective.FLOW_MATCHING ? "Only flow matching pairs its batches: B would "
                    + "be A. Choose flow matching for A, or vary something else."
                    : coupling.get() == in.flow().coupling().kind() ? SAME : "";
        });
    }

    @Override
    public void close() {
        b.close();
    }
}
