package org.scorefield.app.model;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.settings.ForwardPaths;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.ForwardNoising;
import org.scorefield.core.schedule.ForwardSdePaths;

/**
 * The data layer's Brownian paths (docs/math.md §1.4): when "Forward paths" is Brownian, every data point's
 * Euler–Maruyama path of the forward SDE of the path the canvas follows, drawn on the sampling lane
 * (2,000 steps for every point: a fraction of a second for 1,000 points) from
 * {@code derive(data seed, "forward-sde")} and starting on the point's own fixed-ε path. Until they
 * arrive, and for a flow from another source (whose x₁ is no Gaussian noise, so no SDE of the schedule
 * has its marginals), the layer keeps its fixed-ε paths. Lives on the FX thread.
 */
public final class ForwardPathsState {

    /** The job's key. */
    static final String KEY = "forward sde paths";

    /**
     * The paths drawn for one data set and schedule.
     *
     * @param data  the data they carry
     * @param paths the paths, under their schedule
     * @param along the data layer following them
     */
    public record Drawn(DataState.Data data, ForwardSdePaths paths, ForwardNoising along) {
    }

    private final Jobs jobs;
    private final ObjectProperty<ForwardPaths> kind;
    private final Supplier<DataState.Data> data;
    private final Supplier<ExactPath> path;
    private final LongProperty dataSeed;
    private final ReadOnlyObjectWrapper<Drawn> drawn = new ReadOnlyObjectWrapper<>();
    /** The trails last asked for, kept while the paths and their number stay. */
    private Trajectories trails;
    private int trailsCount = -1;

    ForwardPathsState(Jobs jobs, ObjectProperty<ForwardPaths> kind, Supplier<DataState.Data> data,
                      Supplier<ExactPath> path, LongProperty dataSeed) {
        this.jobs = jobs;
        this.kind = kind;
        this.data = data;
        this.path = path;
        this.dataSeed = dataSeed;
        kind.addListener(obs -> refresh());
    }

    /** Fixed ε or Brownian. */
    public ObjectProperty<ForwardPaths> kindProperty() {
        return kind;
    }

    /** The Brownian paths of the data and path of now, or null (fixed ε chosen, or still drawing). */
    public ReadOnlyObjectProperty<Drawn> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** Whether Brownian paths are chosen and the path is one a forward SDE describes (x₁ Gaussian noise). */
    public boolean brownian() {
        return kind.get() == ForwardPaths.BROWNIAN && path.get().source().isGaussian();
    }

    /** The Brownian paths for this data under the path of now, if drawn. */
    public Optional<Drawn> shown(DataState.Data d) {
        Drawn now = drawn.get();
        return brownian() && now != null && now.data() == d && now.paths().schedule().equals(path.get().schedule())
                ? Optional.of(now) : Optional.empty();
    }

    /** The data layer: along the Brownian paths once drawn for this data and path, else the fixed-ε paths. */
    ForwardNoising noising(DataState.Data d) {
        return shown(d).map(Drawn::along).orElse(d.noising());
    }

    /** The first {@code count} Brownian paths as paths a canvas draws at {@code 1 − t}, or null if there are none. */
    public Trajectories trails(int count) {
        Optional<Drawn> now = shown(data.get());
        if (now.isEmpty() || count <= 0) {
            return null;
        }
        if (trails == null || trailsCount != count || trailsOf != now.get()) {
            trails = now.get().paths().reversed(count);
            trailsCount = count;
            trailsOf = now.get();
        }
        return trails;
    }

    private Drawn trailsOf;

    /** Draws the paths again if Brownian paths are chosen and those drawn are of other data or another path. */
    public void refresh() {
        DataState.Data d = data.get();
        if (!brownian() || d.points().size() == 0) {
            jobs.drop(KEY);
            drawn.set(null);
            return;
        }
        if (shown(d).isPresent()) {
            return;
        }
        ExactPath p = path.get();
        long seed = SeededRandom.derive(dataSeed.get(), "forward-sde");
        jobs.<Drawn>job(KEY, Lane.SAMPLING).title("Drawing Brownian paths of the forward SDE").start(job -> {
            ForwardSdePaths paths = ForwardSdePaths.draw(d.points().xy(), d.noising().noise(), p.schedule(), seed,
                    job);
            return new Drawn(d, paths, d.noising().along(paths));
        }, drawn::set);
    }
}
