package org.scorefield.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.flow.ExactOracle;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.likelihood.LogDensityMap;
import org.scorefield.core.metric.MetricWithFloor;
import org.scorefield.core.metric.ModeCoverage;
import org.scorefield.core.metric.ModeWeights;
import org.scorefield.core.metric.NoiseFloor;
import org.scorefield.core.metric.PointSampler;
import org.scorefield.core.metric.SlicedWasserstein;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.LangevinDynamics;
import org.scorefield.core.sample.LangevinStart;
import org.scorefield.core.sample.NoiseLevelScore;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The "Langevin" view (docs/math.md §5.13): from one seeded start, Langevin at one noise level σ, score
 * ascent, and annealed Langevin down to σ, side by side, each with the score of p_σ that samples now
 * (the exact oracle's, or the trained model's when it drives sampling), each judged by its particles'
 * share of every mode against the mixture's weights and by SW2 to p_σ over its floor. The three runs are
 * one background job on the compute lane, which publishes each run as it finishes; the scrubber replays
 * them (t = 1 is the start, t = 0 the last step). Recomputed when the view comes on, a setting of it
 * changes, or the denoiser or the data do; while a model trains, only when it stops. Lives on the FX
 * thread.
 */
public final class LangevinView {

    /** The job's key. */
    static final String KEY = "langevin";
    /** Particles of each run. */
    public static final int PARTICLES = 500;

    /**
     * One rule's run and what it is measured by.
     *
     * @param run      the positions at the recorded steps
     * @param weights  each mode's share of the particles against the weights, for a mixture
     * @param coverage the modes hit, for a mixture (of p_σ's components)
     * @param sw2      SW2 of the end points to p_σ, beside the floor of two samples of p_σ
     */
    public record Pane(LangevinDynamics.Run run, Optional<ModeWeights> weights, Optional<ModeCoverage.Result> coverage,
                       MetricWithFloor sw2) {

        /** "shares 0.44 0.21 0.35  ·  true 0.50 0.30 0.20", or empty for data that is no mixture. */
        public Optional<String> weightsLine() {
            return weights.map(w -> "shares " + ModeWeights.list(w.shares()) + "  \u00b7  true "
                    + ModeWeights.list(w.weights()));
        }

        /** "weights error 0.14  ·  3/3 modes  ·  SW2/floor 2.1", phrases two spaces apart for a narrow pane to wrap. */
        public String figuresLine() {
            StringBuilder sb = new StringBuilder();
            weights.ifPresent(w -> sb.append(String.format(Locale.ROOT, "weights error %.2f  \u00b7  ", w.error())));
            coverage.ifPresent(c -> sb.append(c.modesHit()).append('/').append(c.modes()).append(" modes  \u00b7  "));
            sb.append(String.format(Locale.ROOT, "SW2/floor %.2f", sw2.ratio()));
            return sb.toString();
        }
    }

    /**
     * The three runs, in the order {@link LangevinDynamics.Rule#values()}; a run still computing is null.
     *
     * @param panes     the runs
     * @param scoreName whose score moved the particles ("exact score", "model's score (2,000 steps)")
     * @param start     where the particles started
     * @param settings  ε, K, σ and the ladder
     * @param seed      the seed of the start and of the noise
     * @param level     the level the score was read at for σ (differs only outside the schedule's range)
     * @param density   the exact log p_σ of the data under the particles, or null
     */
    public record Runs(List<Pane> panes, String scoreName, LangevinStart start, LangevinDynamics.Settings settings,
                       long seed, double level, ScalarGrid density) {

        public Runs {
            panes = java.util.Collections.unmodifiableList(new ArrayList<>(panes));
        }

        /** Whether every run is done. */
        public boolean done() {
            return panes.stream().allMatch(java.util.Objects::nonNull);
        }

        Runs with(int index, Pane pane) {
            List<Pane> next = new ArrayList<>(panes);
            next.set(index, pane);
            return new Runs(next, scoreName, start, settings, seed, level, density);
        }
    }

    private final Jobs jobs;
    private final BooleanProperty on;
    private final DoubleProperty step;
    private final IntegerProperty steps;
    private final DoubleProperty sigma;
    private final LongProperty seed;
    private final ObjectProperty<LangevinStart> start;
    private final Supplier<DenoiserChoice> choice;
    private final ReadOnlyObjectWrapper<Runs> runs = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>("");

