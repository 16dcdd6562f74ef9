package org.scorefield.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.settings.Driver;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.SwirledDenoiser;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.PresetDraw;
import org.scorefield.core.guidance.GuidanceQuality;
import org.scorefield.core.metric.MetricWithFloor;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.sample.Trajectories;
import org.scorefield.core.schedule.GridKind;

/**
 * Sampling as the window sees it: the solver and its settings, the seed, and the runs they produced.
 * In the single view one run uses the chosen solver; the split view runs Euler–Maruyama twice on one
 * grid from the same prior points, once with η = 0 (the probability-flow ODE) and once with the
 * chosen η (1 when it is 0: the reverse SDE), so the two differ only in the noise (docs/math.md §5.10).
 * Clicks on the canvas add trajectories that start at the clicked point at t = 1: one for a
 * deterministic sampler, {@link #CLICK_PATHS} for a stochastic one. Lives on the FX thread; runs
 * happen on the sampling lane of {@link Jobs}.
 */
public final class SamplingState {

    /** Stochastic trajectories started by one click. */
    static final int CLICK_PATHS = 8;
    static final int MAX_CLICKS = 12;

    /**
     * One sampling run and what it is.
     *
     * @param trajectories every particle's path (with x̂0 along it)
     * @param settings     the sampler's settings
     * @param seed         the seed of the prior and of the SDE noise
     * @param nfe          denoiser calls of the run
     * @param source       who drove it ("exact oracle", "trained model (…)")
     * @param quality      SW2 against the reference, with its noise floor
     * @param modelSteps   the training steps of the model that drove it, or -1 for the exact oracle
     * @param guidance     the guidance that steered it ({@link GuidanceChoice#NONE} when none did)
     * @param guided       the guided samples' figures against the exact classes, when guided
     * @param classes      each sample's class when each had its own, else null
     * @param readUnder    "read under linear (trained under vp)" for a model sampled under another schedule than
     *                     its own (docs/math.md §2.10), else ""
     * @param vsPreset     when the data is a fixed draw of a preset (Data ▸ Dataset size), SW2 against the
     *                     preset itself; {@code quality} is then against the drawn points
     */
    public record Run(Trajectories trajectories, SamplerSettings settings, long seed, long nfe, String source,
                      Optional<SampleQuality> quality, long modelSteps, GuidanceChoice guidance,
                      Optional<GuidanceQuality> guided, int[] classes, String readUnder, Optional<VsPreset> vsPreset) {

        /** A run without guidance. */
        public Run(Trajectories trajectories, SamplerSettings settings, long seed, long nfe, String source,
                   Optional<SampleQuality> quality, long modelSteps, String readUnder, Optional<VsPreset> vsPreset) {
            this(trajectories, settings, seed, nfe, source, quality, modelSteps, GuidanceChoice.NONE, Optional.empty(),
                    null, readUnder, vsPreset);
        }

        /**
         * The class each sample's head is coloured by: its own, or the target class of the run; null
         * for a run without guidance or at ω = 0.
         */
        public int[] headClasses() {
            if (!guidance.on() || guidance.omega() == 0) {
                return null; // at ω = 0 the class changes nothing: the samples are the whole data's
            }
            if (classes != null) {
                return classes;
            }
            int[] all = new int[trajectories.particles()];
            java.util.Arrays.fill(all, guidance.target());
            return all;
        }

        /** The sampler with its η, for a title (see {@link SamplerSettings#title()}). */
        public String title() {
            return readUnder.isEmpty() ? settings.title() : settings.title() + "  \u00b7  model " + readUnder;
        }

        /** SW2 of the samples over its noise floor (≈ 1: as close as two draws of the data), if measured. */
        public java.util.OptionalDouble sw2OverFloor() {
            return quality.map(q -> java.util.OptionalDouble.of(q.sw2().ratio()))
                    .orElse(java.util.OptionalDouble.empty());
        }
    }

    /**
     * A run's samples against the preset its fixed draw was drawn from (docs/math.md §11.7). SW2/floor
     * against the drawn points says how close the samples are to those points, which a model that copies
     * them matches perfectly; against the preset it says how close they are to the distribution.
     *
     * @param draw the fixed draw the data is
     * @param sw2  SW2 of the samples to five fresh draws of the preset, over the floor of as many points
     */
    public record VsPreset(PresetDraw.Id draw, MetricWithFloor sw2) {

