package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;

/** {@code sample --memorisation}, and {@code train --data-n} that gives it tiny data to memorise. */
class MemorisationCommandTest {

    @TempDir
    Path dir;

    /** The figures by brute force: every sample against every training point, every point against every other. */
    private static double[] bruteForce(double[] samples, double[] training) {
        int n = training.length / 2;
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    best = Math.min(best, Math.hypot(training[2 * i] - training[2 * k],
                            training[2 * i + 1] - training[2 * k + 1]));
                }
            }
            gaps[i] = best;
        }
        double threshold = median(gaps) / 3;
        double[] d = new double[samples.length / 2];
        int copies = 0;
        for (int j = 0; j < d.length; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                best = Math.min(best, Math.hypot(samples[2 * j] - training[2 * i], samples[2 * j + 1] - training[2 * i + 1]));
            }
            d[j] = best;
            copies += best < threshold ? 1 : 0;
        }
        return new double[] {median(d), (double) copies / d.length, threshold};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static void assertFigures(double[] expected, JsonNode json) {
        assertEquals(expected[0], json.get("nn_distance_median").asDouble(), 1e-12, json.toString());
        assertEquals(expected[1], json.get("copy_fraction").asDouble(), 1e-12, json.toString());
        assertEquals(expected[2], json.get("copy_threshold").asDouble(), 1e-12, json.toString());
    }

    private double[] samples(Path csv) {
        return PointCsv.read(csv).xy();
    }

    @Test
    void theMemorisingOracleCopiesItsPointsAndTheFiguresAreTheBruteForceOnes() {
        Path out = dir.resolve("oracle.csv");
        CliRun r = CliRun.of("sample", "--oracle", "moons", "--data-n", "64", "--data-seed", "3", "--n", "500",
                "--seed", "1", "--memorisation", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals("the oracle's 64 memorised points", json.get("training_set").asText());
        double[] expected = bruteForce(samples(out), DatasetPreset.MOONS.sample(64, 3).xy());
        assertFigures(expected, json);
        assertTrue(json.get("copy_fraction").asDouble() > 0.99, json.toString());
        // every field sample printed before is still there
        for (String field : new String[] {"oracle", "reference", "nfe", "seconds", "sw2", "sw2_floor", "sw2_ratio",
            "energy", "energy_floor", "energy_ratio", "out"}) {
            assertTrue(json.has(field), field);
        }
    }

    @Test
    void withoutTheOptionNothingIsAdded() {
        CliRun r = CliRun.of("sample", "--oracle", "moons", "--data-n", "64", "--n", "50", "--seed", "1");
        assertEquals(0, r.exitCode(), r.err());
        for (String field : new String[] {"nn_distance_median", "copy_fraction", "copy_threshold", "training_set"}) {
            assertFalse(r.json().has(field), field);
        }
    }

    @Test
    void aMixtureOracleMemorisesNothingAndSaysSo() {
        CliRun r = CliRun.of("sample", "--oracle", "8gaussians", "--n", "50", "--seed", "1", "--memorisation");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.json().get("training_set").asText().startsWith("unknown: the mixture oracle of 8gaussians"));
        assertTrue(r.json().get("copy_fraction").isNull());
        assertTrue(r.json().get("nn_distance_median").isNull());
    }

    @Test
    void aModelOfAFixedDrawIsMeasuredAgainstExactlyThosePoints() {
        Path model = dir.resolve("tiny.json");
        CliRun t = CliRun.of(TrainCommandTest.tiny("moons", "edm", model, "--data-n", "16", "--data-seed", "2"));
        assertEquals(0, t.exitCode(), t.err());
        assertEquals("moons (16 points, seed 2)", t.json().get("data").asText());
        Path out = dir.resolve("model.csv");
        CliRun r = CliRun.of("sample", "--model", model.toString(), "--n", "300", "--seed", "4", "--memorisation",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("the 16 points of moons (16 points, seed 2)", r.json().get("training_set").asText());
        assertFigures(bruteForce(samples(out), DatasetPreset.MOONS.sample(16, 2).xy()), r.json());
        // the reference of the metrics is that draw too, not the preset
        assertEquals("moons (16 points, seed 2) (resampled)", r.json().get("reference").asText());
        // so the preset's figures come beside it: SW2 to fresh moons over the floor of 300 moons points
        JsonNode json = r.json();
        assertEquals("moons", json.get("preset").asText());
        var vsMoons = org.scorefield.core.metric.SampleQuality.of(samples(out), DatasetPreset.MOONS, 4).sw2();
        assertEquals(vsMoons.value(), json.get("sw2_preset").asDouble(), 1e-9, json.toString());
        assertEquals(vsMoons.floor(), json.get("sw2_preset_floor").asDouble(), 1e-12, json.toString());
        assertEquals(json.get("sw2_preset").asDouble() / json.get("sw2_preset_floor").asDouble(),
                json.get("sw2_preset_ratio").asDouble(), 1e-9);
        assertEquals(json.get("sw2").asDouble() / json.get("sw2_floor").asDouble(), json.get("sw2_ratio").asDouble(),
                1e-9, "sw2 keeps its meaning: against the 16 points");
    }

    @Test
    void aModelOfThePresetIsMeasuredAgainstItsPoolFromItsTrainingSeed() {
        Path model = dir.resolve("pool.json");
        CliRun t = CliRun.of(TrainCommandTest.tiny("moons", "edm", model));
        assertEquals(0, t.exitCode(), t.err());
        Path out = dir.resolve("pool.csv");
        CliRun r = CliRun.of("sample", "--model", model.toString(), "--n", "200", "--seed", "4", "--memorisation",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("16,384 points drawn from moons with training seed 1", r.json().get("training_set").asText());
        for (String field : new String[] {"preset", "sw2_preset", "sw2_preset_floor", "sw2_preset_ratio"}) {
            assertFalse(r.json().has(field), "a model of the preset itself is measured against it once: " + field);
        }
        // the trainer's pool: 16,384 points of the preset from the stream "train-data" of the training seed
        PointSet pool = DatasetPreset.MOONS.sample(16_384, SeededRandom.derive(1, "train-data"));
        assertFigures(bruteForce(samples(out), pool.xy()), r.json());
    }

    @Test
    void aModelWhoseDataFileIsGoneSaysSoInsteadOfGuessing() throws IOException {
        Path csv = dir.resolve("points.csv");
        PointCsv.write(DatasetPreset.SPIRALS.sample(100, 1), csv);
        Path model = dir.resolve("points.json");
        assertEquals(0, CliRun.of(TrainCommandTest.tiny(csv.toString(), "edm", model)).exitCode());
        Files.delete(csv);
        CliRun r = CliRun.of("sample", "--model", model.toString(), "--n", "50", "--seed", "1", "--memorisation");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.json().get("training_set").asText().startsWith("unknown: the training data 'points.csv' cannot "
                + "be read"), r.out());
        assertTrue(r.json().get("copy_fraction").isNull());
    }

    @Test
    void aFixedDrawNeedsAPresetAndASensibleCount() {
        Path csv = dir.resolve("p.csv");
        PointCsv.write(DatasetPreset.MOONS.sample(50, 1), csv);
        CliRun fromFile = CliRun.of(TrainCommandTest.tiny(csv.toString(), "edm", dir.resolve("a.json"), "--data-n", "16"));
        assertEquals(2, fromFile.exitCode());
        assertEquals("scorefield train: --data-n and --data-seed draw a fixed training set from a preset; a CSV file is its own "
                + "training set.", fromFile.err().strip());
        CliRun one = CliRun.of(TrainCommandTest.tiny("moons", "edm", dir.resolve("b.json"), "--data-n", "1"));
        assertEquals(2, one.exitCode());
        assertEquals("scorefield train: --data-n must lie between 2 and 200000, got 1.", one.err().strip());
        CliRun seedAlone = CliRun.of(TrainCommandTest.tiny("moons", "edm", dir.resolve("c.json"), "--data-seed", "3"));
        assertEquals(2, seedAlone.exitCode());
        assertFalse(seedAlone.err().contains("Exception"), seedAlone.err());
    }
}
