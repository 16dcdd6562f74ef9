package org.scorefield.app.model;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.metric.ErrorVersusNfe;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.GridKind;

/**
 * The solvers' error against NFE for whatever drives sampling (docs/math.md §11.5), computed on
 * demand by the same computation as the {@code solvers} command: on a lane of its own, so that
 * its seconds (fifteen with the exact oracle of a thousand points) never delay sampling or the
 * start of training, with progress, and cancellable at the next denoiser call. Lives on the deliver
 * thread of its jobs.
 */
public final class SolverComparison {

    /** Solvers compared. */
    public static final List<SamplerKind> SOLVERS = List.of(SamplerKind.EULER, SamplerKind.HEUN, SamplerKind.DPM2M,
            SamplerKind.DDIM, SamplerKind.RK4);
    public static final int[] STEPS = {4, 8, 16, 32, 64};
    /** Start points of the comparison. */
    static final int POINTS = 256;
    static final String KEY = "errors";

    private final Jobs jobs;
    private final Supplier<DenoiserChoice> choice;
    private final Supplier<GridKind> grid;
    private final Supplier<Long> seed;
    private final ReadOnlyObjectWrapper<ErrorVersusNfe.Result> result = new ReadOnlyObjectWrapper<>();
    private final JobProgress progress;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param choice what drives sampling now
     * @param grid   the sampling grid
     * @param seed   the sampling seed (the start points derive from it)
     */
    SolverComparison(Jobs jobs, Supplier<DenoiserChoice> choice, Supplier<GridKind> grid, Supplier<Long> seed) {
        this.jobs = jobs;
        this.choice = choice;
        this.grid = grid;
        this.seed = seed;
        this.progress = new JobProgress(jobs, KEY);
    }

    /** The last comparison, or null (none yet, or stale since the model, process or data changed). */
    public ReadOnlyObjectProperty<ErrorVersusNfe.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether a comparison is being computed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    /** The running comparison's share of denoiser calls made, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.fractionProperty();
    }

    /** What the comparison is doing, or why it stopped; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Compares every solver at 4 to 64 steps, from the same start points, for what samples now;
     * the previous comparison stays until the new one replaces it.
     */
    public void compute() {
        DenoiserChoice source = choice.get();
        long s = seed.get();
        List<SamplerSettings> settings = SOLVERS.stream()
                .map(k -> SamplerSettings.defaults(k).withGrid(grid.get())).toList();
        progress.start("");
        status.set("Computing error against NFE for the " + source.label() + "…");
        jobs.<ErrorVersusNfe.Result>job(KEY, Lane.COMPUTE).title("Computing error against NFE")
                .onFailure(this::stopped)
                .onCancelled(() -> stopped(result.get() == null ? "Cancelled. Press Compute to start again."
                        : "Cancelled; the chart shows the previous comparison."))
                .start(job -> {
                    Denoiser denoiser = source.create();
                    return ErrorVersusNfe.compute(denoiser, source.start(), settings, STEPS, POINTS, s,
                            ErrorVersusNfe.DEFAULT_REFERENCE_STEPS, job);
                }, done -> {
                    progress.set("", 0);
                    result.set(done);
                    status.set("");
                });
    }

    /** Stops the running comparison at its next denoiser call. */
    public void cancel() {
        jobs.cancel(KEY);
    }

    /** Forgets the comparison (it no longer describes what samples); a running one is dropped. */
    public void clear() {
        jobs.drop(KEY);
        progress.set("", 0);
        result.set(null);
        status.set("");
    }

    /** A comparison that failed or was cancelled: the previous result, if any, stays. */
    private void stopped(String why) {
        progress.set("", 0);
        status.set(why);
    }
}
