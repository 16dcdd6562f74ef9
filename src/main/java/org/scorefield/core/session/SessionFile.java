package org.scorefield.core.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.flow.Reflow;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.nn.ModelFile;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.schedule.Schedule;

/**
 * A {@link Session} as one versioned JSON file ({@code .scorefield}):
 * <pre>
 * {"format": "scorefield-session", "version": 1,
 *  "data": {"name": "Two moons", "preset": "moons" (null once edited), "count": 1000, "seed": 7,
 *           "points": [x, y, x, y, …], "labels": [0, 1, …] (null without labels)},
 *  "process": {"kind": "vp", "parameters": {"beta_min": 0.1, "beta_max": 20.0}},
 *  "model": { a whole model file, see ModelFile } | null,
 *  "settings": {"sampling": {"solver": "heun", "steps": 64, …}, "view": {…}, …},
 *  "source": {"name": "drawn (300 points)", "points": [x, y, …]},    (version 2, only with drawn source points)
 *  "reflow": {"seed": 1, "eval_points": 2000, "rounds": [           (version 2, only with Reflow rounds)
 *      {"round": 0, "straightness": …, "normalized_straightness": …, "transport_cost": …, "sw2_floor": …,
 *       "sw2_by_nfe": [1-step, 2-step, …], "seconds": …, "model": { a model file }}, …]},
 *  "clicks": [x, y, …],                                             (only with clicked trajectories; any version)
 *  "lesson": {"scene": 3, "deck": { a whole lesson file, see LessonFile }}}   (only with a lesson open; any version)
 * </pre>
 * Optional blocks that an older build can skip without misreading the rest (the clicks, the lesson:
 * such a build opens the workspace without them) keep the version; those it would misread raise it.
 * Settings are scalars: strings, booleans, whole numbers (written without a decimal point) and
 * numbers (written with one), so each reads back with its type.
 *
 * <p>{@link #save} replaces the file atomically ({@link AtomicFiles}): a crash or a kill during
 * the save leaves the previous file whole. {@link #load} checks the whole file (format, version,
 * every field, the embedded model's checksum) before returning anything, and refuses a file from a
 * newer build or a damaged one with one sentence naming it.
 */
public final class SessionFile {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "scorefield-session";
    /** The newest format version this build reads and writes: 2 with drawn source points or Reflow rounds, else 1. */
    public static final int VERSION = 2;
    /** The version of a file without a {@code "source"} block, readable by every build. */
    static final int VERSION_WITHOUT_SOURCE = 1;
    /** The file name extension, with its dot. */
    public static final String EXTENSION = ".scorefield";
    /** Larger files are refused unread: a model file's limit and room for the points. */
    public static final long MAX_BYTES = ModelFile.MAX_BYTES + 64L * 1024 * 1024;

    /** The largest Reflow figure read (distances of points within ±1e6, seconds of weeks). */
    static final double MAX_METRIC = 1e12;
    /** The most clicked points read back; the window keeps the newest few. */
    static final int MAX_CLICKS = 1000;

    private static final ObjectMapper MAPPER = JsonFields.strictMapper(MAX_BYTES,
            2 * (ModelFile.MAX_TOKENS + 2L * PointCsv.MAX_POINTS) + 10_000L * (Reflow.MAX_ROUNDS + 1));

    private SessionFile() {
    }

    /**
     * Writes the session, replacing the file atomically and creating missing folders.
     *
     * @throws InvalidInputException if the file cannot be written (the previous one is then kept)
     */
    public static void save(Session session, Path file) {
        save(session, file, Progress.NONE);
    }

    /**
     * As {@link #save(Session, Path)}, stopping before anything is written when {@code progress}
     * is cancelled while the file's text is made (the weights' base64 is most of the time).
     *
     * @throws java.util.concurrent.CancellationException when cancelled before the text is made (then
     *         the previous file is kept); once {@link Progress#commit committed}, the file is written
     */
    public static void save(Session session, Path file, Progress progress) {
        JsonFields.writeAtomically(file, () -> {
            progress.update("Writing " + IoReasons.fileName(file), -1);
            String text = toJson(session);
            progress.commitOrStop(); // from here the file is written: a cancel now is too late
            return text;
        });
    }