        /** The figures when the reference is a fixed draw of a preset; empty otherwise. */
        static Optional<VsPreset> of(double[] samples, DataDistribution reference, long seed) {
            return PresetDraw.Id.read(reference.id()).map(d -> new VsPreset(d,
                    SampleQuality.of(samples, d.preset(), seed).sw2()));
        }
    }

    /** The runs on screen: one for the single view, two for the split view. */
    public record Runs(Run single, Run ode, Run sde) {
        static final Runs NONE = new Runs(null, null, null);
    }

    /** Trajectories started where the user clicked. */
    public record Click(double x, double y, Trajectories single, Trajectories ode, Trajectories sde) {
    }

    private final ObjectProperty<Driver> driver;
    private final ObjectProperty<SamplerKind> solver;
    private final IntegerProperty steps;
    private final ObjectProperty<GridKind> grid;
    private final DoubleProperty eta;
    private final LongProperty seed;
    private final IntegerProperty count;
    private final IntegerProperty paths;
    private final BooleanProperty showDenoised;
    private final DoubleProperty swirl;
    private final IntegerProperty guidedClass;
    private final ObjectProperty<org.scorefield.app.settings.GuidanceKind> guidance;
    private final DoubleProperty omega;
    private final DoubleProperty omegaB;

    private final ReadOnlyObjectWrapper<Runs> runs = new ReadOnlyObjectWrapper<>(Runs.NONE);
    private final ReadOnlyObjectWrapper<List<Click>> clicks = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    private final Jobs jobs;
    private final Supplier<DenoiserChoice> choice;
    private final Supplier<Boolean> split;

    /**
     * @param choice which denoiser the driver setting means now (the model falls back to the oracle
     *               while there is none)
     * @param split  whether the split view is on
     * @param values where sampling's settings are owned
     */
    SamplingState(Jobs jobs, Supplier<DenoiserChoice> choice, Supplier<Boolean> split, SettingValues values) {
        this.jobs = jobs;
        driver = values.object(Settings.DRIVER);
        solver = values.object(Settings.SOLVER);
        steps = values.integer(Settings.STEPS);
        grid = values.object(Settings.GRID);
        eta = values.number(Settings.ETA);
        seed = values.whole(Settings.SAMPLING_SEED);
        count = values.integer(Settings.SAMPLE_COUNT);
        paths = values.integer(Settings.PATHS);
        showDenoised = values.flag(Settings.SHOW_DENOISED);
        swirl = values.number(Settings.SWIRL);
        guidedClass = values.integer(Settings.GUIDED_CLASS);
        guidance = values.object(Settings.GUIDANCE);
        omega = values.number(Settings.OMEGA);
        omegaB = values.number(Settings.OMEGA_B);
        this.choice = choice;
        this.split = split;
    }

    public ObjectProperty<Driver> driverProperty() {
        return driver;
    }

