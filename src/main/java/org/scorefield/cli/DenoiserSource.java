package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.schedule.Schedule;

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
                      String description) {

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
            data = DataSpec.parse(model.data());
        } catch (InvalidInputException e) {
            return new DenoiserSource("model", file.toString(), model.denoiser(), Optional.empty(),
                    "none: the training data '" + model.data() + "' cannot be used (" + e.getMessage() + ")");
        }
        String description = data instanceof EmpiricalDistribution points
                ? model.data() + " (" + points.points().size() + " points, resampled)" : data.id();
        return new DenoiserSource("model", file.toString(), model.denoiser(), Optional.of(data), description);
    }

    /** Puts {@code "oracle": name} or {@code "model": file}. */
    void putName(ObjectNode json) {
        json.put(key, name);
    }
}
