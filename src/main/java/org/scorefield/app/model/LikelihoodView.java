package org.scorefield.app.model;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.likelihood.Likelihood;
import org.scorefield.core.likelihood.LikelihoodSettings;
import org.scorefield.core.likelihood.LogDensityMap;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;

/**
 * The "log p₀" view (docs/math.md §7.5): the log-density at t = 0 that the sampling denoiser's
 * PF-ODE gives every cell of the canvas (a background job on the compute lane, a coarse map first),
 * beside the exact density of the data and their difference; and a clicked point's climb from
 * t_min to the prior, recorded step by step with its running log-determinant ℓ, which the scrubber
 * replays. Recomputed when the view comes on or the denoiser, the data or the path change; while
 * training runs, the model it publishes every few steps is mapped one map at a time, the next one
 * only after a rest of {@link HeldOutNll#REST} times the last map's duration (a map takes about 2 s,
 * a publication comes several times a second: replacing the job at each would never finish one), and
 * the model pane says which step its map is of. Lives on the FX thread.
 */
public final class LikelihoodView {

    /** The job keys of the map and of the climb. */
    static final String MAP_KEY = "log p0 map";
    static final String CLIMB_KEY = "log p0 climb";
    /** Cells per side of the map, over the canvas's default square {@code [−HALF, HALF]²}. */
    public static final int CELLS = LogDensityMap.VIEW_CELLS;
    public static final double HALF = LogDensityMap.VIEW_HALF;
    /** The nats below its top that a log-density heatmap shows (as {@code HeatmapStyle.DENSITY_RANGE}). */
    public static final double RANGE = LogDensityMap.VIEW_RANGE;

    /**
     * The three maps.
     *
     * @param model       log p₀ of the denoiser's PF-ODE (the coarse map while {@code done} is false)
     * @param exact       the exact log p₀ of the data on the same grid
     * @param difference  model − exact where either is within {@value #RANGE} nats of its top, else 0
     * @param modelName   "model log p₀", or the oracle's
     * @param modelTitle  how it was computed ("PF-ODE, Heun 24")
     * @param exactTitle  what the exact map is
     * @param klExactModel KL(exact ‖ model) = Σ p·(log p − log q)·(cell area) over the grid, p the exact
     *                    density and q the model's: the model's NLL on the data minus the exact NLL
     * @param done        whether the fine pass has finished
     * @param seconds     the time the map took so far
     * @param step        the training steps of the model mapped, or −1 for the oracle
     */
    public record Maps(ScalarGrid model, ScalarGrid exact, ScalarGrid difference, String modelName, String modelTitle,
                       String exactTitle,
                       double klExactModel, boolean done, double seconds, long step) {

        /** The same maps under another account of how the model's was made. */
        Maps withModelTitle(String title) {
            return new Maps(model, exact, difference, modelName, title, exactTitle, klExactModel, done, seconds, step);
        }

        /**
         * The KL line of the difference pane's title, only once the refined map is done (the coarse
         * map's would be another figure): "KL(exact ‖ model)  ≈ 0.34". A KL is never negative: a sum
         * below −0.005 is the map's integration error (about −0.02 nats for the 8gaussians oracle),
         * shown as "≈ 0  (integration error −0.02)"; docs/math.md §7.5. Empty while not done.
         */
        public String klLine() {
            if (!done || !Double.isFinite(klExactModel)) {
                return "";
            }
            String head = "KL(exact \u2016 model)  \u2248 ";
            if (klExactModel < -0.005) {
                return head + String.format(Locale.ROOT, "0  (integration error %.2f)", klExactModel)
                        .replace('-', '\u2212');
            }
            return head + String.format(Locale.ROOT, "%.2f", Math.max(0, klExactModel));
        }

        /** The model pane's title: its name, and for a model the training step mapped ("of step 1,250"). */
        public String modelPaneTitle() {
            return step < 0 ? modelName : String.format(Locale.ROOT, "%s  of step %,d", modelName, step);
        }
    }

