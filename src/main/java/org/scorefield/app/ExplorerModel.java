package org.scorefield.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.field.FieldKind;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.schedule.ForwardNoising;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * Everything the explorer window shows and edits, in one place: the data, the process, the time t,
 * the model and its training, sampling, what the canvas draws and how the window looks. Views bind
 * to these properties and call the commands; heavy work runs as {@link Jobs} and comes back as
 * immutable results. Lives on the deliver thread of its jobs (the FX thread in the window).
 */
public final class ExplorerModel implements AutoCloseable {

    /** Where a vector field comes from. */
    public enum FieldSource {
        LEARNED("Learned"), EXACT("Exact"), DIFFERENCE("|Learned − exact|");

        private final String label;

        FieldSource(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final StringProperty message = new SimpleStringProperty("");
    private final Jobs jobs;
    private final DataState data = new DataState();
    private final ProcessState process = new ProcessState();
    private final DoubleProperty time = new SimpleDoubleProperty(0);
    private final ObjectProperty<Look> look = new SimpleObjectProperty<>(Look.DEFAULT);
    private final BooleanProperty split = new SimpleBooleanProperty(false);
    private final ObjectProperty<CanvasTool> tool = new SimpleObjectProperty<>(CanvasTool.LOOK);

    private final BooleanProperty showData = new SimpleBooleanProperty(true);
    private final BooleanProperty showDensity = new SimpleBooleanProperty(false);
    private final BooleanProperty showSamples = new SimpleBooleanProperty(true);
    private final BooleanProperty showField = new SimpleBooleanProperty(false);
    private final ObjectProperty<FieldKind> fieldKind = new SimpleObjectProperty<>(FieldKind.SCORE);
    private final ObjectProperty<FieldSource> fieldSource = new SimpleObjectProperty<>(FieldSource.EXACT);
    private final BooleanProperty streamlines = new SimpleBooleanProperty(false);
    private final IntegerProperty fieldResolution = new SimpleIntegerProperty(24);
    private final DoubleProperty arrowScale = new SimpleDoubleProperty(1);

    private final TrainingState training;
    private final SamplingState sampling;
    private final ReflowState reflow;
    private final BooleanProperty roundsView = new SimpleBooleanProperty(false);
    private final BooleanProperty showPairs = new SimpleBooleanProperty(false);
    private final ObjectProperty<double[]> probePoint = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ExactPath> exactPath =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<org.scorefield.app.canvas.VelocityProbe> probe =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<org.scorefield.core.sample.Trajectories> pairs =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    private final FieldLayers layers;
    private final SolverComparison comparison;

    /** @param jobs where the model's background work runs (its failures go to {@link #messageProperty()}) */
    public ExplorerModel(Jobs jobs) {
        this.jobs = jobs;
        jobs.onError(message::set);
        reflow = new ReflowState(jobs);
        training = new TrainingState(() -> trainingInputs(), jobs);
        sampling = new SamplingState(jobs, this::samplingChoice, split::get);
        data.dataProperty().addListener((obs, old, d) -> {
            training.checkOutOfDate();
            sampling.clearRuns();
        });
        // Rounds belong to the model they started from: a reset throws them away with it.
        training.modelProperty().addListener((obs, old, m) -> {
            if (m == null) {
                reflow.clear();
            }
        });
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {showPairs, data.dataProperty(),
                training.sourceProperty(), training.couplingProperty(), training.sinkhornEpsilonProperty(),
                sampling.seedProperty()}) {
            o.addListener(obs -> refreshPairs());
        }
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {process.scheduleProperty(),
                training.objectiveProperty(), training.sourceProperty(), training.modelProperty(),
                sampling.driverProperty()}) {
            o.addListener(obs -> refreshExactPath());
        }
        refreshExactPath();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {probePoint, time, data.dataProperty(),
                training.modelProperty(), exactPath}) {
            o.addListener(obs -> refreshProbe());
        }
        // The rounds view and the split view exclude each other.
        split.addListener((obs, old, on) -> {
            if (on) {
                roundsView.set(false);
            }
        });
        roundsView.addListener((obs, old, on) -> {
            if (on) {
                split.set(false);
            }
        });
        process.scheduleProperty().addListener((obs, old, s) -> training.checkOutOfDate());
        layers = new FieldLayers(this);
        comparison = new SolverComparison(jobs, this::samplingChoice, sampling.gridProperty()::get,
                sampling.seedProperty()::get);
        // A new model, process or data makes an old comparison stale.
        training.modelProperty().addListener((obs, old, m) -> {
            if (m == null) {
                comparison.clear();
            }
        });
        process.scheduleProperty().addListener(obs -> comparison.clear());
        // ND4J takes a second or more to load the first time: do it now, off the FX thread.
        jobs.submit("warm-up", Lane.TRAINING, job -> {
            Nd4jRuntime.ensureConfigured();
            return true;
        }, ok -> { });
    }

    private TrainingState.Inputs trainingInputs() {
        return training.inputs(data.data(), process.schedule());
    }

    /** Whether a trained model drives sampling (otherwise the exact oracle does). */
    boolean modelSamples() {
        return sampling.driverProperty().get() == SamplingState.Driver.MODEL && training.model().isPresent();
    }

    /** The denoiser sampling uses now: the model when chosen and trained, otherwise the exact oracle. */
    DenoiserChoice samplingChoice() {
        if (modelSamples()) {
            return DenoiserChoice.learned(training.model().get(), training.runInputs()
                    .map(TrainingState.Inputs::data).orElse(data.data()));
        }
        ExactPath path = exactPath();
        return DenoiserChoice.exact(data.data(), path.schedule(), path.source());
    }

    /** The path the canvas follows now (see {@link #exactPathProperty()}). */
    ExactPath exactPath() {
        return exactPath.get();
    }

    /**
     * The path the canvas follows, changing only when it does: a trained flow-matching model that
     * drives sampling keeps its own (its linear path from its source, even after the settings
     * change, as its samples do); otherwise, under flow matching, its linear path
     * {@code x_t = (1−t)·x0 + t·x1} from the source chosen in Model &amp; training (what a model will
     * learn, whatever the process); otherwise the process from N(0, I).
     */
    javafx.beans.property.ReadOnlyObjectProperty<ExactPath> exactPathProperty() {
        return exactPath.getReadOnlyProperty();
    }

    private void refreshExactPath() {
        var flowModel = training.model().filter(m -> sampling.driverProperty().get() == SamplingState.Driver.MODEL
                && m.parameterization().objective() == org.scorefield.core.nn.Objective.FLOW_MATCHING);
        // a model that samples keeps its path; otherwise the path of what the settings would train
        ExactPath now = flowModel.isPresent() ? ExactPath.of(flowModel.get())
                : modelSamples() ? ExactPath.diffusion(process.schedule())
                : ExactPath.forSettings(training.objectiveProperty().get(), process.schedule(),
                        training.sourceProperty().get().source());
        if (!now.equals(exactPath.get())) {
            if (exactPath.get() != null && !modelSamples()) {
                sampling.clearRuns(); // the oracle's samples were of the old path (before listeners sample anew)
            }
            exactPath.set(now);
        }
    }

    /** Runs {@code action} now and whenever the exact path changes. */
    void onExactPathChange(Runnable action) {
        exactPath.addListener(obs -> action.run());
        action.run();
    }

    private ForwardNoising flowNoising;
    private DataState.Data flowNoisingData;
    private FlowSource flowNoisingSource;

    /**
     * The data layer's fixed ends: the data's own ε per point, or under a flow from another source one
     * source point per data point (drawn from the data seed, kept while data and source stay).
     */
    ForwardNoising noising() {
        DataState.Data d = data.data();
        FlowSource source = exactPath().source();
        if (source.isGaussian() || d.points().size() == 0) {
            return d.noising();
        }
        if (flowNoising == null || flowNoisingData != d || !flowNoisingSource.equals(source)) {
            flowNoising = source.forwardNoising(d.points(), data.seedProperty().get());
            flowNoisingData = d;
            flowNoisingSource = source;
        }
        return flowNoising;
    }

    /** Whether sampling falls back to the oracle because no model has been trained yet. */
    public boolean samplingFallsBack() {
        return sampling.driverProperty().get() == SamplingState.Driver.MODEL && training.model().isEmpty();
    }

    /** Reflow's rounds and settings. */
    public ReflowState reflow() {
        return reflow;
    }

    /** The Reflow rounds on the canvas instead of the sampling runs. */
    public BooleanProperty roundsViewProperty() {
        return roundsView;
    }

    /** One batch's pairs under the chosen coupling, as the straight paths x_t = (1 − t)x₀ + t·x₁. */
    public BooleanProperty showPairsProperty() {
        return showPairs;
    }

    /** Where the velocity probe is (null: none). */
    public ObjectProperty<double[]> probePointProperty() {
        return probePoint;
    }

    /** What the velocity probe shows at its point and the current t, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<org.scorefield.app.canvas.VelocityProbe> probeProperty() {
        return probe.getReadOnlyProperty();
    }

    /** Conditional targets drawn by the probe: the likeliest pairs. */
    static final int PROBE_TARGETS = 150;

    /**
     * The probe at the current t: conditional targets and marginal velocity of the data with the
     * source of {@link #exactPath()} (exact; a source known by points smoothed as the flow oracle
     * smooths it), and a flow-matching model's velocity there (the newest Reflow round's
     * when rounds are shown).
     */
    private void refreshProbe() {
        double[] at = probePoint.get();
        if (at == null || data.data().points().size() == 0) {
            jobs.drop("probe");
            probe.set(null);
            return;
        }
        org.scorefield.core.data.PointSet points = data.data().points();
        DataState.Data d = data.data();
        FlowSource source = exactPath().source();
        double t = time.get();
        org.scorefield.core.nn.TrainedModel learned = training.model()
                .filter(m -> m.parameterization().objective() == org.scorefield.core.nn.Objective.FLOW_MATCHING)
                .orElse(null);
        jobs.submit("probe", Lane.QUICK, job -> {
            var v = source.isGaussian() ? org.scorefield.core.flow.ConditionalVelocity.at(points, at[0], at[1], t)
                    : org.scorefield.core.flow.ConditionalVelocity.at(points, org.scorefield.core.flow.FlowOracle
                            .of(d.mixture(), points, source)::sourceLogDensity, at[0], at[1], t);
            int[] top = v.strongest(PROBE_TARGETS);
            double[] targets = new double[2 * top.length];
            double[] weights = new double[top.length];
            double strongest = v.weights()[top[0]];
            for (int k = 0; k < top.length; k++) {
                targets[2 * k] = v.targets()[2 * top[k]];
                targets[2 * k + 1] = v.targets()[2 * top[k] + 1];
                weights[k] = v.weights()[top[k]] / strongest;
            }
            double[] u = learned == null ? null : learned.denoiser().velocity(new double[] {at[0], at[1]}, v.t());
            return new org.scorefield.app.canvas.VelocityProbe(at[0], at[1], targets, weights, v.marginal(), u);
        }, probe::set);
    }

    /** The batch of pairs drawn while {@link #showPairsProperty()} is on, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<org.scorefield.core.sample.Trajectories> pairsProperty() {
        return pairs.getReadOnlyProperty();
    }

    /** Pairs one batch of the data with the training source under the chosen coupling (seeded by the sampling seed). */
    private void refreshPairs() {
        if (!showPairs.get() || data.data().points().size() == 0) {
            jobs.drop("pairs");
            pairs.set(null);
            return;
        }
        org.scorefield.core.flow.Coupling coupling = new org.scorefield.core.flow.Coupling(
                training.couplingProperty().get(), training.sinkhornEpsilonProperty().get());
        org.scorefield.core.flow.FlowSource source = training.sourceProperty().get().source();
        org.scorefield.core.data.DataDistribution distribution = data.data().distribution();
        long seed = sampling.seedProperty().get();
        jobs.submit("pairs", Lane.QUICK,
                job -> coupling.batch(distribution, source, org.scorefield.core.flow.Coupling.CHUNK, seed), pairs::set);
    }

    /**
     * Makes the next Reflow round from the trained model (pausing its training, whose CPU the round
     * needs) and shows the rounds.
     */
    public void reflowNextRound() {
        training.pause();
        TrainingState.Inputs inputs = training.runInputs().orElse(null);
        reflow.nextRound(training.model().orElse(null),
                inputs == null ? data.data().distribution() : inputs.data().distribution(),
                inputs == null ? training.seedProperty().get() : inputs.settings().seed());
        if (!reflow.failureProperty().get().isEmpty()) {
            message.set(reflow.failureProperty().get());
        } else {
            roundsView.set(true);
        }
    }

    /** The background work of the window. */
    public Jobs jobs() {
        return jobs;
    }

    /** The computed layers under the particles: density, field, end-point densities. */
    public FieldLayers layers() {
        return layers;
    }

    /** The solvers' error against NFE, computed on demand. */
    public SolverComparison comparison() {
        return comparison;
    }

    public DataState data() {
        return data;
    }

    public ProcessState process() {
        return process;
    }

    public TrainingState training() {
        return training;
    }

    public SamplingState sampling() {
        return sampling;
    }

    /** The scrubber's time: 0 is the data, 1 is pure noise. */
    public DoubleProperty timeProperty() {
        return time;
    }

    public ObjectProperty<Look> lookProperty() {
        return look;
    }

    /** PF-ODE and reverse SDE side by side. */
    public BooleanProperty splitProperty() {
        return split;
    }

    /** What a click or drag on the canvas does. */
    public ObjectProperty<CanvasTool> toolProperty() {
        return tool;
    }

    /** The data noised to t (forward process). */
    public BooleanProperty showDataProperty() {
        return showData;
    }

    /** The exact density p_t as a heatmap. */
    public BooleanProperty showDensityProperty() {
        return showDensity;
    }

    /** Sampled trajectories and their particles at t. */
    public BooleanProperty showSamplesProperty() {
        return showSamples;
    }

    public BooleanProperty showFieldProperty() {
        return showField;
    }

    public ObjectProperty<FieldKind> fieldKindProperty() {
        return fieldKind;
    }

    public ObjectProperty<FieldSource> fieldSourceProperty() {
        return fieldSource;
    }

    /** Streamlines instead of arrows. */
    public BooleanProperty streamlinesProperty() {
        return streamlines;
    }

    /** Arrows per side of the field grid. */
    public IntegerProperty fieldResolutionProperty() {
        return fieldResolution;
    }

    public DoubleProperty arrowScaleProperty() {
        return arrowScale;
    }

    /** The latest sentence for the user (an error, or what just happened), shown in the status bar. */
    public StringProperty messageProperty() {
        return message;
    }

    @Override
    public void close() {
        training.close();
        jobs.close();
    }
}