    /**
     * @param values where the view's settings are owned
     * @param on     whether the view is on (the view's flag)
     * @param choice the denoiser that samples now
     */
    LangevinView(Jobs jobs, SettingValues values, BooleanProperty on, Supplier<DenoiserChoice> choice) {
        this.jobs = jobs;
        this.on = on;
        this.choice = choice;
        step = values.number(Settings.LANGEVIN_STEP);
        steps = values.integer(Settings.LANGEVIN_STEPS);
        sigma = values.number(Settings.LANGEVIN_SIGMA);
        seed = values.whole(Settings.LANGEVIN_SEED);
        start = values.object(Settings.LANGEVIN_START);
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {on, step, steps, sigma, seed, start}) {
            o.addListener(obs -> refresh());
        }
    }

    /** Whether the view is on. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** ε, the step size (of the level σ). */
    public DoubleProperty stepProperty() {
        return step;
    }

    /** K, the score evaluations of each run. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** σ, the noise level of Langevin and score ascent and annealed Langevin's last. */
    public DoubleProperty sigmaProperty() {
        return sigma;
    }

    /** The seed of the start points and of the noise z. */
    public LongProperty seedProperty() {
        return seed;
    }

    /** Where the particles start. */
    public ObjectProperty<LangevinStart> startProperty() {
        return start;
    }

    /** The runs, or null while there are none (the view is off, or the first run computes). */
    public ReadOnlyObjectProperty<Runs> runsProperty() {
        return runs.getReadOnlyProperty();
    }

    /** Why the last runs failed, in one sentence, or empty. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /**
     * Why there can be no runs now, in one sentence, or empty: no data, or a flow without a score (its x₁
     * is not Gaussian noise independent of x₀).
     */
    public Optional<String> problem() {
        DenoiserChoice c = choice.get();
        if (c.data().points().size() == 0) {
            return Optional.of("No data: draw points, or restore the preset.");
        }
        if (!c.gaussianNoise()) {
            return Optional.of("Langevin needs a score:  this flow\u2019s x\u2081 is not Gaussian noise.");
        }
        return Optional.empty();
    }

    /** Runs the three dynamics again with the settings and the denoiser of now; nothing while the view is off. */
    public void refresh() {
        if (!on.get() || problem().isPresent()) {
            jobs.drop(KEY);
            runs.set(null);
            failure.set("");
            return;
        }
        DenoiserChoice c = choice.get();
        LangevinDynamics.Settings settings;
        try {
            settings = LangevinDynamics.Settings.of(step.get(), steps.get(), sigma.get());
        } catch (InvalidInputException e) {
            failure.set(e.getMessage());
            runs.set(null);
            return;
        }
        long s = seed.get();
        LangevinStart from = start.get();
        String scoreName = c.isModel() ? String.format(Locale.ROOT, "model\u2019s score (%,d steps)", c.model().steps())
                : "exact score";
        int rules = LangevinDynamics.Rule.values().length;
        failure.set("");
        jobs.<Runs>job(KEY, Lane.COMPUTE).title(String.format(Locale.ROOT, "Langevin: 3 runs of %,d steps",
                        settings.steps()))
                .onFailure(failure::set)
                .onCancelled(() -> failure.set("cancelled:  Run starts again")) // the runs done so far stay
                .<Runs>onUpdate(runs::set, (older, newer) -> newer)
                .start(job -> {
                    Denoiser denoiser = c.create();
                    NoiseLevelScore score = new NoiseLevelScore(denoiser);
                    DataDistribution reference = c.reference();
                    Optional<GaussianMixture> mixture = reference.mixture();
                    double level = settings.sigma();
                    double[] x0 = from.draw(PARTICLES, s, c.data().mixture(), c.data().points());
                    PointSampler blurred = blurred(reference, level);
                    double floor = NoiseFloor.of(SlicedWasserstein::distance, blurred, PARTICLES, s);
                    List<Pane> none = new ArrayList<>();
                    for (int i = 0; i < rules; i++) {
                        none.add(null);
                    }
                    Runs result = new Runs(none, scoreName, from, settings, s, score.levelAt(level),
                            density(c, level));
                    job.publish(result);
                    int index = 0;
                    for (LangevinDynamics.Rule rule : LangevinDynamics.Rule.values()) {
                        int done = index;
                        LangevinDynamics.Run run = LangevinDynamics.run(rule, score, x0, settings,
                                new SeededRandom(SeededRandom.derive(s, "langevin-noise")),
                                (phase, fraction) -> job.update(rule.label(), (done + fraction) / rules));
                        double[] end = run.end();
                        Pane pane = new Pane(run, mixture.map(m -> ModeWeights.of(end, m, level)),
                                mixture.map(m -> ModeCoverage.of(end, ModeWeights.blurred(m, level))),
                                new MetricWithFloor(NoiseFloor.value(SlicedWasserstein::distance, end, blurred, s), floor));
                        result = result.with(index++, pane);
                        job.publish(result);
                    }
                    return result;
                }, runs::set);
    }

    /** Samples of p_σ: the reference's points plus σ·z, z from the same seed. */
    private static PointSampler blurred(DataDistribution reference, double sigma) {
        return (n, s) -> {
            double[] xy = reference.sample(n, s).xy();
            double[] z = new SeededRandom(SeededRandom.derive(s, "blur")).gaussianPoints(n);
            for (int i = 0; i < xy.length; i++) {
                xy[i] += sigma * z[i];
            }
            return xy;
        };
    }

    /**
     * The data's exact log p_σ on the canvas's square: the exact oracle under VE (α = 1, so x_t is a point
     * of p_σ at the time where σ(t) = σ); null if the data has no exact density.
     */
    private static ScalarGrid density(DenoiserChoice c, double sigma) {
        Schedule ve = ScheduleKind.VE.createDefault();
        Denoiser oracle = ExactOracle.of(c.data().mixture(), c.data().points(), new ExactPath(ve, FlowSource.gaussian()));
        double t = ve.tOfNoiseToSignal(sigma);
        if (!ExactDensity.supports(oracle) || !(t >= ve.tMin() && t <= ve.tMax())) {
            return null;
        }
        return ExactDensity.logDensityGrid(oracle, LogDensityMap.viewGrid(), t);
    }
}