    /**
     * A point's climb up the likelihood ODE, every step recorded.
     *
     * @param x0        the clicked point
     * @param times     t of every step, from t_min up to the top
     * @param positions x(t) at each step, as {x, y}
     * @param ell       ℓ so far at each step
     * @param result    the integration's result for the point (its log p₀ in {@code logDensity()[0]})
     * @param sigmaTop  σ at the top, the prior's standard deviation
     * @param hutchinson ℓ at the top by Hutchinson's estimator with one probe, in {@link #HUTCHINSON_RUNS}
     *                  independent climbs of the same point: its spread is the lesson (docs/math.md §7.2)
     */
    public record Climb(double[] x0, double[] times, double[][] positions, double[] ell, Likelihood.Result result,
                        double sigmaTop, double[] hutchinson) {

        /** The mean of the single-probe estimates of ℓ. */
        public double hutchinsonMean() {
            return java.util.Arrays.stream(hutchinson).average().orElse(Double.NaN);
        }

        /** The standard deviation of the single-probe estimates of ℓ. */
        public double hutchinsonSpread() {
            double mean = hutchinsonMean();
            double squares = 0;
            for (double v : hutchinson) {
                squares += (v - mean) * (v - mean);
            }
            return hutchinson.length > 1 ? Math.sqrt(squares / (hutchinson.length - 1)) : Double.NaN;
        }

        /** The time shown for a scrubber at t: t within [t_min, top]. */
        public double clamp(double t) {
            return Math.max(times[0], Math.min(times[times.length - 1], t));
        }

        /** ℓ at t, linear between the recorded steps. */
        public double ellAt(double t) {
            double tau = clamp(t);
            int i = step(tau);
            double w = weight(i, tau);
            return (1 - w) * ell[i] + w * ell[i + 1];
        }

        /** log p₀ of the point: log N(x(1); 0, σ²I) + ℓ + 2·log α(t_min). */
        public double logDensity() {
            return result.logDensity()[0];
        }

        /**
         * The path from x0 up to its position at t, as paths a canvas draws up to its end: rows in the
         * order of the climb, with times falling from above 1 so that every row is drawn.
         */
        public Trajectories upTo(double t) {
            double tau = clamp(t);
            int i = step(tau);
            double w = weight(i, tau);
            double[][] rows = new double[i + 2][];
            for (int k = 0; k <= i; k++) {
                rows[k] = positions[k].clone();
            }
            rows[i + 1] = new double[] {(1 - w) * positions[i][0] + w * positions[i + 1][0],
                (1 - w) * positions[i][1] + w * positions[i + 1][1]};
            double[] fake = new double[rows.length];
            for (int k = 0; k < fake.length; k++) {
                fake[k] = 2 + rows.length - k;
            }
            return new Trajectories(fake, rows, null);
        }

        /** The step whose interval [times[i], times[i + 1]] holds tau. */
        private int step(double tau) {
            int i = 0;
            while (i < times.length - 2 && times[i + 1] < tau) {
                i++;
            }
            return i;
        }

        private double weight(int i, double tau) {
            double span = times[i + 1] - times[i];
            return span > 0 ? Math.max(0, Math.min(1, (tau - times[i]) / span)) : 1;
        }
    }

    private final Jobs jobs;
    private final BooleanProperty on;
    private final Supplier<DenoiserChoice> choice;
    private final ReadOnlyObjectWrapper<Maps> maps = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Climb> climb = new ReadOnlyObjectWrapper<>();
    /** Whether a map job runs, and whether it was started by {@link #modelPublished()}. */
    private boolean mapRunning;
    private boolean mapWhileTraining;
    /** The model of the newest map started (null: the oracle), to catch up with when training stops. */
    private Object mapped;
    /** When the last map made while training finished, and how long it took (0: no rest owed). */
    private long lastFinished;
    private double lastSeconds;

