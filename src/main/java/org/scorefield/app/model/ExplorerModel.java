package org.scorefield.app.model;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.schedule.ForwardNoising;

/**
 * Everything the explorer window shows and edits, in one place: the data, the process, the model
 * and its training, sampling, Reflow, the view, the export settings, and what is computed from
 * them (the layers under the particles, the solver comparison, the velocity probe, the pairs), and
 * the history of the user's edits, for undo and redo.
 * Views bind to the properties of its parts and call their commands; heavy work runs as
 * {@link Jobs} and comes back as immutable results. This class ties the parts together: which path
 * the exact quantities follow, which denoiser samples, and what a change to one part makes stale in
 * another. Lives on the deliver thread of its jobs (the FX thread in the window).
 */
public final class ExplorerModel implements AutoCloseable {

    private final StringProperty message = new SimpleStringProperty("");
    private final Jobs jobs;
    private final SettingValues values = new SettingValues();
    private final DataState data = new DataState(values);
    private final ProcessState process = new ProcessState(values);
    private final ViewState view = new ViewState(values);
    private final ExportSettings export = new ExportSettings(values);
    private final TrainingState training;
    private final SamplingState sampling;
    private final ReflowState reflow;
    private final ReadOnlyObjectWrapper<ExactPath> exactPath = new ReadOnlyObjectWrapper<>();
    private final FieldLayers layers;
    private final SolverComparison comparison;
    private final ProbeState probe;
    private final PairsState pairs;
    private final HeldOutNll heldOutNll;
    private final PathLikelihood pathLikelihood;
    private final MemorisationState memorisation;
    private final CanvasGuide guide;
    private final CompareState compare;
    private final ClassifierState classifier;
    private final GuidanceSplit guidanceSplit;
    private final ContinuityState continuity;
    private final LikelihoodView likelihood;
    private final SdfState sdf;
    private final MeanShiftState meanShift;
    private final DenoisingView denoising;
    private final LangevinView langevin;
    private final ForwardPathsState forwardPaths;
    private final UndoHistory undo;

