package org.scorefield.app.model;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.scorefield.app.jobs.Jobs;

/**
 * The "ω a vs b" view (docs/math.md §9): the single view's run, guided at ω, beside a second run
 * guided to the same class at ω of B, with the same solver, seed and number of samples, so from the
 * same starting noise; only ω differs. The second run follows the first (a new run on the left, or a
 * new ω of B, samples it again; the newest request wins). Without a class to guide to the view says
 * what to do instead of showing two identical panes. Lives on the FX thread.
 */
public final class GuidanceSplit {

    /** The job key of the right-hand pane's run. */
    static final String SAMPLE_KEY = "sample omega B";

    private final Jobs jobs;
    private final BooleanProperty on;
    private final SamplingState sampling;
    private final Supplier<DenoiserChoice> choice;
    private final ReadOnlyObjectWrapper<SamplingState.Run> run = new ReadOnlyObjectWrapper<>();

    /**
     * @param on     whether the view is on (the view's flag)
     * @param choice which denoiser samples now (the single view's)
     */
    GuidanceSplit(Jobs jobs, BooleanProperty on, SamplingState sampling, Supplier<DenoiserChoice> choice) {
        this.jobs = jobs;
        this.on = on;
        this.sampling = sampling;
        this.choice = choice;
        on.addListener(obs -> resample());
        sampling.runsProperty().addListener(obs -> resample());
        sampling.omegaBProperty().addListener(obs -> resample());
    }

    /** Whether the view is on. */
    public BooleanProperty onProperty() {
        return on;
    }

    /** The guidance scale of the left-hand pane: the Sampling section's ω. */
    public DoubleProperty omegaAProperty() {
        return sampling.omegaProperty();
    }

    /** The guidance scale of the right-hand pane. */
    public DoubleProperty omegaBProperty() {
        return sampling.omegaBProperty();
    }

    /** The right-hand pane's run, guided at ω of B; null while there is none. */
    public ReadOnlyObjectProperty<SamplingState.Run> runProperty() {
        return run.getReadOnlyProperty();
    }

    /**
     * Why the view cannot compare two guidance scales now, in one sentence (no class chosen, data
     * without classes, a model trained without them), or empty when it can.
     */
    public Optional<String> problem() {
        GuidanceChoice guide = sampling.guidanceChoice();
        if (!guide.on()) {
            return Optional.of(String.format(Locale.ROOT, "Choose a class in Sampling \u25b8 Guidance to compare "
                    + "\u03c9 = %s with \u03c9 = %s from the same noise.", omega(guide.omega()),
                    omega(sampling.omegaBProperty().get())));
        }
        return guide.unavailable(choice.get());
    }

    /** "1", "2.5", "0.25": a guidance scale as a title gives it. */
    public static String omega(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

    /**
     * Samples the right-hand pane again as the left-hand run on screen was sampled, at ω of B; nothing
     * while the view is off, there is no guided run on the left, or the same run is already shown.
     */
    public void resample() {
        SamplingState.Run like = sampling.runsProperty().get().single();
        if (!on.get() || like == null || !like.guidance().on() || problem().isPresent()) {
            jobs.drop(SAMPLE_KEY);
            run.set(null);
            return;
        }
        GuidanceChoice guide = like.guidance().withOmega(sampling.omegaBProperty().get());
        SamplingState.Run shown = run.get();
        if (shown != null && shown.guidance().equals(guide) && shown.seed() == like.seed()
                && shown.settings().equals(like.settings()) && shown.modelSteps() == like.modelSteps()
                && shown.source().equals(like.source())
                && shown.trajectories().particles() == like.trajectories().particles()) {
            return; // a new run on the left at another ω: the right's stands (the same noise, settings and ω of B)
        }
        sampling.sampleLike(SAMPLE_KEY, choice.get(), like, guide, run::set);
    }
}
