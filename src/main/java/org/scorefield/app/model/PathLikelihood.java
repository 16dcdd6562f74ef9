package org.scorefield.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;
import org.scorefield.app.jobs.Lane;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.likelihood.PathDensity;
import org.scorefield.core.sample.DenoisingLanding;
import org.scorefield.core.sample.Trajectories;

/**
 * The exact log-density of the data along a few sampling paths on screen (docs/math.md §7.6): the
 * first {@value #SAMPLE_PATHS} paths of the run (the ODE's in the split view) and the newest
 * {@value #CLICK_PATHS} clicked ones, each as {@code log p_t(x_t)} at every recorded step, from the
 * exact oracle of the data along the path the sampler follows. For a model that is the data's
 * density at the model's path points, not the model's own. Recomputed on the quick lane whenever
 * the runs or the clicks change while its chart is shown (milliseconds for a mixture; for 5,000
 * memorised points tens of them, which the quick lane should not spend for a hidden chart). Lives on
 * the deliver thread of its jobs.
 */
public final class PathLikelihood {

    /** Sample paths shown. */
    public static final int SAMPLE_PATHS = 5;
    /** Clicked paths shown, the newest. */
    public static final int CLICK_PATHS = 5;

    /**
     * The curves on screen.
     *
     * @param samples  the run's first paths
     * @param clicks   the clicked paths, oldest first
     * @param ofModel  whether a trained model drew the paths (the density is still the data's)
     * @param sampler  the sampler's title, for a caption
     * @param denoised log p_0 along the denoising trajectories of the run's first paths, one per sample
     *                 curve (docs/math.md §6.2)
     * @param landings when each of those denoising trajectories and sample paths lands, one per sample curve
     */
    public record Curves(List<PathDensity.Curve> samples, List<PathDensity.Curve> clicks, boolean ofModel,
                         String sampler, List<PathDensity.Curve> denoised, List<DenoisingLanding.Landing> landings) {

        static final Curves NONE = new Curves(List.of(), List.of(), false, "", List.of(), List.of());

        public boolean isEmpty() {
            return samples.isEmpty() && clicks.isEmpty();
        }

        /** Steps, over every curve, after which the density of the step's starting time had risen. */
        public int rises() {
            return all().stream().mapToInt(PathDensity.Curve::rises).sum();
        }

        /** Steps compared over every curve. */
        public int steps() {
            return all().stream().mapToInt(PathDensity.Curve::steps).sum();
        }

        private List<PathDensity.Curve> all() {
            List<PathDensity.Curve> all = new ArrayList<>(samples);
            all.addAll(clicks);
            return all;
        }
    }

    private static final String KEY = "path likelihood";

    private final Jobs jobs;
    private final SamplingState sampling;
    private final Supplier<DenoiserChoice> choice;
    private final ReadOnlyObjectWrapper<Curves> curves = new ReadOnlyObjectWrapper<>(Curves.NONE);
    private boolean shown;
    private boolean stale = true;

    /** @param choice what samples now (its exact twin gives the density) */
    PathLikelihood(Jobs jobs, SamplingState sampling, Supplier<DenoiserChoice> choice) {
        this.jobs = jobs;
        this.sampling = sampling;
        this.choice = choice;
        sampling.runsProperty().addListener(obs -> changed());
        sampling.clicksProperty().addListener(obs -> changed());
    }

    /** Whether the chart is on screen: the curves are computed only then, and when it comes back. */
    public void setShown(boolean on) {
        shown = on;
        if (on && stale) {
            refresh();
        }
    }

    private void changed() {
        stale = true;
        if (shown) {
            refresh();
        }
    }

    /** The curves of the runs and clicks on screen. */
    public ReadOnlyObjectProperty<Curves> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    /** Computes the curves again from the runs and clicks on screen. */
    void refresh() {
        stale = false;
        SamplingState.Runs runs = sampling.runsProperty().get();
        SamplingState.Run main = runs.single() != null ? runs.single() : runs.ode();
        List<SamplingState.Click> clicks = sampling.clicksProperty().get();
        List<Trajectories> clicked = new ArrayList<>();
        for (int k = Math.max(0, clicks.size() - CLICK_PATHS); k < clicks.size(); k++) {
            Trajectories t = runs.single() == null && clicks.get(k).ode() != null ? clicks.get(k).ode()
                    : clicks.get(k).single();
            if (t != null) {
                clicked.add(t);
            }
        }
        if (main == null && clicked.isEmpty()) {
            jobs.drop(KEY);
            curves.set(Curves.NONE);
            return;
        }
        DenoiserChoice exact = choice.get().exactTwin();
        boolean ofModel = choice.get().isModel();
        String sampler = main != null ? main.title() : sampling.settings().title();
        jobs.<Curves>job(KEY, Lane.QUICK).quiet().start(job -> {
            Denoiser oracle = exact.create();
            if (!org.scorefield.core.field.ExactDensity.supports(oracle)) {
                return Curves.NONE;
            }
            // the first paths alone: particle i of these is particle i of the run
            Trajectories few = main == null ? null : main.trajectories().first(SAMPLE_PATHS);
            int[] all = few == null ? null : java.util.stream.IntStream.range(0, few.particles()).toArray();
            List<PathDensity.Curve> samples = few == null ? List.of() : PathDensity.along(oracle, few, all);
            List<PathDensity.Curve> fromClicks = new ArrayList<>();
            for (Trajectories t : clicked) {
                fromClicks.add(PathDensity.along(oracle, t, new int[] {0}).get(0));
            }
            List<PathDensity.Curve> denoised = List.of();
            List<DenoisingLanding.Landing> landings = List.of();
            if (few != null && few.hasDenoised()) {
                denoised = PathDensity.alongDenoised(oracle, few, all);
                landings = landings(few, all.length);
            }
            return new Curves(samples, List.copyOf(fromClicks), ofModel, sampler, denoised, landings);
        }, curves::set);
    }

    /** When the first {@code n} particles' denoising trajectories and paths land (docs/math.md §6.2). */
    public static List<DenoisingLanding.Landing> landings(Trajectories paths, int n) {
        List<DenoisingLanding.Landing> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, paths.particles()); i++) {
            out.add(DenoisingLanding.of(paths, i, DenoisingLanding.TOLERANCE));
        }
        return List.copyOf(out);
    }
}
