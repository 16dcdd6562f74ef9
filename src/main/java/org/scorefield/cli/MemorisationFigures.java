package org.scorefield.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.metric.Memorisation;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;

/**
 * What {@code sample --memorisation} adds (docs/math.md §11.7): {@code "nn_distance_median"},
 * {@code "copy_fraction"} and {@code "copy_threshold"} of the samples against the exact training
 * set of what sampled them, and {@code "training_set"}, which says what that set is, or, when it
 * cannot be known, why (then the figures are null rather than guessed).
 *
 * <p>The training set: for a memorising oracle, its points; for a model, {@link Trainer#trainingSet}
 * of the data its file names and its training seed (16,384 points of a preset, a fixed draw of one,
 * or a CSV file's points as they are now). A mixture oracle memorises nothing, and a Reflow round
 * trains on the previous model's samples, which its file does not hold.
 */
final class MemorisationFigures {

    /**
     * The training set, or why there is none.
     *
     * @param points      the points, or null
     * @param description what they are, or why they cannot be had
     */
    record TrainingSet(PointSet points, String description) {

        static TrainingSet unknown(String why) {
            return new TrainingSet(null, "unknown: " + why);
        }
    }

    private MemorisationFigures() {
    }

    /** Puts the figures of {@code samples} against {@code training} into {@code json}. */
    static void put(ObjectNode json, double[] samples, TrainingSet training) {
        json.put("training_set", training.description());
        if (training.points() == null) {
            json.putNull("nn_distance_median");
            json.putNull("copy_fraction");
            json.putNull("copy_threshold");
            return;
        }
        Memorisation.Result r;
        try {
            r = Memorisation.of(samples, training.points());
        } catch (InvalidInputException e) {
            put(json, samples, TrainingSet.unknown(JsonFields.phrase(e.getMessage())));
            return;
        }
        Json.put(json, "nn_distance_median", r.median());
        Json.put(json, "copy_fraction", r.copyFraction());
        Json.put(json, "copy_threshold", r.threshold());
    }

    /** The training set of what {@code source} samples with, as {@code options} resolved it. */
    static TrainingSet of(OracleOptions options, DenoiserSource source) {
        switch (source.key()) {
            case "oracle":
                return ofOracle(options.resolve());
            case "model":
                return ofModel(options.choice.model, options.model().orElseThrow());
            default:
                return ofSession(options.choice.session, options.session().orElseThrow());
        }
    }

    /**
     * A session's: its model's (its data as the window had it, or else what the model file names), or
     * the points its exact oracle memorises, as {@link DenoiserSource#of(Path, Session)} chose.
     */
    static TrainingSet ofSession(Path file, org.scorefield.core.session.Session session) {
        DataDistribution data = DenoiserSource.sessionData(session);
        if (DenoiserSource.samplesModel(session)) {
            TrainedModel model = session.model().orElseThrow();
            return data.id().equals(model.data()) && model.flow().round() == 0
                    ? of(data, model.settings().seed()) : ofModel(file, model);
        }
        if (data.mixture().isPresent()) {
            return TrainingSet.unknown("the session's exact oracle is the mixture of " + data.id()
                    + " itself and memorises no points");
        }
        PointSet points = session.data().points();
        return new TrainingSet(points, String.format(Locale.ROOT, "the session oracle's %,d memorised points",
                points.size()));
    }

    /** The memorising oracle's points; none for a mixture oracle. */
    static TrainingSet ofOracle(OracleOptions.Oracle oracle) {
        if (oracle.mixture().isPresent()) {
            return TrainingSet.unknown("the mixture oracle of " + oracle.name() + " is the mixture itself and "
                    + "memorises no points (use --oracle empirical:" + oracle.name() + ")");
        }
        return new TrainingSet(oracle.points(), String.format(Locale.ROOT, "the oracle's %,d memorised points",
                oracle.points().size()));
    }

    /**
     * A model's training set, rebuilt from the data its file names and its training seed.
     *
     * @param file where the model was read from (a CSV file it names is looked for beside it)
     */
    static TrainingSet ofModel(Path file, TrainedModel model) {
        if (model.flow().round() > 0) {
            return TrainingSet.unknown("a Reflow round trains on the previous model's samples, which the model "
                    + "file does not hold");
        }
        DataDistribution data;
        try {
            data = DataSpec.named(file, model.data());
        } catch (InvalidInputException e) {
            return TrainingSet.unknown("the training data '" + JsonFields.quote(model.data()) + "' cannot be read ("
                    + JsonFields.phrase(e.getMessage()) + ")");
        }
        return of(data, model.settings().seed());
    }

    /** The points a model of {@code data} trained with {@code seed} saw, described. */
    static TrainingSet of(DataDistribution data, long seed) {
        PointSet points = Trainer.trainingSet(data, seed);
        String description = data instanceof EmpiricalDistribution
                ? String.format(Locale.ROOT, "the %,d points of %s", points.size(), data.id())
                : String.format(Locale.ROOT, "%,d points drawn from %s with training seed %d", points.size(),
                        data.id(), seed);
        return new TrainingSet(points, description);
    }
}
