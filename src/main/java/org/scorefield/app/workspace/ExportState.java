package org.scorefield.app.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.app.export.Animation;
import org.scorefield.app.settings.AnimationFormat;
import org.scorefield.app.export.AnimationWriter;
import org.scorefield.app.export.Figure;
import org.scorefield.app.frame.FrameComposer;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.export.GuidanceSweepContent;
import org.scorefield.app.export.VideoLibrary;
import org.scorefield.app.model.DataState;
import org.scorefield.app.model.DenoiserChoice;
import org.scorefield.app.model.GuidanceChoice;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.ExportSettings;
import org.scorefield.app.model.FieldLayers;
import org.scorefield.app.model.JobProgress;
import org.scorefield.app.model.SamplingState;
import org.scorefield.app.model.TrainingState;
import org.scorefield.app.model.ViewState;
import org.scorefield.app.settings.AnimationSubject;
import org.scorefield.app.theme.Look;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.guidance.GuidanceSweep;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.LossCsv;
import org.scorefield.core.io.TrajectoryCsv;
import org.scorefield.core.nn.LossHistory;
import org.scorefield.core.sample.Trajectories;

/**
 * Export as the window sees it: the running export of an animation made with the model's
 * {@link ExportSettings}, with its progress, which a Cancel stops between two frames; and figures and
 * CSV files of what is on screen.
 * Animations and figures are painted from the current state by the canvas's own painter, in the
 * current look; exports run on their own thread and write atomically. Lives on the FX thread.
 */
public final class ExportState {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final JobProgress progress;

    private final ExplorerModel model;
    private final ExportSettings settings;
    private final FrameComposer composer;
    private final Jobs jobs;
    /** The key of the animation export. */
    static final String ANIMATION = "export";
    /** Figures and CSV files: each save is a job of its own key, so that none replaces another. */
    private long saves;

    /** Exports what {@code model} shows, as its canvas composes it. */
    public ExportState(ExplorerModel model) {
        this.model = model;
        this.settings = model.export();
        this.composer = new FrameComposer(model).computingCells();
        this.jobs = model.jobs();
        this.progress = new JobProgress(jobs, ANIMATION);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.fractionProperty();
    }