    /** @param jobs where the model's background work runs (its failures go to {@link #messageProperty()}) */
    public ExplorerModel(Jobs jobs) {
        this.jobs = jobs;
        jobs.onError(message::set);
        reflow = new ReflowState(jobs, values);
        training = new TrainingState(() -> training().inputs(data.data(), process.schedule()), jobs, values);
        classifier = new ClassifierState(jobs, training);
        sampling = new SamplingState(jobs, this::samplingChoice, view.splitProperty()::get, values);
        data.dataProperty().addListener((obs, old, d) -> {
            training.checkOutOfDate();
            sampling.clearRuns();
        });
        process.scheduleProperty().addListener((obs, old, s) -> training.checkOutOfDate());
        // Rounds belong to the model they started from: a reset throws them away with it.
        training.modelProperty().addListener((obs, old, m) -> {
            if (m == null) {
                reflow.clear();
            }
        });
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {process.scheduleProperty(),
                training.objectiveProperty(), training.sourceProperty(), training.modelProperty(),
                sampling.driverProperty()}) {
            o.addListener(obs -> refreshExactPath());
        }
        refreshExactPath();
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
        probe = new ProbeState(jobs, data, training, view.timeProperty(), this::exactPath);
        exactPath.addListener(obs -> probe.refresh());
        pairs = new PairsState(jobs, data, training, sampling.seedProperty(), view.showPairsProperty());
        heldOutNll = new HeldOutNll(jobs, training);
        pathLikelihood = new PathLikelihood(jobs, sampling, this::samplingChoice);
        memorisation = new MemorisationState(jobs, sampling, this::samplingChoice, training.seedProperty()::get);
        guide = new CanvasGuide(this);
        compare = new CompareState(jobs, values, view.compareProperty(), data, process, training, sampling);
        guidanceSplit = new GuidanceSplit(jobs, view.omegaSplitProperty(), sampling, this::samplingChoice);
        continuity = new ContinuityState(this);
        likelihood = new LikelihoodView(jobs, view.likelihoodProperty(), this::samplingChoice);
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {data.dataProperty(), exactPath,
                sampling.driverProperty()}) {
            o.addListener(obs -> likelihood.refresh());
        }
        // while training runs, a model comes every few steps: one map at a time, with a rest between;
        // a Step, a reset or a restored model is mapped at once, and so is the last model at a pause
        training.modelProperty().addListener(obs -> {
            if (training.stateProperty().get() == org.scorefield.core.nn.TrainingWorker.State.RUNNING) {
                likelihood.modelPublished();
            } else {
                likelihood.refresh();
            }
        });
        training.stateProperty().addListener((obs, old, state) -> {
            if (state != org.scorefield.core.nn.TrainingWorker.State.RUNNING) {
                likelihood.trainingStopped();
            }
        });
        sdf = new SdfState(jobs, values, view.sdfProperty(), data::data, () -> java.util.Optional.of(
                training.sourceProperty().get()).filter(o -> o.id().equals(org.scorefield.app.settings.Settings.SOURCE_POINTS))
                .map(SourceOption::source));
        data.dataProperty().addListener(obs -> sdf.dataChanged());
        meanShift = new MeanShiftState(values, jobs, data, training, view, sampling.stepsProperty(), this::exactPath);
        exactPath.addListener(obs -> meanShift.refresh());
        denoising = new DenoisingView(values);
        langevin = new LangevinView(jobs, values, view.langevinProperty(), this::samplingChoice);
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {data.dataProperty(), exactPath,
                sampling.driverProperty()}) {
            o.addListener(obs -> langevin.refresh());
        }
        // a model published while training runs waits for the pause: three runs of K steps each time would never end
        training.modelProperty().addListener(obs -> {
            if (training.stateProperty().get() != org.scorefield.core.nn.TrainingWorker.State.RUNNING) {
                langevin.refresh();
            }
        });
        training.stateProperty().addListener((obs, old, state) -> {
            if (state != org.scorefield.core.nn.TrainingWorker.State.RUNNING && modelSamples()) {
                langevin.refresh();
            }
        });
        forwardPaths = new ForwardPathsState(jobs, view.forwardPathsProperty(), data::data, this::exactPath,
                data.seedProperty());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {data.dataProperty(), exactPath}) {
            o.addListener(obs -> forwardPaths.refresh());
        }
        // last: every part's own reaction to a change has happened before the history compares states
        undo = new UndoHistory(values, data, process, message);
    }

    /** Score-difference flow beside flow matching from the same particles (docs/math.md §10.3). */
    public SdfState sdf() {
        return sdf;
    }

    /** The block of continuity cells (docs/math.md §8.10). */
    public ContinuityState continuity() {
        return continuity;
    }

    /** The sentence above the canvas: what it shows and what to do next. */
    public CanvasGuide guide() {
        return guide;
    }

    /** Undo and redo of the data, the process and the settings. */
    public UndoHistory undo() {
        return undo;
    }

    /** Whether a trained model drives sampling (otherwise the exact oracle does). */
    public boolean modelSamples() {
        return sampling.driverProperty().get() == Driver.MODEL && training.model().isPresent();
    }

    /** Whether sampling falls back to the oracle because no model has been trained yet. */
    public boolean samplingFallsBack() {
        return sampling.driverProperty().get() == Driver.MODEL && training.model().isEmpty();
    }

    /** The denoiser sampling uses now: the model when chosen and trained, otherwise the exact oracle. */
    public DenoiserChoice samplingChoice() {
        if (modelSamples()) {
            DataState.Data trainedOn = training.runInputs().map(TrainingState.Inputs::data).orElse(data.data());
            // a diffusion model is read under the process shown, by the change of time and scale (docs/math.md §2.10)
            return DenoiserChoice.learned(classifier.withClassifier(training.model().get(), trainedOn), trainedOn,
                    process.schedule());
        }
        return DenoiserChoice.exact(data.data(), exactPath());
    }

    /** The path the canvas follows now (see {@link #exactPathProperty()}). */
    public ExactPath exactPath() {
        return exactPath.get();
    }

    /**
     * The path the canvas follows, changing only when it does: a trained flow-matching model that
     * drives sampling keeps its own (its linear path from its source, even after the settings
     * change, as its samples do); any other model that drives sampling, the process from N(0, I);
     * otherwise the path of what the settings would train ({@link ExactPath#forSettings}).
     */
    public ReadOnlyObjectProperty<ExactPath> exactPathProperty() {
        return exactPath.getReadOnlyProperty();
    }

    private void refreshExactPath() {
        var flowModel = training.model().filter(m -> sampling.driverProperty().get() == Driver.MODEL
                && m.parameterization().objective() == Objective.FLOW_MATCHING);
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

    /**
     * Called after the user switches the field on (not a lesson or a session): at either end of the
     * slider, where a field says least, t moves to where it shows what it is for, σ/α = 0.5
     * (docs/math.md §2.12), and the status bar says so.
     */
    public void fieldSwitchedOn() {
        double t = view.timeProperty().get();
        if (!view.showFieldProperty().get() || t > 1e-6 && t < 1 - 1e-6) {
            return;
        }
        ExactPath path = exactPath();
        boolean gaussian = path.source().isGaussian();
        var found = org.scorefield.core.schedule.TimeBookmarks.fieldTime(path.schedule(), gaussian);
        if (found.isEmpty()) {
            return; // this process never has σ/α = 0.5 inside the slider: t stays where the user put it
        }
        double to = found.getAsDouble();
        view.timeProperty().set(to);
        message.set(String.format(java.util.Locale.ROOT, gaussian
                ? "The field is drawn at t = %.3f, where \u03c3/\u03b1 = 0.5: at t = 0 and t = 1 it shows least. "
                        + "Home goes back to the data."
                : "The field is drawn halfway, at t = %.2f: at t = 0 and t = 1 it shows least. Home goes back to "
                        + "the data.", to));
    }

    /** Runs {@code action} now and whenever the exact path changes. */
    public void onExactPathChange(Runnable action) {
        exactPath.addListener(obs -> action.run());
        action.run();
    }

    /** The data layer's ends for the last data and source asked for: data and source are immutable. */
    private record Noising(DataState.Data data, FlowSource source, ForwardNoising noising) {
    }

    private Noising lastNoising;

    /**
     * The data layer's fixed ends: the data's own ε per point, or under a flow from another source one
     * source point per data point (drawn from the data seed, the same while data and source stay).
     */
    public ForwardNoising noising() {
        return noising(exactPath().source());
    }

    /** The data layer's fixed ends along a path from this source (the compare view's B may have its own). */
    public ForwardNoising noising(FlowSource source) {
        DataState.Data d = data.data();
        if (source.isGaussian() || d.points().size() == 0) {
            return forwardPaths == null ? d.noising() : forwardPaths.noising(d); // fixed ε, or Brownian once drawn
        }
        if (lastNoising == null || lastNoising.data() != d || !lastNoising.source().equals(source)) {
            lastNoising = new Noising(d, source, source.forwardNoising(d.points(), data.seedProperty().get()));
        }
        return lastNoising.noising();
    }

    /**
     * Makes the next Reflow round from the trained model (pausing its training, whose CPU the round
     * needs) and shows the rounds.
     */
    public void reflowNextRound() {
        compare.pause();
        TrainingState.Inputs inputs = training.runInputs().orElse(null);
        reflow.nextRound(training.model().orElse(null),
                inputs == null ? data.data().distribution() : inputs.data().distribution(),
                inputs == null ? training.seedProperty().get() : inputs.settings().seed());
        if (!reflow.failureProperty().get().isEmpty()) {
            message.set(reflow.failureProperty().get());
        } else {
            view.roundsViewProperty().set(true);
        }
    }

    /**
     * Imports points from a CSV file as the data, read on the files' lane, and says what happened;
     * a bad file leaves the data as it was.
     */
    public void importCsv(java.nio.file.Path file) {
        String name = org.scorefield.core.io.IoReasons.fileName(file);
        jobs.<org.scorefield.core.data.PointSet>job("import", Lane.FILES).title("Reading " + name)
                .onFailure(why -> message.set(why + " The data is unchanged."))
                .start(job -> org.scorefield.core.data.PointCsv.read(file), points -> {
                    data.importPoints(points, name);
                    int kept = data.data().points().size();
                    message.set(kept == points.size()
                            ? String.format(java.util.Locale.ROOT, "Imported %,d points from %s.", kept, name)
                            : String.format(java.util.Locale.ROOT, "Imported the first %,d of the %,d points of %s, "
                                    + "as many as the window holds.", kept, points.size(), name));
                });
    }

    /** The background work of the window. */
    public Jobs jobs() {
        return jobs;
    }

    /** Every setting's value, by its declaration. */
    public SettingValues values() {
        return values;
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

    /** Reflow's rounds and settings. */
    public ReflowState reflow() {
        return reflow;
    }

    /** What the canvas shows and how the window looks. */
    public ViewState view() {
        return view;
    }

    /** How the next animation is exported. */
    public ExportSettings export() {
        return export;
    }

    /** The computed layers under the particles: density, field, end-point densities. */
    public FieldLayers layers() {
        return layers;
    }

    /** The solvers' error against NFE, computed on demand. */
    public SolverComparison comparison() {
        return comparison;
    }

    /** The noisy classifier that classifier guidance of the model uses. */
    public ClassifierState classifier() {
        return classifier;
    }

    /** The "\u03c9 a vs b" view's second run, guided at ω of B. */
    public GuidanceSplit guidanceSplit() {
        return guidanceSplit;
    }

    /** The "log p\u2080" view's maps and a clicked point's climb to the prior. */
    public LikelihoodView likelihood() {
        return likelihood;
    }

    /** The "Langevin" view's three runs (docs/math.md §5.13). */
    public LangevinView langevin() {
        return langevin;
    }

    /** The data layer's Brownian paths of the forward SDE (docs/math.md §1.4). */
    public ForwardPathsState forwardPaths() {
        return forwardPaths;
    }

    /** The compare view's second model, B, and the commands that reach both models. */
    public CompareState compare() {
        return compare;
    }

    /** The velocity probe. */
    public ProbeState probe() {
        return probe;
    }

    /** One batch's training pairs. */
    public PairsState pairs() {
        return pairs;
    }

    /** The model's NLL on held-out data while it trains (docs/math.md §7.6). */
    public HeldOutNll heldOutNll() {
        return heldOutNll;
    }

    /** The exact log-density along a few sampling paths on screen (docs/math.md §7.6). */
    public PathLikelihood pathLikelihood() {
        return pathLikelihood;
    }

    /** The samples' distances to the training points, the model's beside the memorising oracle's (docs/math.md §11.7). */
    public MemorisationState memorisation() {
        return memorisation;
    }

    /** The mean-shift view at a probe point (docs/math.md §6.4). */
    public MeanShiftState meanShift() {
        return meanShift;
    }

    /** The "denoising vs sampling" lesson mode (docs/math.md §6.2). */
    public DenoisingView denoising() {
        return denoising;
    }

    /** The latest sentence for the user (an error, or what just happened), shown in the status bar. */
    public StringProperty messageProperty() {
        return message;
    }

    @Override
    public void close() {
        compare.close();
        training.close();
        jobs.close();
    }
}