    /**
     * @param on     whether the view is on (the view's flag)
     * @param choice the denoiser that samples now (the model once trained, else the oracle)
     */
    LikelihoodView(Jobs jobs, BooleanProperty on, Supplier<DenoiserChoice> choice) {
        this.jobs = jobs;
        this.on = on;
        this.choice = choice;
        on.addListener(obs -> refresh());
    }

    /** Whether the view is on. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** The maps, or null while there are none (the view is off, or the first pass runs). */
    public ReadOnlyObjectProperty<Maps> mapsProperty() {
        return maps.getReadOnlyProperty();
    }

    /** The clicked point's climb, or null. */
    public ReadOnlyObjectProperty<Climb> climbProperty() {
        return climb.getReadOnlyProperty();
    }

    /** The square the maps cover. */
    public static GridSpec grid() {
        return LogDensityMap.viewGrid();
    }

    /** How a climb is integrated: RK4 in 64 steps uniform in log-SNR, the exact divergence. */
    /** Independent single-probe Hutchinson climbs of a clicked point, whose spread the counter shows. */
    public static final int HUTCHINSON_RUNS = 32;
    /** The seed of their probes: the same spread for the same point every time. */
    public static final long HUTCHINSON_SEED = 18;

    public static LikelihoodSettings climbSettings() {
        return LikelihoodSettings.defaults().withGrid(GridKind.LOG_SNR);
    }

    /**
     * Why there can be no log p₀ now, in one sentence, or empty: a flow from another source than
     * N(0, I) has no Gaussian prior to end at. A flow from N(0, I) whatever its coupling or Reflow
     * round (minibatch OT, a Reflow model) ends in that prior and has a log p₀, as for
     * {@link HeldOutNll}.
     */
    public Optional<String> problem() {
        DenoiserChoice c = choice.get();
        if (c.data().points().size() == 0) {
            return Optional.of("No data: draw points, or restore the preset.");
        }
        if (!c.start().isGaussian()) {
            return Optional.of("log p\u2080 needs a flow from N(0, I):  this flow starts elsewhere.");
        }
        return Optional.empty();
    }

    /** Maps again for the denoiser that samples now, at once; nothing while the view is off. */
    public void refresh() {
        start(false);
    }

    /**
     * A model published while training runs: mapped if no map runs and the last one made while
     * training has rested {@link HeldOutNll#REST} times its duration, else left for a later
     * publication or for {@link #trainingStopped()}.
     */
    void modelPublished() {
        if (!on.get()) {
            return;
        }
        if (mapRunning || System.nanoTime() - lastFinished < HeldOutNll.REST * lastSeconds * 1e9) {
            return;
        }
        start(true);
    }

    /** Training stopped (a pause, a failure): maps its last model at once if the map shown is of an older one. */
    void trainingStopped() {
        if (on.get() && choice.get().model() != mapped) {
            refresh();
        }
    }