    /** What the export is doing or did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The animation the settings describe, from the state on screen now, composed as the canvas composes it. */
    public Animation animation() {
        AnimationSubject what = settings.whatProperty().get();
        boolean panels = what == AnimationSubject.SPLIT || what == AnimationSubject.REFLOW
                || what == AnimationSubject.COMPARE || what == AnimationSubject.GUIDANCE_SPLIT;
        ViewState.Size canvas = panels ? model.view().areaSizeProperty().get() : model.view().paneSizeProperty().get();
        int[] px = settings.sizeProperty().get().pixels(canvas.width(), canvas.height());
        DataState.Data data = model.data().data();
        // the layers reach the edges of the exported panes, which may show more of the plane than the screen's
        double[] whole = WorldView.DEFAULT.visibleHalfSizes(px[0], px[1]);
        double[] half = WorldView.DEFAULT.visibleHalfSizes(px[0] / 2.0, px[1]);
        Animation.Content content = switch (what) {
            case NOISING -> {
                InvalidInputException.require(data.points().size() > 0, "There are no data points to noise.");
                yield content(composer.noising(model.layers().recipe(true, whole[0], whole[1])), 0);
            }
            case SPLIT -> {
                SamplingState.Runs runs = model.sampling().runsProperty().get();
                InvalidInputException.require(!model.view().splitProperty().get() || runs.ode() == null
                        || runs.sde() != null, "This flow has no reverse SDE (its x\u2081 is not Gaussian noise), so "
                        + "there is no ODE vs SDE animation: animate the sampling instead.");
                InvalidInputException.require(model.view().splitProperty().get() && runs.ode() != null
                        && runs.sde() != null, "The ODE vs SDE animation shows the split view's two runs: press ODE "
                        + "vs SDE above the canvas and wait for them.");
                yield content(composer.split(runs, model.layers().recipe(false, half[0], half[1])), 1);
            }
            case REFLOW -> {
                InvalidInputException.require(!model.reflow().shown().isEmpty(), "There are no Reflow rounds to "
                        + "animate yet: make one in the Reflow section.");
                yield content(composer.rounds(), 1);
            }
            case TRAINING -> training(data);
            case COMPARE -> {
                SamplingState.Run runA = model.sampling().runsProperty().get().single();
                InvalidInputException.require(model.view().compareProperty().get() && runA != null,
                        "The A vs B animation shows the A vs B view's two models: press A vs B above the canvas "
                                + "and wait for their samples.");
                InvalidInputException.require(model.compare().problemProperty().get().isEmpty(),
                        model.compare().problemProperty().get());
                yield content(composer.compare(runA, model.layers().recipe(true, half[0], half[1])), 1);
            }
            case GUIDANCE_SPLIT -> {
                InvalidInputException.require(model.view().omegaSplitProperty().get(), "The \u03c9 a vs b animation "
                        + "shows that view's two panes: press \u03c9 a vs b above the canvas and wait for their samples.");
                model.guidanceSplit().problem().ifPresent(why -> {
                    throw new InvalidInputException(why);
                });
                SamplingState.Run runA = model.sampling().runsProperty().get().single();
                SamplingState.Run runB = model.guidanceSplit().runProperty().get();
                InvalidInputException.require(runA != null && runB != null, "The \u03c9 a vs b view is still "
                        + "sampling: wait for both panes' samples.");
                double omegaB = model.sampling().omegaBProperty().get();
                yield content(composer.guidanceSplit(runA, runB, model.layers().recipe(true, half[0], half[1]),
                        model.layers().recipe(true, half[0], half[1], omegaB)), 1);
            }
            case GUIDANCE -> sweep(px[0], px[1]);
            case SAMPLING -> content(composer.single(shownRun("animate"),
                    model.layers().recipe(true, whole[0], whole[1])), 1);
        };
        double duration = settings.secondsProperty().get();
        return new Animation(content, px[0], px[1], settings.fpsProperty().get(), duration, Math.min(0.5, duration / 8),
                settings.overlayProperty().get(), model.view().lookProperty().get());
    }

    /**
     * A scene as an animation's content: each pane a panel whose frame at t carries the pane's notes
     * as its title, under the overlay's line of its run, NFE and t.
     *
     * @param startTime where t starts: 1 for sampling (towards the data), 0 for the noising sweep
     */
    private static Animation.Content content(FrameComposer.Scene scene, double startTime) {
        List<Animation.Content> parts = scene.panes().stream().map(pane -> Animation.sweep(t -> {
            FrameComposer.Frame f = pane.at().apply(t);
            return f.frame().withTitle(f.notes().isEmpty() ? null : String.join("\n", f.notes()));
        }, pane.overlayTitle(), startTime)).toList();
        return parts.size() == 1 ? parts.get(0) : new Animation.Panels(parts, scene.columns());
    }

    /** Snapshots a training replay samples at. */
    static final int TRAINING_SNAPSHOTS = 40;
    /** Steps a replay trains when there is no model yet. */
    static final int TRAINING_STEPS = 2000;

    /**
     * The model's training replayed: a fresh model with the same inputs and seeds, trained as far as
     * the current one (or {@value #TRAINING_STEPS} steps), sampled from the same noise at
     * {@value #TRAINING_SNAPSHOTS} evenly spaced steps. It trains in the export's thread when the
     * first frame is painted, and stops when the export is cancelled. A model that went on from a
     * session (fresh optimiser moments, its own batches) is replayed as one run from its seed, so
     * its last frame is close to, not the same as, the model on screen.
     */
    private Animation.Content training(DataState.Data data) {
        InvalidInputException.require(data.points().size() > 0, "There are no data points to train on.");
        TrainingState.Inputs inputs = model.training().replayInputs();
        long steps = model.training().stepsProperty().get() > 0 ? model.training().stepsProperty().get()
                : TRAINING_STEPS;
        var sampler = model.sampling().settings();
        int n = model.sampling().countProperty().get();
        long seed = model.sampling().seedProperty().get();
        String title = String.format(Locale.ROOT, "training on %s  ·  %s, %d steps", data.name(),
                sampler.kind().displayName(), sampler.steps());
        PointSet under = model.view().showDataProperty().get() ? data.points() : null; // read here, on the FX thread
        return Animation.later(() -> {
            var shots = org.scorefield.core.nn.TrainingSnapshots.record(new org.scorefield.core.nn.Trainer(
                    inputs.data().distribution(), inputs.parameterization(), inputs.architecture(), inputs.settings(),
                    inputs.flow()), steps, TRAINING_SNAPSHOTS, sampler, n, seed, this::exportCancelled);
            if (exportCancelled()) {
                throw new CancellationException("export cancelled while training");
            }
            return Animation.training(shots, under, title);
        }, title, 0);
    }

