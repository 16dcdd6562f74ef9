package org.scorefield.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.function.Supplier;
import org.scorefield.app.jobs.Job;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.KernelDenoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.VectorGrid;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowEuler;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.io.FigureText;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.metric.SlicedWassersteinReferences;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.sdf.ScoreDifferenceFlow;

/**
 * The "SDF" view (docs/math.md §10.3): score-difference flow from a source (N(0, I) or a preset) to
 * the data on the canvas, as a background job that hands back an immutable {@link Snapshot} every few
 * iterations, so that the particles move live; and, for comparison, flow matching from the very same
 * particles, integrated with the exact velocity of the linear path from that source (the oracle the
 * window samples flow matching with, {@link org.scorefield.core.flow.ExactOracle}) in
 * {@value #FLOW_STEPS} Euler steps. Both are measured as the command line measures them: SW2 against
 * fresh draws of the data's distribution (the preset, or the points once drawn or edited) over its
 * noise floor (docs/math.md §11.3), the flow at every iteration or every few.
 *
 * <p>As many particles as the data has points. The particles, the noise ξ and the measurement all
 * come from the seed: the same settings and seed give the same particles as
 * {@link ScoreDifferenceFlow#run} called directly. Run starts again from the source, Reset forgets the
 * run, and the view coming on without a run starts one. Lives on the FX thread.
 */
public final class SdfState {

    /** The job's key. */
    static final String KEY = "score-difference flow";
    /** Euler steps of the flow-matching comparison. */
    public static final int FLOW_STEPS = 100;
    /** Particles whose paths are drawn. */
    public static final int TRAILS = 40;
    /** Arrows per side of the denoisers' grid, over {@code [−FIELD_HALF, FIELD_HALF]²}. */
    public static final int FIELD_CELLS = 13;
    public static final double FIELD_HALF = 3.6;
    /** The most SW2 measurements of a run after its start (every iteration up to this many iterations). */
    static final int MEASUREMENTS = 100;
    /** The most path rows kept per particle drawn. */
    static final int TRAIL_ROWS = 200;
    /** A snapshot is handed over at most this often while the flow runs. */
    static final long PUBLISH_NANOS = 80_000_000L;

    /**
     * What a run was asked for, as its titles say it.
     *
     * @param source     where the particles start
     * @param particles  how many
     * @param flow       σ, σ_end, annealing, η (absolute) and the iterations
     * @param etaShare   η/σ², the share of D_p − D_q a step moves
     * @param seed       the seed of the particles, the noise and the measurement
     */
    public record Setup(FlowSource source, int particles, ScoreDifferenceFlow flow, double etaShare, long seed) {

        /** "from N(0, I)  ·  1,000 particles  ·  seed 1". */
        public String describe() {
            return String.format(Locale.ROOT, "from %s  \u00b7  %,d particles  \u00b7  seed %d",
                    source.displayName(), particles, seed);
        }
    }

    /**
     * Flow matching from the same particles.
     *
     * @param samples  where all particles end
     * @param paths    the paths of the first {@value #TRAILS} particles, t from 1 to 0
     * @param sw2Ratio SW2 of the samples over the floor
     * @param steps    Euler steps
     */
    public record FlowComparison(double[] samples, Trajectories paths, double sw2Ratio, int steps) {

        /** "flow matching  (exact velocity, 100 steps)": the chart's and the pane's name for it. */
        public String label() {
            return label(steps);
        }

        public static String label(int steps) {
            return String.format(Locale.ROOT, "flow matching  (exact velocity, %d steps)", steps);
        }
    }

    /**
     * The two kernel denoisers on a grid at one σ, as scores.
     *
     * @param sigma      σ
     * @param target     (D_p(z; σ) − z)/σ² of the data
     * @param particles  (D_q(z; σ) − z)/σ² of the particles
     * @param difference (D_p(z; σ) − D_q(z; σ))/σ², the flow's direction
     */
    public record Fields(double sigma, VectorGrid target, VectorGrid particles, VectorGrid difference) {
    }

