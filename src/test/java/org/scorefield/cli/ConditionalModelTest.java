package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --conditional, and classifier-free and classifier guidance of the model it writes (issue 17's model figures). */
class ConditionalModelTest {

    @TempDir
    Path dir;

    private JsonNode sample(Path model, String... extra) {
        String[] base = {"sample", "--model", model.toString(), "--solver", "heun", "--steps", "32", "--n", "2000",
            "--seed", "1"};
        CliRun r = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.Arrays.stream(extra)).toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return r.json();
    }

    @Test
    void theDefaultRecipeTrainedConditionallyGivesEveryClassAtOmegaOne() {
        Path model = dir.resolve("cond.json");
        CliRun trained = CliRun.of("train", "--data", "gmm-labelled", "--steps", "2000", "--seed", "1", "--conditional",
                "--out", model.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        for (int c = 0; c < 3; c++) {
            JsonNode j = sample(model, "--class", String.valueOf(c));
            assertTrue(j.get("sw2_class_ratio").asDouble() <= 1.5, j.toString());
            assertTrue(j.get("class_fraction").asDouble() >= 0.97, j.toString());
            assertEquals(65, j.get("nfe").asInt(), "ω = 1 is the conditional network alone: one evaluation a call");
        }
        JsonNode three = sample(model, "--class", "0", "--omega", "3");
        assertEquals(130, three.get("nfe").asInt(), "ω = 3 evaluates the network with the label and with none");
        // the noisy classifier trained with it guides the network's "none" output (docs/math.md §9.2)
        for (int c = 0; c < 3; c++) {
            JsonNode j = sample(model, "--class", String.valueOf(c), "--guidance", "classifier");
            assertEquals("classifier", j.get("guidance").asText());
            assertTrue(j.get("class_fraction").asDouble() >= 0.97, j.toString());
            assertTrue(j.get("sw2_class_ratio").asDouble() <= 5, j.toString());
        }
        JsonNode sharp = sample(model, "--class", "0", "--guidance", "classifier", "--omega", "3");
        assertEquals(65, sharp.get("nfe").asInt(), "one network evaluation a call, and the classifier's gradient");
    }

    /**
     * A model of data without a closed form (the moons) is judged against a large labelled draw of its
     * data: a sample is in class c when its nearest drawn point is, counted here again from the samples.
     */
    @Test
    void aModelOfTheMoonsIsJudgedByTheLabelsOfItsData() throws Exception {
        Path model = dir.resolve("moons.json");
        assertEquals(0, CliRun.of("train", "--data", "moons", "--steps", "300", "--seed", "1", "--conditional",
                "--width", "32", "--classifier-steps", "0", "--out", model.toString()).exitCode());
        Path out = dir.resolve("samples.csv");
        JsonNode j = sample(model, "--class", "1", "--out", out.toString());
        var samples = org.scorefield.core.data.PointCsv.read(out);
        var drawn = org.scorefield.core.data.DatasetPreset.MOONS.sample(SampleCommand.MODEL_CLASS_POINTS,
                org.scorefield.core.random.SeededRandom.derive(1, "classes"));
        int ones = 0;
        for (int i = 0; i < samples.size(); i++) {
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < drawn.size(); k++) {
                double d = Math.hypot(samples.x(i) - drawn.x(k), samples.y(i) - drawn.y(k));
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            ones += drawn.label(best) == 1 ? 1 : 0;
        }
        assertEquals(ones / (double) samples.size(), j.get("class_fraction").asDouble(), 1e-12);
        assertTrue(j.get("class_fraction").asDouble() > 0.5, "guided to class 1: " + j);
        assertTrue(Double.isFinite(j.get("sw2_class_ratio").asDouble()), j.toString());
    }

    @Test
    void classesNeedAConditionalModelAndLabelledData() {
        Path plain = dir.resolve("plain.json");
        assertEquals(0, CliRun.of("train", "--data", "gmm-labelled", "--steps", "5", "--seed", "1", "--width", "16",
                "--out", plain.toString()).exitCode());
        CliRun r = CliRun.of("sample", "--model", plain.toString(), "--n", "50", "--class", "1");
        assertEquals(2, r.exitCode());
        assertEquals("scorefield sample: This model was trained without classes (train --conditional makes one "
                + "with them).", r.err().strip());
        CliRun one = CliRun.of("train", "--data", "gaussian", "--steps", "5", "--seed", "1", "--conditional",
                "--out", dir.resolve("one.json").toString());
        assertEquals(2, one.exitCode());
        assertTrue(one.err().contains("--conditional needs data with two classes or more"), one.err());
    }

    @Test
    void labelDropoutIsSavedAndReportedAndRefusedOutsideConditionalTraining() {
        Path model = dir.resolve("drop.json");
        CliRun r = CliRun.of("train", "--data", "moons", "--head", "fm", "--steps", "5", "--width", "16", "--batch",
                "64", "--seed", "1", "--conditional", "--label-dropout", "0.25", "--out", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.json().get("classes").asInt());
        assertEquals(0.25, r.json().get("label_dropout").asDouble());
        assertEquals(0.25, org.scorefield.core.nn.ModelFile.load(model).settings().labelDropout());
        CliRun plain = CliRun.of("train", "--data", "moons", "--steps", "2", "--width", "8", "--batch", "16", "--seed",
                "1", "--out", dir.resolve("plain.json").toString());
        assertEquals(0, plain.json().get("classes").asInt());
        assertTrue(!plain.json().has("label_dropout"), plain.json().toString());

        String[][] cases = {{"--label-dropout", "0.2"}, {"--conditional", "--label-dropout", "1"},
            {"--conditional", "--label-dropout", "-0.1"}, {"--conditional", "--label-dropout", "NaN"}};
        String[] expected = {"--label-dropout applies to conditional training: give it with --conditional.",
            "--label-dropout must lie in [0, 1), got 1.0.", "--label-dropout must lie in [0, 1), got -0.1.",
            "--label-dropout must lie in [0, 1), got NaN."};
        for (int k = 0; k < cases.length; k++) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("train", "--data", "moons",
                    "--steps", "2", "--seed", "1", "--out", dir.resolve("bad.json").toString()),
                    java.util.Arrays.stream(cases[k])).toArray(String[]::new);
            CliRun bad = CliRun.of(args);
            assertEquals(2, bad.exitCode(), bad.err());
            assertEquals("scorefield train: " + expected[k], bad.err().strip());
        }
    }
}