    /**
     * The guidance sweep: the guided class sampled from the same noise at
     * {@value GuidanceSweep#DEFAULT_VALUES} values of ω from 0 to the larger of ω and ω of B, with the
     * window's sampler, seed and number of samples, over each ω's tilted density. It samples in the
     * export's thread when the first frame is painted, saying which ω it is at, and stops between two
     * runs when the export is cancelled.
     */
    private Animation.Content sweep(int width, int height) {
        GuidanceChoice guide = model.sampling().guidanceChoice();
        DenoiserChoice source = model.samplingChoice();
        InvalidInputException.require(guide.target() >= 0, "The guidance sweep guides the samples to one class: "
                + "choose one in Sampling \u25b8 Guidance.");
        guide.unavailable(source).ifPresent(why -> {
            throw new InvalidInputException(why);
        });
        double max = Math.max(guide.omega(), model.sampling().omegaBProperty().get());
        InvalidInputException.require(max > 0, "The guidance sweep runs \u03c9 from 0 to the larger of \u03c9 and "
                + "\u03c9 of B: set one of them above 0.");
        double[] omegas = GuidanceSweep.grid(max, GuidanceSweep.DEFAULT_VALUES);
        var sampler = model.sampling().settings();
        int n = model.sampling().countProperty().get();
        long seed = model.sampling().seedProperty().get();
        ExactGuidance exact = guide.exact(source).orElseThrow();
        double t = source.schedule().tMin();
        String title = String.format(Locale.ROOT, "guidance sweep  \u00b7  %s  \u00b7  class %d  \u00b7  %s, %d steps",
                source.model() != null ? "trained model" : "exact oracle", guide.target(),
                sampler.kind().displayName(), sampler.steps());
        return Animation.later(() -> {
            var job = jobs.current(ANIMATION);
            var frames = guide.sweep(source, omegas, sampler, n, seed, job != null ? job : org.scorefield.core.Progress.NONE);
            return new GuidanceSweepContent(frames, exact, guide.target(), width, height, t, title);
        }, title, 0);
    }

    /**
     * Whether the animation the settings describe can be made from what is on screen now; if not,
     * the status says why, before the user is asked to name a file.
     */
    public boolean animationReady() {
        try {
            animation();
            return true;
        } catch (InvalidInputException e) {
            status.set(e.getMessage());
            model.messageProperty().set(e.getMessage());
            return false;
        }
    }

    /**
     * A file name from what the animation shows: the data and the subject, "moons-ode-vs-sde.mp4",
     * with the format's ending (none for a PNG sequence's folder).
     */
    public String suggestedName() {
        DataState.Data d = model.data().data();
        String data = d.preset().map(p -> p.id()).orElse(d.name());
        String subject = switch (settings.whatProperty().get()) {
            case NOISING -> "noising";
            case SAMPLING -> "sampling";
            case SPLIT -> "ode-vs-sde";
            case REFLOW -> "reflow-rounds";
            case TRAINING -> "training";
            case COMPARE -> "a-vs-b";
            case GUIDANCE_SPLIT -> "omega-a-vs-b";
            case GUIDANCE -> "guidance-sweep";
        };
        String stem = (data + "-" + subject).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        AnimationFormat f = settings.formatProperty().get();
        return (stem.isEmpty() ? "scorefield" : stem) + (f == AnimationFormat.PNG ? "" : f.extension());
    }

