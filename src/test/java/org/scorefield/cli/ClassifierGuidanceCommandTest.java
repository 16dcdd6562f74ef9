package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.nn.ModelFile;

/** train's noisy classifier, and sample's classifier guidance with it (issue 17). */
class ClassifierGuidanceCommandTest {

    @TempDir
    Path dir;

    private CliRun train(String name, String... extra) {
        String[] base = {"train", "--data", "gmm-labelled", "--steps", "40", "--width", "16", "--seed", "1",
            "--out", dir.resolve(name).toString()};
        return CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.Arrays.stream(extra)).toArray(String[]::new));
    }

    @Test
    void trainReportsTheClassifierAndSavesIt() {
        CliRun r = train("c.json", "--conditional", "--classifier-steps", "300");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertEquals(40, j.get("steps").asInt());
        assertEquals(300, j.get("classifier_steps").asInt());
        assertTrue(j.get("classifier_seconds").asDouble() > 0);
        // at the smallest time the three clusters barely overlap: the exact classifier is right almost always
        assertTrue(j.get("bayes_accuracy").asDouble() > 0.99, j.toString());
        assertTrue(j.get("classifier_accuracy").asDouble() >= j.get("bayes_accuracy").asDouble() - 0.03, j.toString());
        assertTrue(j.get("classifier_accuracy_half").asDouble() <= j.get("bayes_accuracy_half").asDouble() + 0.02,
                j.toString());
        var model = ModelFile.load(dir.resolve("c.json"));
        assertEquals(300, model.classifier().orElseThrow().steps());
        assertEquals(3, model.classifier().orElseThrow().classes());
    }

    @Test
    void theDefaultIsAQuarterOfTheStepsAtLeast500AtMostTheStepsAndNoneWithout() {
        CliRun few = train("few.json", "--conditional");
        assertEquals(0, few.exitCode(), few.err());
        assertEquals(40, few.json().get("classifier_steps").asInt(), "at most --steps");
        CliRun none = train("none.json", "--conditional", "--classifier-steps", "0");
        assertEquals(0, none.exitCode(), none.err());
        assertEquals(0, none.json().get("classifier_steps").asInt());
        assertFalse(none.json().has("classifier_accuracy"));
        assertTrue(ModelFile.load(dir.resolve("none.json")).classifier().isEmpty());
        CliRun plain = train("plain.json");
        assertEquals(0, plain.json().get("classifier_steps").asInt());
        // an unconditional network may still get a classifier of labelled data
        CliRun unconditional = train("u.json", "--classifier-steps", "20");
        assertEquals(0, unconditional.exitCode(), unconditional.err());
        assertTrue(ModelFile.load(dir.resolve("u.json")).classifier().isPresent());
    }

    @Test
    void aClassifierNeedsClassesAndGaussianNoise() {
        CliRun unlabelled = CliRun.of("train", "--data", "gaussian", "--steps", "5", "--seed", "1", "--classifier-steps",
                "10", "--out", dir.resolve("m.json").toString());
        assertEquals(2, unlabelled.exitCode());
        assertEquals("scorefield train: --classifier-steps needs data with two classes or more; gaussian has one.",
                unlabelled.err().strip());
        CliRun coupled = train("ot.json", "--head", "fm", "--coupling", "ot", "--classifier-steps", "10");
        assertEquals(2, coupled.exitCode());
        assertEquals("scorefield train: --classifier-steps trains a classifier on x_t = α·x0 + σ·ε, which does not "
                + "describe a flow with --source or --coupling: leave one out.", coupled.err().strip());
        CliRun negative = train("n.json", "--classifier-steps", "-1");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--classifier-steps must lie between 0 and"), negative.err());
    }

    private CliRun sample(Path model, String... extra) {
        String[] base = {"sample", "--model", model.toString(), "--solver", "heun", "--steps", "8", "--n", "200",
            "--seed", "1"};
        return CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.Arrays.stream(extra)).toArray(String[]::new));
    }

    @Test
    void sampleGuidesTheUnconditionalNetworkWithTheClassifier() throws java.io.IOException {
        assertEquals(0, train("c.json", "--conditional", "--classifier-steps", "30").exitCode());
        Path model = dir.resolve("c.json");
        CliRun guided = sample(model, "--class", "2", "--guidance", "classifier", "--omega", "2");
        assertEquals(0, guided.exitCode(), guided.err());
        JsonNode j = guided.json();
        assertEquals("classifier", j.get("guidance").asText());
        assertEquals(2, j.get("class").asInt());
        assertEquals(2.0, j.get("omega").asDouble());
        assertEquals(17, j.get("nfe").asInt(), "Heun 8 with a final denoise: one network evaluation a call");
        assertTrue(j.has("class_fraction") && j.has("sw2_class_ratio"), j.toString());
        // ω = 0 is the network's "none" output itself: the unguided samples bit for bit
        Path plain = dir.resolve("plain.csv");
        Path zero = dir.resolve("zero.csv");
        assertEquals(0, sample(model, "--out", plain.toString()).exitCode());
        assertEquals(0, sample(model, "--class", "1", "--guidance", "classifier", "--omega", "0", "--out",
                zero.toString()).exitCode());
        assertEquals(java.nio.file.Files.readString(plain), java.nio.file.Files.readString(zero));
        CliRun outside = sample(model, "--class", "3", "--guidance", "classifier");
        assertEquals(2, outside.exitCode());
        assertEquals("scorefield sample: --class must lie between 0 and 2 for this model's classifier, got 3.",
                outside.err().strip());
    }

    @Test
    void aModelWithoutAClassifierSaysHowToGetOne() {
        assertEquals(0, train("none.json", "--conditional", "--classifier-steps", "0").exitCode());
        CliRun r = sample(dir.resolve("none.json"), "--class", "0", "--guidance", "classifier", "--omega", "3");
        assertEquals(2, r.exitCode());
        assertEquals("scorefield sample: This model has no classifier of noisy points: train it with --conditional "
                + "(or --classifier-steps N) to get one, or use --guidance cfg.", r.err().strip());
    }
}