    private void start(boolean whileTraining) {
        if (!on.get() || problem().isPresent()) {
            jobs.drop(MAP_KEY);
            jobs.drop(CLIMB_KEY);
            mapRunning = false;
            mapped = null;
            maps.set(null);
            climb.set(null);
            return;
        }
        DenoiserChoice c = choice.get();
        long step = c.isModel() ? c.model().steps() : -1;
        mapRunning = true;
        mapWhileTraining = whileTraining;
        mapped = c.model();
        GridSpec spec = grid();
        LikelihoodSettings settings = LogDensityMap.defaults();
        String modelName = (c.isModel() ? "model" : "oracle's ODE") + " log p\u2080";
        String modelTitle = String.format(Locale.ROOT, "PF-ODE, Heun %d", settings.steps());
        jobs.<Maps>job(MAP_KEY, Lane.COMPUTE).title("Mapping log p\u2080 of the " + (c.isModel() ? "model" : "oracle"))
                .onFailure(why -> mapRunning = false)
                .onCancelled(() -> {
                    mapRunning = false;
                    // the coarse map stays, saying that it was not refined
                    Maps shown = maps.get();
                    if (shown != null && !shown.done()) {
                        maps.set(shown.withModelTitle(modelTitle + ",  coarse:  cancelled"));
                    }
                })
                .<Maps>onUpdate(maps::set, (older, newer) -> newer)
                .start(job -> {
                    long started = System.nanoTime();
                    Denoiser denoiser = c.create();
                    Schedule schedule = denoiser.schedule();
                    double tMin = Likelihood.bottomTime(schedule, settings);
                    LogDensityMap.Exact exact = LogDensityMap.exact(c.exactTwin().create(), spec, tMin)
                            .orElseThrow(() -> new IllegalStateException("no exact density of these data"));
                    LogDensityMap.Map map = LogDensityMap.compute(denoiser, spec, settings, exact.grid(), RANGE, job,
                            coarse -> job.publish(maps(coarse, exact, modelName, modelTitle + ",  refining\u2026",
                                    false, started, step)));
                    return maps(map.logDensity(), exact, modelName, modelTitle, true, started, step);
                }, done -> {
                    mapRunning = false;
                    lastFinished = System.nanoTime();
                    lastSeconds = mapWhileTraining ? done.seconds() : 0;
                    maps.set(done);
                });
        if (climb.get() != null) {
            climbFrom(climb.get().x0()[0], climb.get().x0()[1]);
        }
    }

    private static Maps maps(ScalarGrid model, LogDensityMap.Exact exact, String name, String title, boolean done,
                             long started, long step) {
        double[] m = model.values();
        double[] e = exact.grid().values();
        double mMax = model.max();
        double eMax = exact.grid().max();
        double[] d = new double[m.length];
        double kl = 0;
        double area = model.spec().dx() * model.spec().dy();
        for (int k = 0; k < m.length; k++) {
            if (m[k] >= mMax - RANGE || e[k] >= eMax - RANGE) {
                d[k] = m[k] - e[k];
            }
            if (Double.isFinite(e[k]) && Double.isFinite(m[k])) {
                kl += Math.exp(e[k]) * (e[k] - m[k]) * area;
            }
        }
        return new Maps(model, exact.grid(), new ScalarGrid(model.spec(), d), name, title, exact.label(), kl, done,
                (System.nanoTime() - started) / 1e9, step);
    }

    /** Starts the climb of a point (a click): its path up to the prior, with ℓ at every step. */
    public void climbFrom(double x, double y) {
        if (!on.get() || problem().isPresent()) {
            return;
        }
        DenoiserChoice c = choice.get();
        LikelihoodSettings settings = climbSettings();
        jobs.<Climb>job(CLIMB_KEY, Lane.COMPUTE).title("Carrying the point up to the prior").start(job -> {
            Denoiser denoiser = c.create();
            int n = settings.steps() + 1;
            double[] times = new double[n];
            double[][] positions = new double[n][];
            double[] ell = new double[n];
            Likelihood.Result r = Likelihood.logDensity(denoiser, new double[] {x, y}, settings,
                    (step, t, at, logDet) -> {
                        job.check();
                        times[step] = t;
                        positions[step] = new double[] {at[0], at[1]};
                        ell[step] = logDet[0];
                    });
            // the same climb with Hutchinson's estimator, one probe each, in independent copies of the point
            double[] copies = new double[2 * HUTCHINSON_RUNS];
            for (int k = 0; k < HUTCHINSON_RUNS; k++) {
                copies[2 * k] = x;
                copies[2 * k + 1] = y;
            }
            Likelihood.Result h = Likelihood.logDensity(denoiser, copies, settings.withEstimator(
                    org.scorefield.core.likelihood.DivergenceEstimator.hutchinson(1), HUTCHINSON_SEED),
                    (step, t, at, logDet) -> job.check());
            return new Climb(new double[] {x, y}, times, positions, ell, r, denoiser.schedule().sigma(r.tTop()),
                    h.logDet());
        }, climb::set);
    }
}