    /** Writes the animation to this file (a folder for a PNG sequence) in the background. */
    public void exportAnimation(Path out) {
        if (progress.runningProperty().get()) {
            return;
        }
        Animation animation;
        try {
            animation = animation();
        } catch (InvalidInputException e) {
            status.set(e.getMessage());
            return;
        }
        AnimationFormat f = settings.formatProperty().get();
        String started = settings.whatProperty().get() == AnimationSubject.TRAINING
                ? String.format(Locale.ROOT, "Training a fresh copy of the model, then exporting %d frames of %d × %d…",
                        animation.frameCount(), animation.width(), animation.height())
                : String.format(Locale.ROOT, "Exporting %d frames of %d × %d…", animation.frameCount(),
                        animation.width(), animation.height());
        progress.start("");
        status.set(started);
        jobs.<String>job(ANIMATION, Lane.EXPORT).title("Exporting an animation")
                .onFailure(why -> exported(why.endsWith("Your work is unchanged.")
                        ? why.replace("Your work is unchanged.", "Nothing was written.") : why))
                .onCancelled(() -> exported("Export cancelled; nothing was written."))
                .start(job -> {
                    long begun = System.nanoTime();
                    long bytes = AnimationWriter.write(f, out, animation, job);
                    return String.format(Locale.ROOT, "Wrote %s: %d frames, %.1f MB, in %.1f s.%s",
                            IoReasons.fileName(out), animation.frameCount(), bytes / 1e6,
                            (System.nanoTime() - begun) / 1e9, encodedBy(f));
                }, this::exported);
    }

    /**
     * What encoded a video, after the status's sentence: " Encoded by libx264 (FFmpeg 5.0)." or, where
     * FFmpeg could not load, " Encoded by jcodec (FFmpeg could not load: …)."; nothing for the image formats.
     */
    static String encodedBy(AnimationFormat format) {
        return format.video() ? " Encoded by " + VideoLibrary.forWriting(format).encoder(format) + "." : "";
    }

    private void exported(String message) {
        progress.set("", 0);
        status.set(message);
        model.messageProperty().set(message);
    }

    /** Whether the running animation export was cancelled (read on its lane). */
    private boolean exportCancelled() {
        var job = jobs.current(ANIMATION);
        return job == null || job.cancelled();
    }

    /** Stops the running export between two frames. */
    public void cancel() {
        jobs.cancel(ANIMATION);
    }

    /** The (first) canvas now as a PNG at twice its size, or vector SVG or PDF (from the file name). */
    public void saveFigure(Path out) {
        ViewState.Size canvas = model.view().paneSizeProperty().get();
        FieldLayers.Layers now = model.layers().layersProperty().get();
        CanvasFrame frame = composer.shown(t -> now).panes().get(0).onScreen(model.view().timeProperty().get());
        Look look = model.view().lookProperty().get();
        report(() -> {
            Figure.write(frame, look, canvas.width(), canvas.height(), out);
            return wrote(out, canvas.width(), canvas.height());
        });
    }

    /**
     * Writes charts the window drew (the right column as it is shown: the schedule chart over the
     * open tab's chart), on the files' lane.
     *
     * @param drawn the charts drawn in memory, in the format of the file's name, with their size on
     *              screen; null when they are hidden
     */
    public void saveCharts(Path out, Figure.Sized drawn) {
        if (drawn == null) {
            said("The charts are hidden: show them (] key) to save them.");
            return;
        }
        report(() -> {
            drawn.drawing().write(out);
            return wrote(out, drawn.width(), drawn.height());
        });
    }

    /** "Wrote f.png (1200 × 800)." or "Wrote f.svg (vector, 600 × 400)." */
    private static String wrote(Path out, double w, double h) {
        return Figure.Format.of(out) == Figure.Format.PNG
                ? String.format(Locale.ROOT, "Wrote %s (%d × %d).", IoReasons.fileName(out),
                        Math.round(Figure.PNG_SCALE * w), Math.round(Figure.PNG_SCALE * h))
                : String.format(Locale.ROOT, "Wrote %s (vector, %d × %d).", IoReasons.fileName(out), Math.round(w),
                        Math.round(h));
    }

