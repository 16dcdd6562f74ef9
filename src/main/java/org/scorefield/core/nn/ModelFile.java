package org.scorefield.core.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.scorefield.core.Identified;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.JsonFields;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.ParameterSpec;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * A {@link TrainedModel} as one self-describing, versioned JSON file: everything needed to rebuild
 * its denoiser (shape, objective, process, weights) and to say how it was made (training settings,
 * data, steps, loss).
 * <pre>
 * {"format": "scorefield-model", "version": 1,
 *  "architecture": {"width", "depth", "activation", "residual", "embedding", "frequencies", "classes",
 *                   "embedding_seed"},
 *  "objective": "eps", "weighting": "uniform", "sigma_data": 0.5,
 *  "process": {"kind": "vp", "parameters": {"beta_min": 0.1, "beta_max": 20.0}},
 *  "training": {"batch", "learning_rate", "warmup_steps", "clip_norm" (null = ∞), "ema", "ema_decay",
 *               "t_min", "seed", "label_dropout"},
 *  "data": "moons", "steps": 2000, "loss": 0.41 (null before the first step),
 *  "weights": {"dtype": "float32", "count": N, "crc32": C, "base64": "…"},
 *  "flow": {"source": {"kind": "gaussian"} | {"kind": "preset", "id": "8gaussians"}
 *                     | {"kind": "points", "name": "pts.csv", "points": [x, y, x, y, …]},
 *           "coupling": "ot", "sinkhorn_epsilon": 0.1, "round": 2},
 *  "classifier": {"architecture": {… as above, "classes": 0, "outputs": K}, "steps": 500,
 *                 "weights": {… as above}}}
 * </pre>
 * {@code "classifier"} is written for a model that has a {@link NoisyClassifier} (docs/math.md §9.2); it
 * sees the model's process, objective and σ_data. It does not change the version: an older build
 * ignores it and samples the model correctly all the same.
 * {@code "flow"} (version 2) is written for a flow-matching model whose source, coupling or Reflow
 * round is not the standard one (N(0, I), independent, 0); such a file has version 2, every other
 * file version 1, so that an older build reads what it can sample correctly and refuses the rest.
 * {@code "label_dropout"} came later within version 1: a file without it was trained with the
 * fixed probability 0.1 of the "none" label, and reads so. Older builds ignore it.
 * A source that is not a preset is stored with its points (not their labels: a source has no
 * classes), so the file stands alone.
 * The weights are the N float32 values of {@link Mlp#weights()} (W_0, b_0, W_1, …, row-major),
 * little-endian, base64-encoded (RFC 4648); {@code crc32} is the CRC-32 ({@link CRC32}) of those
 * 4N bytes. Numbers are written as Java prints a double, which reads back to the same bits.
 *
 * <p>{@link #save} replaces the file atomically ({@link AtomicFiles}). {@link #load} checks
 * everything before building anything (the format name, the version, every field and id, the
 * weight count against the architecture, the checksum, finiteness) and refuses a bad file with one
 * sentence naming it. A newer format version is refused rather than half read.
 */
public final class ModelFile {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "scorefield-model";
    /** The format version this build writes, and the newest it reads. */
    public static final int VERSION = 2;
    /** The version of a file without a {@code "flow"} block. */
    static final int VERSION_WITHOUT_FLOW = 1;
    /** Larger files are refused unread; the largest architecture needs about 90 MB. */
    public static final long MAX_BYTES = 128L * 1024 * 1024;
    /** The most values read: the architecture and settings, and a flow source of the most points a CSV holds. */
    /** The most training steps a file may count: weeks of training, and far from a long's wrap. */
    public static final long MAX_STEPS = 1_000_000_000_000L;
    /** The highest Reflow round a model may be: far beyond any straightening, and far from an int's wrap. */
    public static final int MAX_ROUND = 1000;
    public static final long MAX_TOKENS = 2L * PointCsv.MAX_POINTS + 10_000;

    private static final String DTYPE = "float32";
    /** 25 points of the plane, a 5 × 5 grid over [−4, 4]², where a loaded network must give finite outputs. */
    private static final double[] PROBE = new double[2 * 25];

    static {
        for (int i = 0; i < 25; i++) {
            PROBE[2 * i] = -4 + 2 * (i % 5);
            PROBE[2 * i + 1] = -4 + 2 * (i / 5);
        }
    }
    private static final ObjectMapper MAPPER = JsonFields.strictMapper(MAX_BYTES, MAX_TOKENS);

    private ModelFile() {
    }

    /**
     * Writes the model, replacing the file atomically and creating missing folders.
     *
     * @throws InvalidInputException if the model has a non-finite weight or the file cannot be
     *         written; a previous file is then kept as it was
     */
    public static void save(TrainedModel model, Path file) {
        JsonFields.writeAtomically(file, () -> toJson(model));
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws InvalidInputException naming the file and what is wrong with it
     */
    public static TrainedModel load(Path file) {
        String name = IoReasons.fileName(file);
        byte[] bytes = InputFiles.readBytes(file, MAX_BYTES, "model file");
        try {
            return fromJson(bytes);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Cannot load " + name + ": " + JsonFields.phrase(e.getMessage()) + ".", e);
        }
    }

    /** The file's text. */
    static String toJson(TrainedModel model) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(model)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * The file's JSON object, for documents that embed a model (a session file).
     *
     * @throws InvalidInputException if the model has a non-finite weight
     */
    public static ObjectNode toTree(TrainedModel model) {
        float[] weights = model.weights();
        requireFinite(weights);
        model.classifier().ifPresent(c -> requireFinite(c.weights()));
        Parameterization p = model.parameterization();
        TrainingSettings s = model.settings();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", model.flow().isStandard() ? VERSION_WITHOUT_FLOW : VERSION);
        writeArchitecture(root.putObject("architecture"), model.architecture());
        root.put("objective", p.objective().id());
        root.put("weighting", p.weighting().id());
        root.put("sigma_data", p.edm().sigmaData());
        writeProcess(root.putObject("process"), p.schedule());
        ObjectNode training = root.putObject("training");
        training.put("batch", s.batch());
        training.put("learning_rate", s.learningRate());
        training.put("warmup_steps", s.warmupSteps());
        if (Double.isInfinite(s.clipNorm())) {
            training.putNull("clip_norm");
        } else {
            training.put("clip_norm", s.clipNorm());
        }
        training.put("ema", s.ema());
        training.put("ema_decay", s.emaDecay());
        training.put("t_min", s.tMin());
        training.put("seed", s.seed());
        training.put("label_dropout", s.labelDropout());
        root.put("data", model.data());
        root.put("steps", model.steps());
        if (Double.isFinite(model.loss())) {
            root.put("loss", model.loss());
        } else {
            root.putNull("loss");
        }
        writeWeights(root.putObject("weights"), weights);
        if (!model.flow().isStandard()) {
            writeFlow(root.putObject("flow"), model.flow());
        }
        model.classifier().ifPresent(c -> {
            ObjectNode node = root.putObject("classifier");
            writeArchitecture(node.putObject("architecture"), c.architecture());
            node.put("steps", c.steps());
            writeWeights(node.putObject("weights"), c.weights());
        });
        return root;
    }

    private static void requireFinite(float[] weights) {
        for (int i = 0; i < weights.length; i++) {
            if (!Float.isFinite(weights[i])) {
                throw new InvalidInputException("weight " + i + " is " + weights[i]
                        + "; a model with non-finite weights cannot be saved");
            }
        }
    }

    /** An architecture's fields; {@code "outputs"} only when it is not a denoiser's two. */
    private static void writeArchitecture(ObjectNode arch, Architecture a) {
        arch.put("width", a.width());
        arch.put("depth", a.depth());
        arch.put("activation", a.activation().id());
        arch.put("residual", a.residual());
        arch.put("embedding", a.embedding().id());
        arch.put("frequencies", a.frequencies());
        arch.put("classes", a.classes());
        arch.put("embedding_seed", a.embeddingSeed());
        if (a.outputs() != Architecture.DENOISER_OUTPUTS) {
            arch.put("outputs", a.outputs());
        }
    }

    private static Architecture readArchitecture(JsonFields arch) {
        return new Architecture(arch.integer("width"), arch.integer("depth"),
                Identified.byId(Activation.class, arch.text("activation"), "activation"), arch.bool("residual"),
                Identified.byId(TimeEmbedding.class, arch.text("embedding"), "time embedding"),
                arch.integer("frequencies"), arch.integer("classes"), arch.whole("embedding_seed"),
                arch.has("outputs") ? arch.integer("outputs") : Architecture.DENOISER_OUTPUTS);
    }

    private static void writeWeights(ObjectNode w, float[] weights) {
        byte[] raw = toBytes(weights);
        w.put("dtype", DTYPE);
        w.put("count", weights.length);
        w.put("crc32", crc32(raw));
        w.put("base64", Base64.getEncoder().encodeToString(raw));
    }

    /** The model in a file's bytes; reasons are thrown as lower-case phrases without the file's name. */
    static TrainedModel fromJson(byte[] bytes) {
        return fromTree(JsonFields.parse(MAPPER, bytes));
    }

    /**
     * The model in a JSON object written by {@link #toTree}, checked as {@link #load} checks a file.
     *
     * @throws InvalidInputException with a lower-case phrase saying what is wrong
     */
    public static TrainedModel fromTree(JsonNode root) {
        JsonNode format = root.get("format");
        if (!root.isObject() || format == null) {
            throw new InvalidInputException("it is not a Scorefield model (it has no \"format\": \"" + FORMAT + "\")");
        }
        if (!FORMAT.equals(format.textValue())) {
            throw new InvalidInputException("it is not a Scorefield model (its \"format\" is " + JsonFields.quote(format)
                    + ", not \"" + FORMAT + "\")");
        }
        JsonFields f = JsonFields.root(root);
        JsonNode version = f.node("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw new InvalidInputException("\"version\" must be a whole number from 1, found " + JsonFields.quote(version));
        }
        if (version.intValue() > VERSION) {
            throw new InvalidInputException("it was made by a newer Scorefield (format version " + version.intValue()
                    + "); this one reads version " + VERSION);
        }

        Architecture architecture = readArchitecture(f.object("architecture"));
        InvalidInputException.require(architecture.outputs() == Architecture.DENOISER_OUTPUTS, "its \"architecture\" "
                + "has " + architecture.outputs() + " outputs, but a denoiser's network has "
                + Architecture.DENOISER_OUTPUTS);

        Objective objective = Identified.byId(Objective.class, f.text("objective"), "objective");
        LossWeighting weighting = Identified.byId(LossWeighting.class, f.text("weighting"), "loss weighting");
        EdmPreconditioning edm = new EdmPreconditioning(f.number("sigma_data", EdmPreconditioning.MIN_SIGMA_DATA,
                EdmPreconditioning.MAX_SIGMA_DATA));
        Parameterization parameterization = new Parameterization(objective, readProcess(f.object("process")),
                weighting, edm);

        JsonFields t = f.object("training");
        JsonNode clip = t.node("clip_norm");
        TrainingSettings settings = new TrainingSettings(t.integer("batch"), t.number("learning_rate"),
                t.integer("warmup_steps"), clip.isNull() ? Double.POSITIVE_INFINITY : t.number("clip_norm"),
                t.bool("ema"), t.number("ema_decay"), t.number("t_min"), t.whole("seed"),
                t.has("label_dropout") ? t.number("label_dropout") : TrainingSettings.DEFAULT_LABEL_DROPOUT);

        String data = f.text("data");
        InvalidInputException.require(!data.isBlank(), "\"data\" is empty");
        long steps = f.whole("steps", 0, MAX_STEPS);
        double loss = f.node("loss").isNull() ? Double.NaN : f.number("loss");

        float[] weights = weights(f.object("weights"), architecture);
        FlowSetup flow = root.has("flow") ? readFlow(f.object("flow")) : FlowSetup.standard();
        InvalidInputException.require(flow.isStandard() || objective == Objective.FLOW_MATCHING,
                "it has a \"flow\" block, but its objective is " + objective.id() + ", not fm");
        TrainedModel model = new TrainedModel(architecture, parameterization, weights, settings, data, steps, loss, flow);
        requireFiniteOutputs(model, weights);
        return root.has("classifier") ? model.withClassifier(readClassifier(f.object("classifier"), parameterization))
                : model;
    }

    /** The {@code "classifier"} block: a network without label input and K ≥ 2 outputs, its steps and weights. */
    private static NoisyClassifier readClassifier(JsonFields c, Parameterization parameterization) {
        Architecture architecture = readArchitecture(c.object("architecture"));
        InvalidInputException.require(architecture.classes() == 0 && architecture.outputs() >= 2,
                "\"classifier.architecture\" must take no label (\"classes\": 0) and give two classes or more "
                        + "(\"outputs\")");
        long steps = c.whole("steps", 0, MAX_STEPS);
        float[] weights;
        try {
            weights = weights(c.object("weights"), architecture);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("in \"classifier\", " + JsonFields.phrase(e.getMessage()), e);
        }
        NoisyClassifier classifier = new NoisyClassifier(architecture, parameterization, weights, steps);
        Schedule schedule = parameterization.schedule();
        for (double t : new double[] {schedule.tMin(), 0.5, schedule.tMax()}) {
            for (double v : classifier.logProbabilities(PROBE, t)) {
                InvalidInputException.require(Double.isFinite(v), "\"classifier.weights\" make the classifier's "
                        + "outputs overflow, so it cannot be used");
            }
        }
        return classifier;
    }

    /**
     * Refuses a model that is finite in every field but overflows where it is asked (one weight of
     * 3e38 does, so does β_max = 1e308): its outputs on a few points of the plane, at the first,
     * middle and last time, must be finite numbers. The message blames the process when its
     * coefficients break down at that time (α or σ vanishes where its defaults' do not, or one is
     * not finite), and the weights otherwise.
     */
    private static void requireFiniteOutputs(TrainedModel model, float[] weights) {
        Denoiser denoiser = model.denoiser();
        Schedule schedule = model.parameterization().schedule();
        for (double t : new double[] {schedule.tMin(), 0.5, schedule.tMax()}) {
            for (double v : denoiser.denoise(PROBE, t)) {
                if (!Double.isFinite(v)) {
                    if (breaksDown(schedule, t)) {
                        StringBuilder constants = new StringBuilder();
                        schedule.parameters().forEach((name, value) -> constants.append(", ").append(name)
                                .append(" = ").append(JsonFields.shown(value)));
                        throw new InvalidInputException("its \"process\" (" + schedule.kind().id() + constants
                                + ") breaks down at t = " + JsonFields.shown(t) + ": its constants are too large, so "
                                + "the network's outputs overflow");
                    }
                    float largest = 0;
                    for (float w : weights) {
                        largest = Math.max(largest, Math.abs(w));
                    }
                    throw new InvalidInputException("\"weights\" make the network's outputs overflow (its largest "
                            + "weight is " + JsonFields.shown(largest) + "), so it cannot be used");
                }
            }
        }
    }

    /** Whether the schedule's coefficients at t are unusable where its kind's defaults are not. */
    private static boolean breaksDown(Schedule schedule, double t) {
        Coefficients c = schedule.at(t);
        Coefficients usual = schedule.kind().createDefault().at(t);
        boolean finite = Double.isFinite(c.alpha()) && Double.isFinite(c.sigma()) && Double.isFinite(c.dAlpha())
                && Double.isFinite(c.dSigma());
        return !finite || (c.alpha() == 0 && usual.alpha() > 0) || (c.sigma() == 0 && usual.sigma() > 0);
    }

    private static void writeFlow(ObjectNode node, FlowSetup flow) {
        FlowSource source = flow.source();
        ObjectNode out = node.putObject("source");
        if (source.isGaussian()) {
            out.put("kind", FlowSource.GAUSSIAN_ID);
        } else if (source.distribution().get() instanceof DatasetPreset preset) {
            out.put("kind", "preset");
            out.put("id", preset.id());
        } else {
            DataDistribution d = source.distribution().get();
            out.put("kind", "points");
            out.put("name", d.id());
            PointSet set = d instanceof EmpiricalDistribution e ? e.points() : d.sample(Trainer.POOL, 0);
            ArrayNode xy = out.putArray("points");
            for (double v : set.xy()) {
                xy.add(v);
            }
        }
        node.put("coupling", flow.coupling().kind().id());
        node.put("sinkhorn_epsilon", flow.coupling().epsilon());
        node.put("round", flow.round());
    }

    private static FlowSetup readFlow(JsonFields flow) {
        JsonFields sourceFields = flow.object("source");
        String sourceKind = sourceFields.text("kind");
        FlowSource source;
        switch (sourceKind) {
            case FlowSource.GAUSSIAN_ID -> source = FlowSource.gaussian();
            case "preset" -> source = FlowSource.of(DatasetPreset.fromId(sourceFields.text("id")));
            case "points" -> {
                String name = sourceFields.text("name");
                double[] values = sourceFields.coordinates("points", PointCsv.MAX_POINTS);
                InvalidInputException.require(values.length >= 2, "\"flow.source.points\" holds no point");
                source = FlowSource.of(new EmpiricalDistribution(name, PointSet.of(values)));
            }
            default -> throw new InvalidInputException("\"flow.source.kind\" must be gaussian, preset or points, found "
                    + JsonFields.quote(sourceKind));
        }
        CouplingKind kind = Identified.byId(CouplingKind.class, flow.text("coupling"), "coupling");
        int round = (int) flow.whole("round", 0, MAX_ROUND);
        return new FlowSetup(source, new Coupling(kind, flow.number("sinkhorn_epsilon")), round);
    }

    /** {@code {"kind": "vp", "parameters": {"beta_min": 0.1, …}}}: a process as model and session files store it. */
    public static void writeProcess(ObjectNode node, Schedule schedule) {
        node.put("kind", schedule.kind().id());
        ObjectNode constants = node.putObject("parameters");
        schedule.parameters().forEach(constants::put);
    }

    /**
     * The schedule of a {@link #writeProcess} block: its kind and every one of its constants (a
     * missing one is not defaulted, an unknown one is refused).
     *
     * @throws InvalidInputException naming what is wrong
     */
    public static Schedule readProcess(JsonFields process) {
        ScheduleKind kind = ScheduleKind.fromId(process.text("kind"));
        JsonFields constants = process.object("parameters");
        Map<String, Double> values = new LinkedHashMap<>();
        for (ParameterSpec spec : kind.parameters()) {
            values.put(spec.name(), constants.number(spec.name()));
        }
        constants.node().fieldNames().forEachRemaining(name -> values.putIfAbsent(name, constants.number(name)));
        try {
            return kind.create(values);
        } catch (IllegalArgumentException e) { // an InvalidInputException too: its constants are named below
            throw new InvalidInputException("\"process\" (" + kind.id() + "): " + JsonFields.phrase(e.getMessage()), e);
        }
    }

    private static float[] weights(JsonFields w, Architecture architecture) {
        String dtype = w.text("dtype");
        InvalidInputException.require(DTYPE.equals(dtype),
                "the weights are stored as '" + JsonFields.quote(dtype) + "'; this version reads " + DTYPE);
        long count = w.whole("count");
        int expected = architecture.parameterCount();
        InvalidInputException.require(count == expected, String.format(Locale.ROOT,
                "it holds %d weights, but its architecture (width %d, depth %d, %d inputs) has %d",
                count, architecture.width(), architecture.depth(), architecture.inputSize(), expected));
        String base64 = w.text("base64", Integer.MAX_VALUE);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the weights are not valid base64, so the file is corrupt");
        }
        InvalidInputException.require(raw.length == 4L * expected, String.format(Locale.ROOT,
                "the weights hold %d bytes instead of 4 × %d, so the file is truncated or corrupt", raw.length,
                expected));
        long stored = w.whole("crc32");
        long actual = crc32(raw);
        InvalidInputException.require(stored == actual, String.format(Locale.ROOT,
                "the weights are corrupt (their CRC-32 is %d, the file says %d)", actual, stored));
        float[] weights = new float[expected];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(weights);
        for (int i = 0; i < weights.length; i++) {
            InvalidInputException.require(Float.isFinite(weights[i]),
                    "weight " + i + " is " + weights[i] + "; a model with non-finite weights cannot be used");
        }
        return weights;
    }

    private static byte[] toBytes(float[] weights) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * weights.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(weights);
        return buffer.array();
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
