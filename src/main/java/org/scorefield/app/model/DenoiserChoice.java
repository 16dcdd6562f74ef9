package org.scorefield.app.model;

import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.RescheduledDenoiser;
import org.scorefield.core.flow.ExactOracle;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowOracle;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.Schedule;

/**
 * Which denoiser drives a computation, captured on the FX thread as immutable inputs and built on
 * the worker that runs it (denoisers are not shared between threads): a trained model, or the exact
 * oracle of the data under a schedule (docs/math.md §4: the Gaussian mixture's closed form for an
 * unedited mixture preset, otherwise the memorising oracle of the points).
 *
 * @param model    the trained model, or null for the exact oracle
 * @param data     the data, for the oracle and as the reference of sample quality
 * @param schedule the oracle's schedule (a model keeps its own)
 * @param source   the oracle's x1: N(0, I), or the source of a flow (then the oracle is the
 *                 {@link FlowOracle} of the linear path); a model keeps its own
 */
public record DenoiserChoice(TrainedModel model, DataState.Data data, Schedule schedule, FlowSource source) {

    static DenoiserChoice exact(DataState.Data data, Schedule schedule) {
        return exact(data, schedule, FlowSource.gaussian());
    }

    /** The oracle of the data along the path the canvas follows. */
    static DenoiserChoice exact(DataState.Data data, ExactPath path) {
        return exact(data, path.schedule(), path.source());
    }

    static DenoiserChoice exact(DataState.Data data, Schedule schedule, FlowSource source) {
        return new DenoiserChoice(null, data, schedule, source);
    }

    static DenoiserChoice learned(TrainedModel model, DataState.Data data) {
        return new DenoiserChoice(model, data, model.parameterization().schedule(), model.flow().source());
    }

    /**
     * The model read under {@code schedule} through the change of time and scale (docs/math.md §2.10), when it
     * is a diffusion model of Gaussian noise; a flow-matching model keeps its own path.
     */
    static DenoiserChoice learned(TrainedModel model, DataState.Data data, Schedule schedule) {
        return rereadable(model) ? new DenoiserChoice(model, data, schedule, model.flow().source())
                : learned(model, data);
    }

    /**
     * Whether the window reads this model under the process shown: a diffusion model of independent Gaussian
     * noise. Any such denoiser can be read under another schedule ({@link RescheduledDenoiser}); a
     * flow-matching model is not, because the window follows its own linear path whatever the process.
     */
    static boolean rereadable(TrainedModel model) {
        return model.followsTheProcess();
    }

    /** Whether a model is read under another schedule than the one it was trained under. */
    boolean rescheduled() {
        return model != null && !schedule.equals(model.parameterization().schedule());
    }

    /** "read under linear (trained under vp)" for a model read under another schedule, else "". */
    String readUnder() {
        return rescheduled() ? "read under " + schedule.kind().id() + " (trained under "
                + model.parameterization().schedule().kind().id() + ")" : "";
    }

    /** The model's denoiser, read under this choice's schedule (itself when it is the model's own). */
    Denoiser modelDenoiser(Denoiser trained) {
        return RescheduledDenoiser.of(trained, schedule);
    }

    /**
     * The sampler's settings for this denoiser: a model read under another schedule stops where that schedule
     * reaches the trained one's last log-SNR, unless t_min was set (docs/math.md §2.10).
     */
    SamplerSettings sampling(SamplerSettings settings) {
        if (!rescheduled() || !Double.isNaN(settings.tMin())) {
            return settings;
        }
        // from the two schedules alone: no network is built on the FX thread
        return settings.withTMin(RescheduledDenoiser.endTime(model.parameterization().schedule(), schedule));
    }

    boolean isModel() {
        return model != null;
    }

    /** The same data under the model's schedule and from its source, for comparing the learned field with the exact one. */
    DenoiserChoice exactTwin() {
        return exact(data, schedule, source);
    }

    /** Builds the denoiser; call on the thread that will use it. */
    Denoiser create() {
        if (model != null) {
            return modelDenoiser(model.denoiser());
        }
        return ExactOracle.of(data.mixture(), data.points(), new ExactPath(schedule, source));
    }

    /**
     * Whether x1 is independent N(0, I) noise, so that stochastic samplers apply: a model trained
     * with the standard setup, or the oracle from N(0, I) (as {@link Denoiser#gaussianNoise()}).
     */
    public boolean gaussianNoise() {
        return model != null ? model.flow().isStandard() : source.isGaussian();
    }

    /** Where sampling starts: a flow's own source, otherwise the prior. */
    FlowSource start() {
        return source;
    }

    /** What samples are compared with: the preset, or the points themselves (resampled). */
    public DataDistribution reference() {
        return data.mixture().isPresent() || model != null ? data.distribution()
                : new EmpiricalDistribution(data.name(), data.points());
    }

    /** "trained model (2,000 steps)" or "exact oracle", and the source of a flow from another one. */
    String label() {
        if (model != null) {
            return String.format(java.util.Locale.ROOT, "trained model (%,d steps)", model.steps())
                    + (source.isGaussian() ? "" : " from " + source.displayName())
                    + (rescheduled() ? ", " + readUnder() : "");
        }
        return ExactOracle.describe(data.mixture().isPresent(), source);
    }
}