    /**
     * The end points of the samples on screen, as CSV: x,y, or x,y,label for guided samples, each with
     * the class it was guided to (as its head is coloured), so that Import gives the classes back.
     */
    public void saveSamples(Path out) {
        Trajectories paths = shownPaths("save");
        if (paths == null) {
            return;
        }
        int[] classes = shownRun("save").headClasses();
        report(() -> {
            double[][] rows = paths.positions();
            PointCsv.write(PointSet.of(rows[rows.length - 1], classes), out);
            return String.format(Locale.ROOT, "Wrote %s: %,d samples.", IoReasons.fileName(out), paths.particles());
        });
    }

    /** Every path of the samples on screen, as CSV (particle,step,t,x,y,denoised_x,denoised_y). */
    public void saveTrajectories(Path out) {
        Trajectories paths = shownPaths("save");
        if (paths == null) {
            return;
        }
        report(() -> {
            TrajectoryCsv.write(paths, out);
            return String.format(Locale.ROOT, "Wrote %s: %,d paths of %d steps.", IoReasons.fileName(out),
                    paths.particles(), paths.length());
        });
    }

    /** The training loss as CSV (step,loss,steps), as the loss chart draws it. */
    public void saveLoss(Path out) {
        LossHistory losses = model.training().losses();
        if (losses.total() == 0) {
            said("There is no training loss to save yet: train first.");
            return;
        }
        LossHistory copy = losses.copy(); // the run goes on growing its own
        report(() -> {
            int rows = LossCsv.write(copy, out);
            return String.format(Locale.ROOT, "Wrote %s: %,d rows for %,d steps.", IoReasons.fileName(out), rows,
                    copy.total());
        });
    }

    /** The field on the canvas (at the current t) as CSV (x,y,u,v). */
    public void saveField(Path out) {
        org.scorefield.core.field.VectorGrid grid = model.layers().layersProperty().get().field();
        if (grid == null) {
            said("There is no field on the canvas: turn Field on first.");
            return;
        }
        double t = model.view().timeProperty().get();
        report(() -> {
            org.scorefield.core.io.FieldCsv.write(grid, out);
            return String.format(Locale.ROOT, "Wrote %s: %d × %d vectors at t = %.2f.", IoReasons.fileName(out),
                    grid.spec().nx(), grid.spec().ny(), t);
        });
    }

    /** The paths of the run on screen, or null after saying there are none. */
    private Trajectories shownPaths(String purpose) {
        try {
            return shownRun(purpose).trajectories();
        } catch (InvalidInputException e) {
            said(e.getMessage());
            return null;
        }
    }

    /** The run on screen: the single view's, or the split view's PF-ODE run. */
    private SamplingState.Run shownRun(String purpose) {
        SamplingState.Runs runs = model.sampling().runsProperty().get();
        SamplingState.Run run = runs.single() != null ? runs.single() : runs.ode();
        InvalidInputException.require(run != null, "There are no samples to " + purpose + " yet: press Resample first.");
        return run;
    }

    /** What a file save does on the files' lane; returns what to tell the user. */
    private interface Save {
        String run() throws java.io.IOException;
    }

    /** Writes a file on the files' lane and says what happened, never with a stack trace. */
    private void report(Save save) {
        jobs.<String>job("export-file-" + ++saves, Lane.FILES).title("Saving a file").onFailure(this::said).start(job -> {
            job.commitOrStop(); // a figure or a CSV file, once begun, is written whole and reported
            try {
                return save.run();
            } catch (java.io.IOException e) {
                return "Could not write the file: " + e.getMessage() + ". Nothing was changed.";
            }
        }, this::said);
    }

    /**
     * Runs {@code save} (on this thread, once checked) unless a file {@code out} already exists: for a
     * name the file chooser did not ask about replacing (an ending added after it), whose question
     * was about another file. The check runs on the files' lane; a refusal is one sentence.
     */
    public void unlessItExists(Path out, Runnable save) {
        jobs.<java.util.Optional<String>>job("export-check-" + ++saves, Lane.FILES)
                .title("Checking " + IoReasons.fileName(out))
                .onFailure(this::said)
                .start(job -> org.scorefield.core.io.AtomicFiles.taken(out),
                        taken -> taken.ifPresentOrElse(why -> said("Not saved: " + why), save));
    }

    private void said(String message) {
        status.set(message);
        model.messageProperty().set(message);
    }
}