    /**
     * Reads a session written by {@link #save}.
     *
     * @throws InvalidInputException naming the file and what is wrong with it
     */
    public static Session load(Path file) {
        byte[] bytes = InputFiles.readBytes(file, MAX_BYTES, "session file");
        try {
            return fromJson(bytes);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Cannot open " + IoReasons.fileName(file) + ": "
                    + JsonFields.phrase(e.getMessage()) + ".", e);
        }
    }

    /** The file's text. */
    static String toJson(Session session) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        // clicks are an optional key that older builds skip: they alone do not need version 2
        root.put("version", session.source().isPresent() || session.rounds().isPresent() ? VERSION
                : VERSION_WITHOUT_SOURCE);
        Session.Data d = session.data();
        ObjectNode data = root.putObject("data");
        data.put("name", d.name());
        if (d.preset().isPresent()) {
            data.put("preset", d.preset().get().id());
        } else {
            data.putNull("preset");
        }
        data.put("count", d.count());
        data.put("seed", d.seed());
        ArrayNode xy = data.putArray("points");
        for (double v : d.points().xy()) {
            xy.add(v);
        }
        if (d.points().hasLabels()) {
            ArrayNode labels = data.putArray("labels");
            for (int label : d.points().labels()) {
                labels.add(label);
            }
        } else {
            data.putNull("labels");
        }
        ModelFile.writeProcess(root.putObject("process"), session.process());
        if (session.model().isPresent()) {
            try {
                root.set("model", ModelFile.toTree(session.model().get()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("the model: " + JsonFields.phrase(e.getMessage()), e);
            }
        } else {
            root.putNull("model");
        }
        putSettings(root.putObject("settings"), session.settings());
        if (session.source().isPresent()) {
            ObjectNode source = root.putObject("source");
            source.put("name", session.source().get().id());
            ArrayNode points = source.putArray("points");
            for (double v : session.source().get().points().xy()) {
                points.add(v);
            }
        }
        session.rounds().ifPresent(r -> writeRounds(root.putObject("reflow"), r));
        if (session.clicks().size() > 0) {
            ArrayNode clicks = root.putArray("clicks");
            for (double v : session.clicks().xy()) {
                clicks.add(v);
            }
        }
        session.lesson().ifPresent(open -> {
            ObjectNode lesson = root.putObject("lesson");
            lesson.put("scene", open.scene() + 1);
            lesson.set("deck", LessonFile.toTree(open.lesson()));
        });
        String text;
        try {
            text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        // never write a file that this build would refuse to open
        long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        InvalidInputException.require(bytes <= MAX_BYTES, String.format(java.util.Locale.ROOT,
                "The session would take %,d MB, more than the %,d MB a session file may hold: clear the Reflow "
                        + "rounds or use a smaller model.", bytes >> 20, MAX_BYTES >> 20));
        return text;
    }

    /** The session in a file's bytes; reasons are lower-case phrases without the file's name. */
    static Session fromJson(byte[] bytes) {
        JsonNode root = JsonFields.parse(MAPPER, bytes);
        JsonNode format = root.get("format");
        if (!root.isObject() || format == null) {
            throw new InvalidInputException("it is not a Scorefield session (it has no \"format\": \"" + FORMAT + "\")");
        }
        if (!FORMAT.equals(format.textValue())) {
            throw new InvalidInputException("it is not a Scorefield session (its \"format\" is "
                    + JsonFields.quote(format) + ", not \"" + FORMAT + "\")"
                    + (ModelFile.FORMAT.equals(format.textValue()) ? "; it is a model file" : ""));
        }
        JsonFields f = JsonFields.root(root);
        JsonNode version = f.node("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw new InvalidInputException("\"version\" must be a whole number from 1, found "
                    + JsonFields.quote(version));
        }
        if (version.intValue() > VERSION) {
            throw new InvalidInputException("it was saved by a newer Scorefield (session format version "
                    + version.intValue() + "); this one reads version " + VERSION + ". Update Scorefield to open it");
        }
        Session.Data data = data(f.object("data"));
        Schedule process = ModelFile.readProcess(f.object("process"));
        JsonNode modelNode = f.node("model");
        Optional<TrainedModel> model;
        if (modelNode.isNull()) {
            model = Optional.empty();
        } else {
            try {
                model = Optional.of(ModelFile.fromTree(modelNode));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("its model: " + JsonFields.phrase(e.getMessage()), e);
            }
        }
        Optional<EmpiricalDistribution> source = Optional.empty();
        if (f.has("source") && !f.node("source").isNull()) {
            JsonFields src = f.object("source");
            String name = src.text("name");
            InvalidInputException.require(!name.isBlank(), "\"source.name\" is empty");
            double[] xy = src.coordinates("points", PointCsv.MAX_POINTS);
            InvalidInputException.require(xy.length >= 2, "\"source.points\" must hold at least one x, y pair");
            source = Optional.of(new EmpiricalDistribution(name, PointSet.of(xy)));
        }
        Optional<Session.Rounds> rounds = f.has("reflow") && !f.node("reflow").isNull()
                ? Optional.of(readRounds(f.object("reflow"))) : Optional.empty();
        PointSet clicks = PointSet.of(new double[0]);
        if (f.has("clicks") && !f.node("clicks").isNull()) {
            double[] xy = f.coordinates("clicks", MAX_CLICKS);
            clicks = PointSet.of(xy);
        }
        Optional<Session.OpenLesson> lesson = Optional.empty();
        if (f.has("lesson") && !f.node("lesson").isNull()) {
            try {
                JsonFields l = f.object("lesson");
                long scene = l.whole("scene", 1, Lesson.MAX_SCENES);
                Lesson deck = LessonFile.fromTree(l.object("deck"));
                lesson = Optional.of(new Session.OpenLesson(deck, (int) scene - 1));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("its lesson: " + JsonFields.phrase(e.getMessage()), e);
            }
        }
        return new Session(data, process, model, settings(f.object("settings")), source, rounds, clicks, lesson);
    }

    private static void writeRounds(ObjectNode node, Session.Rounds r) {
        node.put("seed", r.seed());
        node.put("eval_points", r.evalPoints());
        ArrayNode rounds = node.putArray("rounds");
        for (int k = 0; k < r.models().size(); k++) {
            Reflow.Metrics m = r.metrics().get(k);
            ObjectNode round = rounds.addObject();
            round.put("round", m.round());
            round.put("straightness", m.straightness());
            round.put("normalized_straightness", m.normalizedStraightness());
            round.put("transport_cost", m.transportCost());
            round.put("sw2_floor", m.sw2Floor());
            ArrayNode sw2 = round.putArray("sw2_by_nfe");
            for (double v : m.sw2ByNfe()) {
                sw2.add(v);
            }
            round.put("seconds", m.seconds());
            try {
                round.set("model", ModelFile.toTree(r.models().get(k)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Reflow round " + m.round() + "'s model: "
                        + JsonFields.phrase(e.getMessage()), e);
            }
        }
    }

    private static Session.Rounds readRounds(JsonFields node) {
        long seed = node.whole("seed");
        int evalPoints = node.integer("eval_points");
        InvalidInputException.require(evalPoints >= 1 && evalPoints <= Reflow.Settings.MAX_PAIRS,
                "\"reflow.eval_points\" must lie between 1 and " + Reflow.Settings.MAX_PAIRS + ", found " + evalPoints);
        JsonNode list = node.node("rounds");
        InvalidInputException.require(list.isArray() && list.size() > 0, "\"reflow.rounds\" must list at least one round");
        InvalidInputException.require(list.size() <= Reflow.MAX_ROUNDS + 1, "\"reflow.rounds\" lists " + list.size()
                + " rounds, more than the " + (Reflow.MAX_ROUNDS + 1) + " (round 0 and " + Reflow.MAX_ROUNDS + " more) a session holds");
        List<TrainedModel> models = new ArrayList<>();
        List<Reflow.Metrics> metrics = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            JsonFields round = node.element("rounds", k);
            int number = (int) round.whole("round", 0, ModelFile.MAX_ROUND);
            InvalidInputException.require(k == 0 || number > metrics.get(k - 1).round(), "\"reflow.rounds\" must count up, "
                    + "but round " + number + " follows round " + (k == 0 ? 0 : metrics.get(k - 1).round()));
            double[] sw2 = round.numbers("sw2_by_nfe");
            InvalidInputException.require(sw2.length == Reflow.nfe().length, "\"reflow.rounds\" round " + number
                    + " has " + sw2.length + " SW2 figures, not " + Reflow.nfe().length);
            for (double v : sw2) {
                InvalidInputException.require(v >= 0 && v <= MAX_METRIC, "\"reflow.rounds\" round " + number
                        + " has an SW2 of " + JsonFields.shown(v) + ", not one from 0 to " + JsonFields.shown(MAX_METRIC));
            }
            // the charts divide by the floor and draw on log axes: every figure must be a sane positive number
            metrics.add(new Reflow.Metrics(number, round.number("straightness", 0, MAX_METRIC),
                    round.number("normalized_straightness", 0, MAX_METRIC), round.number("transport_cost", 0, MAX_METRIC),
                    round.number("sw2_floor", 1e-12, MAX_METRIC), sw2, round.number("seconds", 0, MAX_METRIC)));
            try {
                TrainedModel model = ModelFile.fromTree(round.node("model"));
                InvalidInputException.require(model.parameterization().objective() == Objective.FLOW_MATCHING,
                        "it is not a flow-matching model");
                models.add(model);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Reflow round " + number + "'s model: "
                        + JsonFields.phrase(e.getMessage()), e);
            }
        }
        return new Session.Rounds(seed, evalPoints, models, metrics);
    }

    private static Session.Data data(JsonFields d) {
        String name = d.text("name");
        InvalidInputException.require(!name.isBlank(), "\"data.name\" is empty");
        JsonNode presetNode = d.node("preset");
        Optional<DatasetPreset> preset = presetNode.isNull() ? Optional.empty()
                : Optional.of(DatasetPreset.fromId(d.text("preset")));
        int count = d.integer("count");
        InvalidInputException.require(count >= 0, "\"data.count\" cannot be negative, found " + count);
        long seed = d.whole("seed");
        double[] xy = d.coordinates("points", PointCsv.MAX_POINTS);
        int[] labels = null;
        if (!d.node("labels").isNull()) {
            double[] raw = d.numbers("labels");
            InvalidInputException.require(raw.length == xy.length / 2, "\"data.labels\" has " + raw.length
                    + " labels for " + xy.length / 2 + " points");
            labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                InvalidInputException.require(raw[i] >= 0 && raw[i] == Math.rint(raw[i]) && raw[i] <= PointCsv.MAX_LABEL,
                        "\"data.labels\" holds " + raw[i] + ", not a class number from 0 to " + PointCsv.MAX_LABEL);
                labels[i] = (int) raw[i];
            }
        }
        return new Session.Data(name, preset, count, seed, PointSet.of(xy, labels));
    }

    /** Writes settings grouped by their sections: {"view": {"time": 0.3}, …}. */
    static void putSettings(ObjectNode settings, Session.Settings values) {
        for (Map.Entry<String, Object> e : values.values().entrySet()) {
            int dot = e.getKey().indexOf('.');
            String section = e.getKey().substring(0, dot);
            String key = e.getKey().substring(dot + 1);
            ObjectNode node = settings.has(section) ? (ObjectNode) settings.get(section) : settings.putObject(section);
            Object v = e.getValue();
            if (v instanceof String s) {
                node.put(key, s);
            } else if (v instanceof Boolean b) {
                node.put(key, b);
            } else if (v instanceof Long l) {
                node.put(key, l);
            } else {
                node.put(key, (Double) v);
            }
        }
    }

    /**
     * Reads settings grouped by their sections; a bad one is named by its path in the file
     * ({@code settings.view.time}, {@code lesson.deck.scenes[0].settings.view.time}).
     */
    static Session.Settings settings(JsonFields settings) {
        Session.Settings.Builder out = Session.Settings.builder();
        for (Iterator<Map.Entry<String, JsonNode>> sections = settings.node().fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            JsonFields s = settings.object(section.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> values = s.node().fields(); values.hasNext(); ) {
                Map.Entry<String, JsonNode> e = values.next();
                String key = section.getKey() + "." + e.getKey();
                InvalidInputException.require(Session.Settings.isName(key),
                        "\"" + settings.path() + JsonFields.quote(key) + "\" is not a setting name");
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    out.put(key, v.textValue());
                } else if (v.isBoolean()) {
                    out.put(key, v.booleanValue());
                } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                    out.put(key, v.longValue());
                } else if (v.isNumber() && Double.isFinite(v.doubleValue())) {
                    out.put(key, v.doubleValue());
                } else {
                    throw new InvalidInputException("\"" + settings.path() + key + "\" must be a string, true or false, "
                            + "or a number, found " + JsonFields.quote(v));
                }
            }
        }
        return out.build();
    }
}
