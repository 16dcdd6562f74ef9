package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.ScheduleKind;

class ModelFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small VP ε-model, trained for a few steps so that its weights are no longer the initial ones. */
    private static TrainedModel vpModel;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        vpModel = train(DatasetPreset.MOONS, new Parameterization(Objective.EPSILON,
                        ScheduleKind.VP.create(Map.of("beta_max", 12.5)), LossWeighting.UNIFORM,
                        EdmPreconditioning.standard()),
                new Architecture(12, 2, Activation.SILU, false, TimeEmbedding.SINUSOIDAL, 4, 0, 0),
                TrainingSettings.defaults(7).withBatch(64));
    }

    private static TrainedModel train(DatasetPreset data, Parameterization p, Architecture a, TrainingSettings s) {
        Trainer trainer = new Trainer(data, p, a, s);
        for (int k = 0; k < 20; k++) {
            trainer.step();
        }
        assertTrue(trainer.failure().isEmpty(), trainer.failure().toString());
        return trainer.snapshot();
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("vp eps", (Supplier<TrainedModel>) () -> vpModel),
                Arguments.of("edm, Fourier, residual, labelled, no clipping, no EMA",
                        (Supplier<TrainedModel>) () -> train(DatasetPreset.GMM_LABELLED,
                                new Parameterization(Objective.EDM, ScheduleKind.EDM.createDefault(),
                                        LossWeighting.UNIFORM, new EdmPreconditioning(0.7)),
                                new Architecture(10, 3, Activation.GELU, true, TimeEmbedding.FOURIER, 5, 3, -42),
                                new TrainingSettings(32, 1e-3, 0, Double.POSITIVE_INFINITY, false, 0.99, 0.01, -3,
                                        0.35))),
                Arguments.of("ve score, likelihood weighting, relu",
                        (Supplier<TrainedModel>) () -> train(DatasetPreset.RINGS,
                                new Parameterization(Objective.SCORE, ScheduleKind.VE.create(Map.of("sigma_max", 3.3)),
                                        LossWeighting.LIKELIHOOD, EdmPreconditioning.standard()),
                                new Architecture(8, 1, Activation.RELU, false, TimeEmbedding.SINUSOIDAL, 2, 0, 0),
                                TrainingSettings.defaults(1).withBatch(16))),
                Arguments.of("flow matching, untrained (no loss yet)",
                        (Supplier<TrainedModel>) () -> new Trainer(DatasetPreset.CHECKERBOARD,
                                Parameterization.of(Objective.FLOW_MATCHING, ScheduleKind.LINEAR.createDefault()),
                                new Architecture(6, 2, Activation.SILU, false, TimeEmbedding.SINUSOIDAL, 3, 0, 0),
                                TrainingSettings.defaults(5)).snapshot()),
                Arguments.of("flow matching from 8gaussians, minibatch OT, Reflow round 2",
                        (Supplier<TrainedModel>) () -> train(DatasetPreset.MOONS, FM, TINY,
                                TrainingSettings.defaults(6).withBatch(32), new FlowSetup(
                                        FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS), Coupling.of(CouplingKind.OT), 2))),
                Arguments.of("flow matching from drawn points, Sinkhorn ε = 0.3",
                        (Supplier<TrainedModel>) () -> train(DatasetPreset.RINGS, FM, TINY,
                                TrainingSettings.defaults(8).withBatch(16), FlowSetup.of(
                                        FlowSource.of(new EmpiricalDistribution("drawn", PointSet.of(
                                                new double[] {0.25, -1, 1.5, 2, -0.125, 3.75}))),
                                        new Coupling(CouplingKind.SINKHORN, 0.3)))));
    }

    private static final Parameterization FM = Parameterization.of(Objective.FLOW_MATCHING,
            ScheduleKind.LINEAR.createDefault());
    private static final Architecture TINY = new Architecture(6, 2, Activation.SILU, false, TimeEmbedding.SINUSOIDAL,
            3, 0, 0);

    private static TrainedModel train(DatasetPreset data, Parameterization p, Architecture a, TrainingSettings s,
                                      FlowSetup flow) {
        Trainer trainer = new Trainer(data, p, a, s, flow);
        for (int k = 0; k < 5; k++) {
            trainer.step();
        }
        assertTrue(trainer.failure().isEmpty(), trainer.failure().toString());
        return trainer.snapshot();
    }

    @Test
    void aModelOfTheStandardSetupIsVersionOneAndAnotherVersionTwo() throws IOException {
        Path standard = dir.resolve("standard.json");
        ModelFile.save(vpModel, standard);
        assertTrue(Files.readString(standard).contains("\"version\" : 1"));
        assertTrue(!Files.readString(standard).contains("\"flow\""));
        TrainedModel ot = train(DatasetPreset.MOONS, FM, TINY, TrainingSettings.defaults(6).withBatch(32),
                FlowSetup.of(FlowSource.gaussian(), Coupling.of(CouplingKind.OT)));
        Path file = dir.resolve("ot.json");
        ModelFile.save(ot, file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"version\" : 2"), text.substring(0, 80));
        assertTrue(text.contains("\"coupling\" : \"ot\""));
        assertEquals(ot.flow(), ModelFile.load(file).flow());
    }

    @Test
    void aFlowBlockOnADiffusionModelOrABadSourceIsRefused() throws IOException {
        TrainedModel ot = train(DatasetPreset.MOONS, FM, TINY, TrainingSettings.defaults(6).withBatch(32),
                FlowSetup.of(FlowSource.of(DatasetPreset.MOONS), Coupling.of(CouplingKind.OT)));
        Path file = dir.resolve("model.json");
        ModelFile.save(ot, file);
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        root.put("objective", "eps");
        root.set("process", new ObjectMapper().readTree("{\"kind\":\"linear\",\"parameters\":{}}"));
        Files.writeString(file, root.toString());
        assertTrue(refusal(file).contains("it has a \"flow\" block, but its objective is eps"), refusal(file));
        ModelFile.save(ot, file);
        root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        ((ObjectNode) root.get("flow").get("source")).put("kind", "uniform");
        Files.writeString(file, root.toString());
        assertTrue(refusal(file).contains("\"flow.source.kind\" must be gaussian, preset or points"), refusal(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void roundTripKeepsEveryFieldAndTheWeightsBitForBit(String name, Supplier<TrainedModel> make)
            throws IOException {
        TrainedModel model = make.get();
        Path file = dir.resolve("model.json");
        ModelFile.save(model, file);
        TrainedModel loaded = ModelFile.load(file);

        assertEquals(model.architecture(), loaded.architecture());
        assertEquals(model.parameterization(), loaded.parameterization());
        assertEquals(model.settings(), loaded.settings());
        assertEquals(model.data(), loaded.data());
        assertEquals(model.steps(), loaded.steps());
        assertEquals(model.flow(), loaded.flow());
        assertEquals(Double.valueOf(model.loss()), Double.valueOf(loaded.loss()), "the same bits, or both NaN");
        assertArrayEquals(bits(model.weights()), bits(loaded.weights()));
        // saving what was loaded gives the same file
        Path again = dir.resolve("again.json");
        ModelFile.save(loaded, again);
        assertEquals(Files.readString(file), Files.readString(again));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theLoadedModelDenoisesExactlyLikeTheOriginal(String name, Supplier<TrainedModel> make) {
        TrainedModel model = make.get();
        Path file = dir.resolve("model.json");
        ModelFile.save(model, file);
        Denoiser original = model.denoiser();
        Denoiser loaded = ModelFile.load(file).denoiser();
        double[] xt = new SeededRandom(11).gaussianPoints(50);
        double lo = original.schedule().tMin();
        double hi = original.schedule().tMax();
        for (double u : new double[] {0, 0.3, 0.7, 1}) {
            double t = lo + u * (hi - lo);
            double[] expected = original.denoise(xt, t);
            assertArrayEquals(expected, loaded.denoise(xt, t), 0.0, "t = " + t);
            assertTrue(Double.isFinite(expected[0]));
        }
    }

    @Test
    void theFileIsTheDocumentedJson() throws IOException {
        Path file = dir.resolve("model.json");
        ModelFile.save(vpModel, file);
        JsonNode json = JSON.readTree(file.toFile());
        assertEquals("scorefield-model", json.get("format").asText());
        assertEquals(1, json.get("version").asInt());
        assertEquals("silu", json.get("architecture").get("activation").asText());
        assertEquals("eps", json.get("objective").asText());
        assertEquals("vp", json.get("process").get("kind").asText());
        assertEquals(12.5, json.get("process").get("parameters").get("beta_max").asDouble());
        assertEquals(TrainingSettings.DEFAULT_CLIP, json.get("training").get("clip_norm").asDouble());
        assertEquals("moons", json.get("data").asText());
        assertEquals(20, json.get("steps").asLong());
        JsonNode w = json.get("weights");
        assertEquals("float32", w.get("dtype").asText());
        assertEquals(vpModel.architecture().parameterCount(), w.get("count").asInt());
        byte[] raw = Base64.getDecoder().decode(w.get("base64").asText());
        CRC32 crc = new CRC32();
        crc.update(raw);
        assertEquals(crc.getValue(), w.get("crc32").asLong());
        float first = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getFloat(0);
        assertEquals(vpModel.weights()[0], first, 0f);
    }

    /** vpModel with a noisy classifier of gmm-labelled's three classes, trained for a few steps. */
    private static TrainedModel withClassifier() {
        ClassifierTrainer trainer = new ClassifierTrainer(DatasetPreset.GMM_LABELLED, vpModel.parameterization(),
                NoisyClassifier.architectureFor(vpModel.architecture(), 3), vpModel.settings());
        for (int k = 0; k < 5; k++) {
            trainer.step();
        }
        return vpModel.withClassifier(trainer.snapshot());
    }

    @Test
    void theClassifierRoundTripsAndClassifiesExactlyLikeTheOriginal() throws IOException {
        TrainedModel model = withClassifier();
        Path file = dir.resolve("model.json");
        ModelFile.save(model, file);
        JsonNode json = JSON.readTree(file.toFile());
        assertEquals(1, json.get("version").asInt(), "an older build may ignore the classifier");
        assertEquals(3, json.get("classifier").get("architecture").get("outputs").asInt());
        assertTrue(!json.get("architecture").has("outputs"), "a denoiser's two outputs are not written");
        TrainedModel loaded = ModelFile.load(file);
        NoisyClassifier original = model.classifier().orElseThrow();
        NoisyClassifier read = loaded.classifier().orElseThrow();
        assertEquals(original.architecture(), read.architecture());
        assertEquals(5, read.steps());
        assertArrayEquals(bits(original.weights()), bits(read.weights()));
        double[] xt = new SeededRandom(13).gaussianPoints(40);
        for (double t : new double[] {0.001, 0.3, 0.8}) {
            assertArrayEquals(original.logProbabilities(xt, t), read.logProbabilities(xt, t), 0.0);
            assertArrayEquals(original.gradLogProbability(xt, t, 2), read.gradLogProbability(xt, t, 2), 0.0);
        }
        Path again = dir.resolve("again.json");
        ModelFile.save(loaded, again);
        assertEquals(Files.readString(file), Files.readString(again));
        // a file without the block reads as a model without a classifier, as before
        assertTrue(ModelFile.load(saved()).classifier().isEmpty());
        assertTrue(!JSON.readTree(saved().toFile()).has("classifier"));
    }

    @Test
    void aBrokenClassifierIsRefusedByName() throws IOException {
        Path file = dir.resolve("model.json");
        ModelFile.save(withClassifier(), file);
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        int n = NoisyClassifier.architectureFor(vpModel.architecture(), 3).parameterCount();
        at(json, "classifier.weights.count").put("count", n - 1);
        Files.writeString(file, JSON.writeValueAsString(json));
        String message = refusal(file);
        assertTrue(message.contains("in \"classifier\", it holds " + (n - 1) + " weights"), message);
        at(json, "classifier.weights.count").put("count", n);
        at(json, "classifier.architecture.classes").put("classes", 3);
        Files.writeString(file, JSON.writeValueAsString(json));
        assertTrue(refusal(file).contains("\"classifier.architecture\" must take no label"));
        at(json, "classifier.architecture.classes").put("classes", 0);
        at(json, "architecture.outputs").put("outputs", 3);
        Files.writeString(file, JSON.writeValueAsString(json));
        assertTrue(refusal(file).contains("its \"architecture\" has 3 outputs, but a denoiser's network has 2"));
    }

    // --- files that must be refused -------------------------------------------------------------

    private Path saved() {
        Path file = dir.resolve("model.json");
        ModelFile.save(vpModel, file);
        return file;
    }

    /** Loads the file, expecting a refusal that names it and leaves it as it was; returns the message. */
    private String refusal(Path file) throws IOException {
        byte[] before = Files.readAllBytes(file);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().startsWith("Cannot load " + file.getFileName() + ": ")
                || e.getMessage().startsWith("Cannot read " + file.getFileName() + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "loading changed the file");
        return e.getMessage();
    }

    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        Path file = saved();
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(json);
        Files.writeString(file, JSON.writeValueAsString(json));
        return file;
    }

    private static ObjectNode at(ObjectNode root, String dotted) {
        ObjectNode node = root;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        return node;
    }

    private static String last(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** A file written before label dropout was a setting was trained with 0.1, and reads so. */
    @Test
    void labelDropoutRoundTripsAndAnOlderFileWithoutItReadsAsTheOldFixedValue() throws IOException {
        TrainedModel model = train(DatasetPreset.GMM_LABELLED, vpModel.parameterization(),
                TINY.withClasses(3), TrainingSettings.defaults(4).withBatch(16).withLabelDropout(0.5));
        Path file = dir.resolve("dropout.json");
        ModelFile.save(model, file);
        assertEquals(0.5, JSON.readTree(file.toFile()).get("training").get("label_dropout").asDouble());
        assertEquals(0.5, ModelFile.load(file).settings().labelDropout());
        assertEquals(model.settings(), ModelFile.load(file).settings());
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) root.get("training")).remove("label_dropout");
        Files.writeString(file, root.toString());
        assertEquals(0.1, ModelFile.load(file).settings().labelDropout());
        assertEquals(model.settings().withLabelDropout(0.1), ModelFile.load(file).settings());
        ((ObjectNode) root.get("training")).put("label_dropout", 1.0);
        Files.writeString(file, root.toString());
        assertTrue(refusal(file).endsWith("the label dropout must lie in [0, 1), got 1.0."), refusal(file));
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = saved();
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertTrue(refusal(file).contains("the JSON ends early at line"), refusal(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"format\": \"scorefield-model\",}", "{} {}", ""})
    void malformedJsonIsRefused(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), text);
        String message = refusal(file);
        assertTrue(message.contains("not valid JSON") || message.contains("the file is empty"), message);
    }

    @Test
    void aDuplicatedFieldIsRefused() throws IOException {
        Path file = saved();
        Files.writeString(file, Files.readString(file).replaceFirst("\"width\" : 12,", "\"width\" : 12, \"width\" : 13,"));
        assertTrue(refusal(file).contains("Duplicate field 'width'"), refusal(file));
    }

    @Test
    void anotherFormatIsRefused() throws IOException {
        assertTrue(refusal(edited(j -> j.put("format", "scorefield-session"))).contains(
                "it is not a Scorefield model (its \"format\" is \"scorefield-session\", not \"scorefield-model\")"));
        assertTrue(refusal(edited(j -> j.remove("format"))).contains("it is not a Scorefield model"));
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        assertTrue(refusal(array).contains("it is not a Scorefield model"));
    }

    @Test
    void aNewerVersionIsRefusedWithoutReadingFurther() throws IOException {
        Path file = edited(j -> {
            j.put("version", ModelFile.VERSION + 1);
            j.remove("architecture"); // a newer format may look different: the version is checked first
        });
        assertEquals("Cannot load model.json: it was made by a newer Scorefield (format version "
                + (ModelFile.VERSION + 1) + "); this one reads version " + ModelFile.VERSION + ".", refusal(file));
        assertTrue(refusal(edited(j -> j.put("version", "1"))).contains("\"version\" must be a whole number"));
        assertTrue(refusal(edited(j -> j.put("version", 0))).contains("\"version\" must be a whole number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "architecture", "architecture.width", "architecture.embedding_seed",
        "objective", "weighting", "sigma_data", "process", "process.kind", "process.parameters",
        "process.parameters.beta_max", "training.batch", "training.clip_norm", "training.seed", "data", "steps",
        "loss", "weights", "weights.dtype", "weights.count", "weights.crc32", "weights.base64"})
    void aMissingFieldIsRefusedByName(String field) throws IOException {
        String message = refusal(edited(j -> at(j, field).remove(last(field))));
        assertTrue(message.endsWith("\"" + field + "\" is missing."), message);
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedByName() throws IOException {
        assertTrue(refusal(edited(j -> at(j, "architecture.width").put("width", "12")))
                .endsWith("\"architecture.width\" must be a whole number, found \"12\"."));
        assertTrue(refusal(edited(j -> at(j, "training.ema").put("ema", 1)))
                .endsWith("\"training.ema\" must be true or false, found 1."));
        assertTrue(refusal(edited(j -> j.put("sigma_data", "0.5"))).contains("\"sigma_data\" must be a number"));
    }

    static Stream<Arguments> unknownIds() {
        return Stream.of(
                Arguments.of("architecture.activation", "unknown activation 'tanh'"),
                Arguments.of("architecture.embedding", "unknown time embedding 'tanh'"),
                Arguments.of("objective", "unknown objective 'tanh'"),
                Arguments.of("weighting", "unknown loss weighting 'tanh'"),
                Arguments.of("process.kind", "unknown process 'tanh'"));
    }

    @ParameterizedTest
    @MethodSource("unknownIds")
    void anUnknownIdIsRefusedWithTheKnownOnes(String field, String expected) throws IOException {
        String message = refusal(edited(j -> at(j, field).put(last(field), "tanh")));
        assertTrue(message.contains(expected) && message.contains("choose one of"), message);
    }

    @Test
    void invalidValuesAreRefusedWithTheCoreMessage() throws IOException {
        assertTrue(refusal(edited(j -> at(j, "architecture.depth").put("depth", 0)))
                .contains("the depth must lie between 1 and"));
        assertTrue(refusal(edited(j -> at(j, "process.parameters.x").put("gamma", 2.0)))
                .contains("\"process\" (vp): the vp schedule has no constant 'gamma'"));
        assertTrue(refusal(edited(j -> j.put("steps", -1))).contains("\"steps\" must lie between 0 and 1000000000000, "
                + "found -1"));
        // 2^63 - 1 steps would wrap at the next step of training
        assertTrue(refusal(edited(j -> j.put("steps", Long.MAX_VALUE))).contains("\"steps\" must lie between 0 and"));
    }

    @Test
    void aWeightCountThatDoesNotFitTheArchitectureIsRefused() throws IOException {
        int n = vpModel.architecture().parameterCount();
        assertTrue(refusal(edited(j -> at(j, "weights.count").put("count", n + 1)))
                .contains("it holds " + (n + 1) + " weights, but its architecture (width 12, depth 2, 10 inputs) has "
                        + n));
        // the weights themselves are intact, the architecture is not the one they belong to
        String message = refusal(edited(j -> at(j, "architecture.width").put("width", 13)));
        assertTrue(message.contains("it holds " + n + " weights, but its architecture (width 13"), message);
    }

    @Test
    void corruptWeightsAreCaughtByTheChecksum() throws IOException {
        String message = refusal(edited(j -> {
            ObjectNode w = (ObjectNode) j.get("weights");
            char[] b64 = w.get("base64").asText().toCharArray();
            int i = b64.length / 2;
            b64[i] = b64[i] == 'A' ? 'B' : 'A';
            w.put("base64", new String(b64));
        }));
        assertTrue(message.contains("the weights are corrupt (their CRC-32 is"), message);
    }

    @Test
    void truncatedOrNonBase64WeightsAreRefused() throws IOException {
        assertTrue(refusal(edited(j -> {
            ObjectNode w = (ObjectNode) j.get("weights");
            String b64 = w.get("base64").asText();
            w.put("base64", b64.substring(0, b64.length() - 8));
        })).contains("so the file is truncated or corrupt"));
        assertTrue(refusal(edited(j -> ((ObjectNode) j.get("weights")).put("base64", "@@@@")))
                .contains("not valid base64"));
        assertTrue(refusal(edited(j -> ((ObjectNode) j.get("weights")).put("dtype", "float16")))
                .contains("stored as 'float16'; this version reads float32"));
    }

    @Test
    void nonFiniteWeightsAreRefusedEvenWithAMatchingChecksum() throws IOException {
        String message = refusal(withWeight(5, Float.NaN));
        assertTrue(message.endsWith("weight 5 is NaN; a model with non-finite weights cannot be used."), message);
    }

    @Test
    void fileShapesThatWouldExhaustMemoryAreRefusedWhileParsing() throws IOException {
        // three million small numbers: 6 MB of text, far more as a tree of nodes
        assertTrue(refusal(edited(j -> {
            var list = j.putArray("padding");
            for (int i = 0; i < 3_000_000; i++) {
                list.add(0.5);
            }
        })).endsWith("it holds more than 410,000 values, more than such a file ever has."));
        assertTrue(refusal(edited(j -> j.put("k".repeat(5000), 1)))
                .endsWith("a key is longer than 100 characters, which no key of such a file is."));
        // a list where a number belongs is described, not written out
        assertTrue(refusal(edited(j -> j.putArray("steps").add(1).add(2).add(3)))
                .endsWith("\"steps\" must be a whole number, found a list of 3 values."));
    }

    private static float[] filled(int n, float value) {
        float[] w = new float[n];
        java.util.Arrays.fill(w, value);
        return w;
    }

    /** The saved model with one weight replaced, its checksum made to match. */
    private Path withWeight(int index, float value) throws IOException {
        return edited(j -> {
            ObjectNode w = (ObjectNode) j.get("weights");
            float[] weights = vpModel.weights();
            weights[index] = value;
            ByteBuffer buffer = ByteBuffer.allocate(4 * weights.length).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(weights);
            CRC32 crc = new CRC32();
            crc.update(buffer.array());
            w.put("base64", Base64.getEncoder().encodeToString(buffer.array()));
            w.put("crc32", crc.getValue());
        });
    }

    @Test
    void finiteButAbsurdValuesAreRefusedBeforeTheyBecomeNaN() throws IOException {
        assertTrue(refusal(edited(j -> j.put("sigma_data", 1e308)))
                .endsWith("\"sigma_data\" must lie between 0.001 and 1000, found 1e+308."));
        // one weight of 3e38 (float32 holds it) overflows the first layer: the network answers NaN
        String message = refusal(withWeight(0, 3e38f));
        assertTrue(message.endsWith("\"weights\" make the network's outputs overflow (its largest weight is 3e+38), "
                + "so it cannot be used."), message);
        // a β_max of 1e308 with sane weights: the process is to blame
        message = refusal(edited(j -> at(j, "process.parameters.x").put("beta_max", 1e308)));
        assertTrue(message.endsWith("its \"process\" (vp, beta_min = 0.1, beta_max = 1e+308) breaks down at t = 0.001: "
                + "its constants are too large, so the network's outputs overflow."), message);
        // every weight at 1000, none absurd alone, overflows a deep enough network: the weights are to blame
        TrainedModel deep = new TrainedModel(new Architecture(64, 8, Activation.SILU, false, TimeEmbedding.SINUSOIDAL,
                16, 0, 1), vpModel.parameterization(), filled(new Architecture(64, 8, Activation.SILU, false,
                TimeEmbedding.SINUSOIDAL, 16, 0, 1).parameterCount(), 1000f), vpModel.settings(), "moons", 1, 0.5);
        Path file = dir.resolve("deep.json");
        ModelFile.save(deep, file);
        message = refusal(file);
        assertTrue(message.endsWith("\"weights\" make the network's outputs overflow (its largest weight is 1000), so it "
                + "cannot be used."), message);
        assertTrue(refusal(edited(j -> j.put("data", "x".repeat(2000))))
                .endsWith("\"data\" is 2000 characters long, more than the 1024 it may have."));
    }

    @Test
    void aMissingFileOrAFolderIsRefused() throws IOException {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> ModelFile.load(dir.resolve("nope.json")));
        assertEquals("Cannot read nope.json: no such file.", missing.getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        assertEquals("Cannot read folder.json: it is a folder.",
                assertThrows(InvalidInputException.class, () -> ModelFile.load(folder)).getMessage());
    }

    // --- saving -----------------------------------------------------------------------------------

    @Test
    void aFailedSaveLeavesTheExistingFileIntact() throws IOException {
        Path file = saved();
        byte[] before = Files.readAllBytes(file);
        float[] weights = vpModel.weights();
        weights[3] = Float.POSITIVE_INFINITY;
        TrainedModel broken = new TrainedModel(vpModel.architecture(), vpModel.parameterization(), weights,
                vpModel.settings(), vpModel.data(), vpModel.steps(), vpModel.loss());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFile.save(broken, file));
        assertEquals("Cannot write model.json: weight 3 is Infinity; a model with non-finite weights cannot be saved.",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), list(dir), "no temporary file is left behind");
    }

    @Test
    void aSaveThatCannotWriteSaysWhyAndKeepsWhatWasThere() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("model.json"));
        Files.writeString(folder.resolve("inside.txt"), "kept");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFile.save(vpModel, folder));
        assertEquals("Cannot write model.json: it is a folder.", e.getMessage());
        assertEquals("kept", Files.readString(folder.resolve("inside.txt")));

        Path blocker = Files.writeString(dir.resolve("plain"), "x");
        e = assertThrows(InvalidInputException.class, () -> ModelFile.save(vpModel, blocker.resolve("m.json")));
        assertEquals("Cannot write m.json: a part of the path is not a folder.", e.getMessage());
        assertEquals("x", Files.readString(blocker));
    }

    private static int[] bits(float[] w) {
        int[] b = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            b[i] = Float.floatToRawIntBits(w[i]);
        }
        return b;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