    public ObjectProperty<SamplerKind> solverProperty() {
        return solver;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ObjectProperty<GridKind> gridProperty() {
        return grid;
    }

    public DoubleProperty etaProperty() {
        return eta;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty pathsProperty() {
        return paths;
    }

    public BooleanProperty showDenoisedProperty() {
        return showDenoised;
    }

    /** The strength s of the divergence-free swirl added to the velocity (0: none; docs/math.md §8.11). */
    public DoubleProperty swirlProperty() {
        return swirl;
    }

    /** The class sampling is guided to: {@link Settings#NO_CLASS}, {@link Settings#EACH_CLASS} or 0 … K − 1. */
    public IntegerProperty guidedClassProperty() {
        return guidedClass;
    }

    public ObjectProperty<org.scorefield.app.settings.GuidanceKind> guidanceProperty() {
        return guidance;
    }

    /** The guidance scale ω. */
    public DoubleProperty omegaProperty() {
        return omega;
    }

    /** The guidance scale of the right-hand pane of "ω a vs b". */
    public DoubleProperty omegaBProperty() {
        return omegaB;
    }

    /** The guidance the settings ask for (it may not apply: see {@link GuidanceChoice#unavailable}). */
    public GuidanceChoice guidanceChoice() {
        return new GuidanceChoice(guidedClass.get(), guidance.get(), omega.get());
    }

    /** The guidance that will steer the next run of this denoiser: the one asked for, or none where it cannot. */
    GuidanceChoice guidanceFor(DenoiserChoice source) {
        GuidanceChoice asked = guidanceChoice();
        return asked.unavailable(source).isPresent() ? GuidanceChoice.NONE : asked;
    }

    public ReadOnlyObjectProperty<Runs> runsProperty() {
        return runs.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Click>> clicksProperty() {
        return clicks.getReadOnlyProperty();
    }

    /** Whether a run is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The settings of the single view's run. */
    public SamplerSettings settings() {
        return solver.get().settings(steps.get(), grid.get(), eta.get());
    }

    /** The split view's PF-ODE and reverse-SDE settings: Euler–Maruyama on the same grid, η = 0 and η ≥ 0. */
    public SamplerSettings[] splitSettings() {
        SamplerSettings base = SamplerSettings.defaults(SamplerKind.SDE).withSteps(steps.get()).withGrid(grid.get());
        return new SamplerSettings[] {base.withEta(0), base.withEta(eta.get() > 0 ? eta.get() : 1.0)};
    }

    /** Whether the η slider means something for this solver. */
    public static boolean takesEta(SamplerKind kind) {
        return kind.takesEta();
    }

    /**
     * The NFE a run with the current settings costs, counted by running the sampler on one point with
     * a denoiser that does no work (so the figure is the sampler's own count, not a formula beside
     * it); -1 when these settings cannot run on the process.
     */
    public long nfe() {
        try {
            DenoiserChoice source = choice.get();
            return Sampling.nfe(source.schedule(), source.sampling(settings()))
                    * guidanceFor(source).evaluationsPerCall(source);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Draws a new seed and samples again. */
    public void newSeed() {
        seed.set(Settings.nextSeed(seed.get()));
    }

    /** Samples again with the current settings, seed and driver (the same seed gives the same runs). */
    public void resample() {
        DenoiserChoice source = choice.get();
        boolean both = split.get();
        SamplerSettings single = source.sampling(settings());
        SamplerSettings[] pair = sampling(source, splitSettings());
        int n = count.get();
        long s = seed.get();
        double turn = swirl.get();
        GuidanceChoice guide = guidanceFor(source);
        busy.set(true);
        jobs.<Runs>job("sample", Lane.SAMPLING).title("Sampling")
                .onFailure(why -> {
                    busy.set(false);
                    runs.set(Runs.NONE);
                })
                .onCancelled(() -> busy.set(false))
                .start(job -> {
                    if (both) {
                        // a flow whose x1 is not Gaussian noise has no reverse SDE: its pane says so instead
                        return new Runs(null, run(source, guide, pair[0], n, s, turn),
                                source.gaussianNoise() ? run(source, guide, pair[1], n, s, turn) : null);
                    }
                    return new Runs(run(source, guide, single, n, s, turn), null, null);
                }, result -> {
                    busy.set(false);
                    runs.set(result);
                });
        redoClicks(source);
    }

    /**
     * Samples another denoiser as {@code like} was sampled: the same sampler settings, seed and
     * number of samples, so the same starting noise (and SDE noise), measured the same way (the compare
     * view's model B beside A's run), guided as it was where that guidance can steer this denoiser.
     * A newer request of the same key supersedes this one.
     *
     * @param done takes the run, or null when it failed
     */
    void sampleLike(String key, DenoiserChoice source, Run like, java.util.function.Consumer<Run> done) {
        int n = like.trajectories().particles();
        GuidanceChoice guide = like.guidance().unavailable(source).isEmpty() ? like.guidance() : GuidanceChoice.NONE;
        double turn = swirl.get();
        jobs.<Run>job(key, Lane.SAMPLING).title("Sampling B")
                .onFailure(why -> done.accept(null))
                .start(job -> run(source, guide, like.settings(), n, like.seed(), turn), done);
    }

    /**
     * Samples as {@code like} was sampled, guided by {@code guide} instead: the same sampler settings,
     * seed and number of samples, so the same starting noise (the right-hand pane of "\u03c9 a vs b"
     * beside the single view's run). A newer request of the same key supersedes this one.
     *
     * @param done takes the run, or null when it failed
     */
    void sampleLike(String key, DenoiserChoice source, Run like, GuidanceChoice guide,
                    java.util.function.Consumer<Run> done) {
        int n = like.trajectories().particles();
        double turn = swirl.get();
        jobs.<Run>job(key, Lane.SAMPLING).title("Sampling at \u03c9 of B")
                .onFailure(why -> done.accept(null))
                .start(job -> run(source, guide, like.settings(), n, like.seed(), turn), done);
    }

    /** Forgets every run (when the data, process or model they came from are gone). */
    public void clearRuns() {
        jobs.drop("sample");
        busy.set(false);
        runs.set(Runs.NONE);
        jobs.drop("clicks");
        clickPoints = List.of();
        clicks.set(List.of());
    }

    /** Starts trajectories at (x, y) at t = 1 with the current settings (in both panes of the split view). */
    public void startAt(double x, double y) {
        // the points asked for so far, drawn or not yet: two quick clicks both stay
        List<double[]> points = new ArrayList<>(clickPoints);
        points.add(new double[] {x, y});
        if (points.size() > MAX_CLICKS) {
            points.remove(0);
        }
        computeClicks(choice.get(), points);
    }

    /** Starts trajectories again at a session's clicked points, with the current settings (the newest {@value #MAX_CLICKS}). */
    public void restoreClicks(org.scorefield.core.data.PointSet points) {
        clearClicks();
        List<double[]> at = new ArrayList<>();
        for (int i = Math.max(0, points.size() - MAX_CLICKS); i < points.size(); i++) {
            at.add(new double[] {points.x(i), points.y(i)});
        }
        if (!at.isEmpty()) {
            computeClicks(choice.get(), at);
        }
    }

    /** Removes the clicked trajectories. */
    public void clearClicks() {
        jobs.drop("clicks");
        clickPoints = List.of();
        clicks.set(List.of());
    }

    private void redoClicks(DenoiserChoice source) {
        if (clickPoints.isEmpty()) {
            return;
        }
        computeClicks(source, clickPoints);
    }

    /** Where the clicked trajectories start, including any being computed. */
    private List<double[]> clickPoints = List.of();

    /** Where the clicked trajectories start, drawn or still being computed, oldest first. */
    public List<double[]> clickPoints() {
        return clickPoints;
    }

    private void computeClicks(DenoiserChoice source, List<double[]> points) {
        clickPoints = List.copyOf(points);
        SamplerSettings single = source.sampling(settings());
        SamplerSettings[] pair = sampling(source, splitSettings());
        long s = seed.get();
        double turn = swirl.get();
        GuidanceChoice guide = guidanceFor(source);
        jobs.submit("clicks", Lane.SAMPLING, job -> {
            Denoiser denoiser = Swirl.of(guide.on() ? guide.create(source, CLICK_PATHS, s).denoiser()
                    : source.create(), turn, guide.on()).denoiser();
            List<Click> done = new ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                double[] p = points.get(k);
                long clickSeed = SeededRandom.derive(s, "click-" + k);
                done.add(new Click(p[0], p[1], fromPoint(denoiser, single, p, clickSeed),
                        fromPoint(denoiser, pair[0], p, clickSeed), fromPoint(denoiser, pair[1], p, clickSeed)));
            }
            return List.copyOf(done);
        }, clicks::set);
    }

    /** The paths from a clicked point; null for a stochastic sampler of a flow without Gaussian noise. */
    private static Trajectories fromPoint(Denoiser denoiser, SamplerSettings settings, double[] p, long seed) {
        boolean stochastic = settings.kind().isStochastic(settings);
        if (stochastic && !denoiser.gaussianNoise()) {
            return null;
        }
        int n = stochastic ? CLICK_PATHS : 1;
        double[] start = new double[2 * n];
        for (int i = 0; i < n; i++) {
            start[2 * i] = p[0];
            start[2 * i + 1] = p[1];
        }
        return Sampling.fromPoints(denoiser, settings, start, seed, Recording.POSITIONS_AND_DENOISED).trajectories();
    }

    /** The split view's two settings as {@code source} samples with them ({@link DenoiserChoice#sampling}). */
    private static SamplerSettings[] sampling(DenoiserChoice source, SamplerSettings[] pair) {
        return new SamplerSettings[] {source.sampling(pair[0]), source.sampling(pair[1])};
    }

    /** A run of the single view, guided as asked (or not at all), with the swirl of this strength (0: none). */
    private Run run(DenoiserChoice source, GuidanceChoice guide, SamplerSettings settings, int n, long seed,
                    double turn) {
        if (!guide.on()) {
            return run(Swirl.of(source.create(), turn, false), source, settings, n, seed);
        }
        GuidanceChoice.Guided guided = guide.create(source, n, seed);
        Run plain = run(Swirl.of(guided.denoiser(), turn, true), source, settings, n, seed);
        double[] samples = plain.trajectories().positions()[plain.trajectories().length() - 1];
        Optional<GuidanceQuality> figures = Optional.of(guide.perSample()
                ? GuidanceQuality.eachOwn(guided.exact(), samples, guided.labels())
                : GuidanceQuality.of(guided.exact(), samples, guide.target(), guide.omega(), seed));
        return new Run(plain.trajectories(), settings, seed, plain.nfe() * guide.evaluationsPerCall(source),
                plain.source(),
                plain.quality(), plain.modelSteps(), guide, figures, guided.labels(), plain.readUnder(),
                plain.vsPreset());
    }

    /**
     * The denoiser a run samples with the swirl of strength s (docs/math.md §8.11), and what its label
     * says of the swirl. The swirl is applied only where it keeps the marginals: to a denoiser with a
     * score (a flow from another source has none) that is not guided (a guided ŝ is not ∇log of the
     * p_t the particles follow, so sσJŝ is not divergence-free against it); elsewhere the run is
     * unswirled and says so.
     *
     * @param denoiser the denoiser to sample
     * @param note     " + swirl s = 1.00", " (swirl off: no score)", " (swirl off: guided)" or "" at s = 0
     */
    record Swirl(Denoiser denoiser, String note) {

        static Swirl of(Denoiser denoiser, double strength, boolean guided) {
            if (strength == 0) {
                return new Swirl(denoiser, "");
            }
            if (guided) {
                return new Swirl(denoiser, " (swirl off: guided)");
            }
            if (!denoiser.hasScore()) {
                return new Swirl(denoiser, " (swirl off: no score)");
            }
            return new Swirl(SwirledDenoiser.of(denoiser, strength),
                    String.format(java.util.Locale.ROOT, " + swirl s = %.2f", strength));
        }
    }

    private Run run(Swirl swirled, DenoiserChoice source, SamplerSettings settings, int n, long seed) {
        Denoiser denoiser = swirled.denoiser();
        SampleResult result = Sampling.fromSource(denoiser, settings, source.start(), n, seed,
                Recording.POSITIONS_AND_DENOISED);
        DataDistribution reference = source.reference();
        Optional<SampleQuality> quality = Optional.of(SampleQuality.of(result.samples(), reference, seed,
                floor(source, reference, n, seed)));
        String label = source.label() + swirled.note();
        return new Run(result.trajectories(), settings, seed, result.nfe(), label, quality,
                source.model() != null ? source.model().steps() : -1, source.readUnder(),
                VsPreset.of(result.samples(), reference, seed));
    }

    /**
     * The SW2 floor a run is judged against, computed once per data, reference, size and seed: the
     * split view's two runs share it, and so do the refreshes while a model trains (half the cost of
     * measuring a run). Called on the sampling thread.
     */
    private double floor(DenoiserChoice source, DataDistribution reference, int n, long seed) {
        FloorMemo memo = lastFloor.get();
        boolean model = source.model() != null;
        if (memo == null || memo.data() != source.data() || memo.model() != model || memo.n() != n
                || memo.seed() != seed) {
            memo = new FloorMemo(source.data(), model, n, seed, SampleQuality.floor(reference, n, seed));
            lastFloor.set(memo);
        }
        return memo.value();
    }

    /** The last floor: of this data (compared with as a model's data or as the oracle's own points), size and seed. */
    private record FloorMemo(DataState.Data data, boolean model, int n, long seed, double value) {
    }

    private final AtomicReference<FloorMemo> lastFloor =
            new AtomicReference<>();
}