    /**
     * The run as it stands after some iterations; handed over whole and never changed.
     *
     * @param setup       what was asked
     * @param target      the data points (they never move)
     * @param particles   the particles now
     * @param trail       the first {@value #TRAILS} particles at the recorded iterations, oldest first
     * @param iteration   iterations done
     * @param sigma       σ of the last iteration done (the first σ before any)
     * @param iterations  the iterations at which SW2 was measured, from 0
     * @param ratios      SW2/floor at each of them
     * @param floor       the SW2 noise floor
     * @param flow        flow matching from the same particles, or null until it is computed
     * @param fields      the denoisers at σ and the particles now
     * @param done        whether every iteration has run
     * @param seconds     time since the run started
     */
    public record Snapshot(Setup setup, double[] target, double[] particles, List<double[]> trail, int iteration,
                           double sigma, int[] iterations, double[] ratios, double floor, FlowComparison flow,
                           Fields fields, boolean done, double seconds) {

        /** SW2/floor at the last measurement. */
        public double ratio() {
            return ratios.length == 0 ? Double.NaN : ratios[ratios.length - 1];
        }

        /** The trail as paths a canvas draws whole: rows with times falling from 1 to 0. */
        public Trajectories trailPaths() {
            double[][] rows = trail.toArray(new double[0][]);
            double[] times = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                times[r] = rows.length == 1 ? 0 : 1 - (double) r / (rows.length - 1);
            }
            return new Trajectories(times, rows, null);
        }
    }

    private final Jobs jobs;
    private final BooleanProperty on;
    private final Supplier<DataState.Data> data;
    private final ObjectProperty<String> source;
    private final Supplier<java.util.Optional<FlowSource>> drawn;
    private final DoubleProperty sigma;
    private final BooleanProperty anneal;
    private final DoubleProperty sigmaEnd;
    private final DoubleProperty eta;
    private final IntegerProperty iterations;
    private final LongProperty seed;
    private final BooleanProperty fields;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param on    whether the view is on
     * @param data  the data now (the target)
     * @param drawn the drawn points made the source under Model &amp; training, if they are
     */
    SdfState(Jobs jobs, SettingValues values, BooleanProperty on, Supplier<DataState.Data> data,
             Supplier<java.util.Optional<FlowSource>> drawn) {
        this.jobs = jobs;
        this.on = on;
        this.data = data;
        this.drawn = drawn;
        source = values.object(Settings.SDF_SOURCE);
        sigma = values.number(Settings.SDF_SIGMA);
        anneal = values.flag(Settings.SDF_ANNEAL);
        sigmaEnd = values.number(Settings.SDF_SIGMA_END);
        eta = values.number(Settings.SDF_ETA);
        iterations = values.integer(Settings.SDF_ITERATIONS);
        seed = values.whole(Settings.SDF_SEED);
        fields = values.flag(Settings.SDF_FIELDS);
        on.addListener((obs, old, shown) -> {
            if (shown && !running.get() && !upToDate()) {
                run();
            }
        });
    }

    /** Whether the view is on. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** Where the particles start: {@code gaussian} or a preset's id. */
    public ObjectProperty<String> sourceProperty() {
        return source;
    }

    public DoubleProperty sigmaProperty() {
        return sigma;
    }

    public BooleanProperty annealProperty() {
        return anneal;
    }

    public DoubleProperty sigmaEndProperty() {
        return sigmaEnd;
    }

    /** η in units of σ²: the share of D_p − D_q a step moves. */
    public DoubleProperty etaProperty() {
        return eta;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Whether the denoisers' arrows are drawn. */
    public BooleanProperty fieldsProperty() {
        return fields;
    }

    /** The run as it stands, or null before a run. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Whether a run is going. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line on the run: how far, or why it stopped; empty before a run. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The flow these settings ask for (η = share·σ²); a bad combination is one sentence. */
    public ScoreDifferenceFlow flow() {
        double s = sigma.get();
        return new ScoreDifferenceFlow(s, sigmaEnd.get(), anneal.get(), eta.get() * s * s, iterations.get());
    }

    /**
     * Whether the run shown is of the settings now (a lesson's scene may have changed them while the
     * view was off; a run of other data is never kept, see {@link #dataChanged()}); false without a run.
     */
    boolean upToDate() {
        Snapshot s = snapshot.get();
        if (s == null) {
            return false;
        }
        try {
            Setup setup = s.setup();
            return setup.flow().equals(flow()) && setup.source().equals(sourceNow())
                    && setup.seed() == seed.get() && setup.etaShare() == eta.get();
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Where the particles start now: N(0, I), a preset, or the drawn points made the source.
     *
     * @throws InvalidInputException for drawn points when none were made the source
     */
    private FlowSource sourceNow() {
        if (Settings.SOURCE_POINTS.equals(source.get())) {
            return drawn.get().orElseThrow(() -> new InvalidInputException("No drawn points are the source yet: "
                    + "draw a shape, press \u201cUse the canvas as source\u201d, then choose the data to flow to."));
        }
        return FlowSource.fromPresetId(source.get());
    }

    /** Stops the run; the particles stay where they are. */
    public void cancel() {
        jobs.cancel(KEY);
    }

    /** Forgets the run. */
    public void reset() {
        jobs.drop(KEY);
        running.set(false);
        snapshot.set(null);
        status.set("");
    }

    /** The data changed: a run of the old data is forgotten, and run again if the view is on. */
    void dataChanged() {
        if (on.get()) {
            run();
        } else {
            reset();
        }
    }

    /** Runs the flow from the source again with the settings now, superseding any run. */
    public void run() {
        DataState.Data target = data.get();
        if (target.points().size() < 2) {
            reset();
            status.set("No data to flow to: draw points, or restore the preset.");
            return;
        }
        ScoreDifferenceFlow flow;
        try {
            if (anneal.get() && sigmaEnd.get() > sigma.get()) {
                throw new InvalidInputException(String.format(Locale.ROOT, "\u03c3_end (%.2f) must not exceed "
                        + "\u03c3 (%.2f) when \u03c3 is annealed.", sigmaEnd.get(), sigma.get()));
            }
            flow = flow();
        } catch (InvalidInputException e) {
            status.set(e.getMessage());
            return;
        }
        FlowSource start;
        try {
            start = sourceNow();
        } catch (InvalidInputException e) {
            status.set(e.getMessage());
            return;
        }
        Setup setup = new Setup(start, target.points().size(), flow, eta.get(), seed.get());
        running.set(true);
        status.set("Starting\u2026");
        jobs.<Snapshot>job(KEY, Lane.COMPUTE).title("Score-difference flow")
                .onFailure(why -> {
                    running.set(false);
                    status.set(why);
                })
                .onCancelled(() -> {
                    running.set(false);
                    Snapshot s = snapshot.get();
                    status.set(s == null ? "Cancelled." : String.format(Locale.ROOT, "Cancelled at iteration %,d "
                            + "of %,d.", s.iteration(), flow.iterations()));
                })
                .<Snapshot>onUpdate(s -> {
                    snapshot.set(s);
                    status.set(String.format(Locale.ROOT, "Iteration %,d of %,d", s.iteration(),
                            flow.iterations()));
                }, (older, newer) -> newer)
                .start(job -> compute(setup, target, job), s -> {
                    running.set(false);
                    snapshot.set(s);
                    status.set(String.format(Locale.ROOT, "%,d iterations in %.1f s  \u00b7  SW2/floor %s",
                            s.iteration(), s.seconds(), FigureText.of("%.2f", s.ratio())));
                });
    }

    /**
     * The run, on the worker: the starting particles, flow matching from them, then the iterations,
     * handing a snapshot over every {@link #PUBLISH_NANOS} at most.
     */
    static Snapshot compute(Setup setup, DataState.Data data, Job<Snapshot> job) {
        long started = System.nanoTime();
        ScoreDifferenceFlow flow = setup.flow();
        double[] target = data.points().xy();
        int n = data.points().size();
        double[] start = ScoreDifferenceFlow.startingPoints(setup.source(), n, setup.seed());
        DenoiserChoice oracle = DenoiserChoice.exact(data, new ExactPath(ScheduleKind.LINEAR.createDefault(),
                setup.source()));
        // what the particles are measured against: fresh draws of the preset, or of the points once edited
        DataDistribution reference = data.distribution();
        long seed = setup.seed();
        double floor = SampleQuality.floor(reference, n, seed);
        // SampleQuality's SW2 to the same reference draws, each sorted once for the whole run
        SlicedWassersteinReferences references = SlicedWassersteinReferences.of(reference, n, seed);
        int every = Math.max(1, (flow.iterations() + MEASUREMENTS - 1) / MEASUREMENTS);
        int trailEvery = Math.max(1, (flow.iterations() + TRAIL_ROWS - 1) / TRAIL_ROWS);
        List<Integer> measuredAt = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<double[]> trail = new ArrayList<>();
        measuredAt.add(0);
        ratios.add(references.value(start) / floor);
        trail.add(Trajectories.firstParticles(start, TRAILS));
        job.update("Flow matching from the same particles", 0);
        Snapshot first = snapshot(setup, target, start, trail, 0, flow.sigmaAt(0), measuredAt, ratios, floor, null,
                false, started);
        job.publish(first);

        // flow matching from the same particles, with the exact velocity of the linear path from the source
        Denoiser velocity = oracle.create();
        Trajectories paths = FlowEuler.trajectories(velocity, start, FLOW_STEPS, job);
        double[] ends = paths.positions()[paths.length() - 1];
        FlowComparison compared = new FlowComparison(ends, paths.first(TRAILS),
                references.value(ends) / floor, FLOW_STEPS);

        long[] lastPublished = {System.nanoTime()};
        double[][] last = {start};
        job.publish(snapshot(setup, target, start, trail, 0, flow.sigmaAt(0), measuredAt, ratios, floor, compared,
                false, started));
        flow.run(target, start, seed, (k, particles) -> {
            job.check();
            if (k % every == 0 || k == flow.iterations()) {
                measuredAt.add(k);
                ratios.add(references.value(particles) / floor);
            }
            if (k % trailEvery == 0 || k == flow.iterations()) {
                trail.add(Trajectories.firstParticles(particles, TRAILS));
            }
            last[0] = particles;
            job.update(String.format(Locale.ROOT, "Iteration %,d of %,d", k, flow.iterations()),
                    (double) k / flow.iterations());
            if (k < flow.iterations() && System.nanoTime() - lastPublished[0] >= PUBLISH_NANOS) {
                lastPublished[0] = System.nanoTime();
                job.publish(snapshot(setup, target, particles, trail, k, flow.sigmaAt(k - 1), measuredAt, ratios,
                        floor, compared, false, started));
            }
        });
        for (double v : last[0]) {
            InvalidInputException.require(Double.isFinite(v), String.format(Locale.ROOT, "The particles left the "
                    + "finite numbers: \u03b7 = %.2f\u00b7\u03c3\u00b2 is too large a step; try a smaller \u03b7.",
                    setup.etaShare()));
        }
        return snapshot(setup, target, last[0], trail, flow.iterations(), flow.sigmaAt(flow.iterations() - 1),
                measuredAt, ratios, floor, compared, true, started);
    }

    /** A snapshot of copies: what the worker goes on changing is never handed over. */
    private static Snapshot snapshot(Setup setup, double[] target, double[] particles, List<double[]> trail,
                                     int iteration, double sigma, List<Integer> measuredAt, List<Double> ratios,
                                     double floor, FlowComparison flow, boolean done, long started) {
        double[] y = particles.clone();
        return new Snapshot(setup, target, y, List.copyOf(trail), iteration, sigma,
                measuredAt.stream().mapToInt(Integer::intValue).toArray(),
                ratios.stream().mapToDouble(Double::doubleValue).toArray(), floor, flow,
                fields(target, y, sigma), done, (System.nanoTime() - started) / 1e9);
    }

    /** Grid points farther than this many σ from every point get no arrows. */
    public static final double FIELD_REACH = 3;

    /**
     * The denoisers of the data and of the particles on the grid, as scores at σ: (D_p − z)/σ²,
     * (D_q − z)/σ² and their difference (D_p − D_q)/σ² (docs/math.md §10.1). Where no point of either
     * set lies within {@value #FIELD_REACH}σ of a grid point both blurred densities are nil there and
     * each denoiser only names its nearest point, so the grid point gets zero vectors (no arrows).
     */
    public static Fields fields(double[] target, double[] particles, double sigma) {
        GridSpec spec = GridSpec.square(FIELD_HALF, FIELD_CELLS);
        double[] z = spec.points();
        double[] dp = KernelDenoiser.denoise(target, z, sigma);
        double[] dq = KernelDenoiser.denoise(particles, z, sigma);
        double[] p = new double[z.length];
        double[] q = new double[z.length];
        double[] d = new double[z.length];
        double s2 = sigma * sigma;
        double reach2 = FIELD_REACH * FIELD_REACH * s2;
        for (int c = 0; c < z.length / 2; c++) {
            if (!near(target, z[2 * c], z[2 * c + 1], reach2) && !near(particles, z[2 * c], z[2 * c + 1], reach2)) {
                continue;
            }
            for (int i = 2 * c; i < 2 * c + 2; i++) {
                p[i] = (dp[i] - z[i]) / s2;
                q[i] = (dq[i] - z[i]) / s2;
                d[i] = (dp[i] - dq[i]) / s2;
            }
        }
        return new Fields(sigma, new VectorGrid(spec, p), new VectorGrid(spec, q), new VectorGrid(spec, d));
    }

    /** Whether a point of the set lies within √reach2 of (x, y). */
    private static boolean near(double[] points, double x, double y, double reach2) {
        for (int i = 0; i < points.length / 2; i++) {
            double dx = points[2 * i] - x;
            double dy = points[2 * i + 1] - y;
            if (dx * dx + dy * dy <= reach2) {
                return true;
            }
        }
        return false;
    }
}
