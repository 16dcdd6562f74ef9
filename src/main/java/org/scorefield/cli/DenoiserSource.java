package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.scorefield.app.settings.Driver;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.RescheduledDenoiser;
import org.scorefield.core.flow.ExactOracle;
import org.scorefield.core.flow.ExactPath;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.session.Session;

/**
 * What {@code sample} and {@code solvers} run, an exact oracle or a trained model, and what their
 * samples are compared with.
 *
 * @param key         the JSON field that names the source: {@code oracle} or {@code model}
 * @param name        its value: the oracle's name, or the model file as given
 * @param denoiser    the denoiser, with its schedule
 * @param reference   the distribution samples are compared with; empty when it cannot be had
 *                    (a model's training file has gone)
 * @param description how the reference is reported, or why there is none
 */
record DenoiserSource(String key, String name, Denoiser denoiser, Optional<DataDistribution> reference,
                      String description, FlowSource start) {

    DenoiserSource(String key, String name, Denoiser denoiser, Optional<DataDistribution> reference,
                   String description) {
        this(key, name, denoiser, reference, description, FlowSource.gaussian());
    }

    /**
     * Samples n points: from the prior, or, for a flow from another source than N(0, I), from that
     * source (drawn from the seed).
     */
    SampleResult sample(SamplerSettings settings, int n, long seed, Recording recording) {
        return Sampling.fromSource(denoiser, settings, start, n, seed, recording);
    }

    static DenoiserSource of(OracleOptions.Oracle oracle, Schedule schedule) {
        String description = oracle.reference().id() + (oracle.mixture().isPresent() ? ""
                : " (" + oracle.points().size() + " memorised points, resampled)");
        return new DenoiserSource("oracle", oracle.name(), oracle.denoiser(schedule), Optional.of(oracle.reference()),
                description);
    }

    /** A model, compared with the data it was trained on: a preset, or a CSV file that still exists. */
    static DenoiserSource of(Path file, TrainedModel model) {
        DataDistribution data;
        try {
            data = DataSpec.named(file, model.data());
        } catch (InvalidInputException e) {
            return new DenoiserSource("model", file.toString(), model.denoiser(), Optional.empty(),
                    "none: the training data '" + JsonFields.quote(model.data()) + "' cannot be used ("
                            + JsonFields.phrase(e.getMessage()) + ")",
                    model.flow().source());
        }
        // a fixed draw's name already counts its points
        String description = data instanceof EmpiricalDistribution points
                ? model.data() + (org.scorefield.core.data.PresetDraw.isId(model.data()) ? " (resampled)"
                        : " (" + points.points().size() + " points, resampled)") : data.id();
        return new DenoiserSource("model", file.toString(), model.denoiser(), Optional.of(data), description,
                model.flow().source());
    }

    /**
     * A session's model, compared with the session's data; or, when it has no model or its sampler
     * is driven by the exact oracle, the exact oracle of its data (the mixture of an unedited
     * mixture preset, otherwise the memorised points) under its process, as the window samples it.
     */
    static DenoiserSource of(Path file, Session session) {
        Session.Data d = session.data();
        InvalidInputException.require(d.points().size() > 0, "The session " + IoReasons.fileName(file)
                + " has no data points to sample or compare with.");
        DataDistribution data = sessionData(session);
        if (samplesModel(session)) {
            TrainedModel model = session.model().get();
            // as the window samples it: a diffusion model under the session's process (docs/math.md §2.10)
            Denoiser denoiser = model.followsTheProcess()
                    ? RescheduledDenoiser.of(model.denoiser(), session.process()) : model.denoiser();
            return new DenoiserSource("session", file.toString(), denoiser, Optional.of(data),
                    data.id() + " (the session's data)", model.flow().source());
        }
        Optional<GaussianMixture> mixture = data.mixture();
        ExactPath path = exactPath(session);
        FlowSource start = path.source();
        Denoiser oracle = ExactOracle.of(mixture, d.points(), path);
        DataDistribution reference = mixture.isPresent() ? data
                : new EmpiricalDistribution("empirical:" + d.name(), d.points());
        return new DenoiserSource("session", file.toString(), oracle, Optional.of(reference),
                reference.id() + (mixture.isPresent() ? "" : " (" + d.points().size()
                        + " memorised points, resampled)") + ", the session's exact oracle"
                        + (start.isGaussian() ? "" : " from " + start.id()), start);
    }

    /**
     * The session's data as its window trains on it: the preset, a fixed draw of it when the session
     * chose a dataset size ({@link Settings#DATA_TRAIN_SIZE}, the points saved with it), or the
     * points themselves once edited.
     */
    static DataDistribution sessionData(Session session) {
        Session.Data d = session.data();
        boolean fixed = Settings.DATA_TRAIN_SIZE.readOrDefault(session.settings()) != Settings.WHOLE_PRESET;
        if (d.preset().isPresent() && fixed) {
            return new EmpiricalDistribution(org.scorefield.core.data.PresetDraw.id(d.preset().get(),
                    d.points().size(), d.seed()), d.points());
        }
        return d.preset().<DataDistribution>map(p -> p)
                .orElseGet(() -> new EmpiricalDistribution(d.name(), d.points()));
    }

    /** Whether a session samples with its model: it has one and its sampler is not driven by the exact oracle. */
    static boolean samplesModel(Session session) {
        return session.model().isPresent() && Settings.DRIVER.readOrDefault(session.settings()) != Driver.EXACT;
    }

    /** The path the session's window shows when its oracle samples (see {@link ExactPath#forSettings}). */
    static ExactPath exactPath(Session session) {
        Objective objective = Settings.OBJECTIVE.readOrDefault(session.settings());
        return ExactPath.forSettings(objective, session.process(), sessionSource(session));
    }

    /** The session's flow source: N(0, I), a preset, or drawn points (its own, or those its model carries). */
    private static FlowSource sessionSource(Session session) {
        String id = Settings.SOURCE.readOrDefault(session.settings());
        if (id.equals(Settings.SOURCE_POINTS)) {
            return session.source().map(FlowSource::of)
                    .orElseGet(() -> session.model().map(m -> m.flow().source()).orElse(FlowSource.gaussian()));
        }
        return FlowSource.fromPresetId(id);
    }

    /** Puts {@code "oracle": name}, {@code "model": file} or {@code "session": file}. */
    void putName(ObjectNode json) {
        json.put(key, name);
    }
}
