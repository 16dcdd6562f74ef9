package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.ModelFile;
import org.scorefield.core.nn.TrainedModel;

/** {@code train}, and {@code sample} and {@code solvers} on what it wrote. */
class TrainCommandTest {

    @TempDir
    static Path shared;

    /** A tiny ε-model of the moons, trained once for the tests that only read it. */
    static Path moons;
    static JsonNode trained;

    @TempDir
    Path dir;

    static String[] tiny(String data, String head, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data, "--head", head, "--steps", "50",
                "--width", "16", "--depth", "2", "--batch", "64", "--seed", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void trainOnce() {
        moons = shared.resolve("moons.json");
        CliRun r = CliRun.of(tiny("moons", "eps", moons));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().isEmpty(), r.err());
        trained = r.json();
    }

    @Test
    void withoutAHeadTrainsTheDefaultObjective() {
        CliRun r = CliRun.of("train", "--data", "8gaussians", "--steps", "5", "--width", "8", "--depth", "1",
                "--batch", "16", "--seed", "2", "--out", dir.resolve("default.json").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(org.scorefield.core.nn.Objective.DEFAULT.id(), r.json().get("head").asText());
        assertEquals(org.scorefield.core.nn.Objective.DEFAULT,
                ModelFile.load(dir.resolve("default.json")).parameterization().objective());
    }

    @Test
    void trainWritesTheModelAndReportsTheRun() {
        assertEquals(50, trained.get("steps").asLong());
        assertTrue(trained.get("seconds").asDouble() > 0);
        assertTrue(trained.get("steps_per_s").asDouble() > 0);
        assertTrue(Double.isFinite(trained.get("final_loss").asDouble()) && trained.get("final_loss").asDouble() > 0);
        assertEquals(moons.toString(), trained.get("out").asText());
        assertEquals("eps", trained.get("head").asText());
        assertEquals("vp", trained.get("process").get("name").asText());

        TrainedModel model = ModelFile.load(moons);
        Architecture a = model.architecture();
        assertEquals(16, a.width());
        assertEquals(2, a.depth());
        assertEquals(a.parameterCount(), trained.get("parameters").asInt());
        assertEquals(50, model.steps());
        assertEquals("moons", model.data());
        assertEquals(64, model.settings().batch());
        assertEquals(trained.get("final_loss").asDouble(), model.loss(), 0.0);
    }

    @Test
    void theSameSeedTrainsTheSameModelBitForBit() throws IOException {
        Path again = dir.resolve("again.json");
        assertEquals(0, CliRun.of(tiny("moons", "eps", again)).exitCode());
        assertEquals(Files.readString(moons), Files.readString(again));
    }

    @Test
    void sampleWithTheModelComparesWithItsTrainingData() {
        CliRun r = CliRun.of("sample", "--model", moons.toString(), "--solver", "heun", "--steps", "8", "--n", "300",
                "--seed", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().isEmpty(), r.err());
        JsonNode json = r.json();
        assertEquals(moons.toString(), json.get("model").asText());
        assertFalse(json.has("oracle"));
        assertEquals("moons", json.get("reference").asText());
        assertEquals("vp", json.get("process").get("name").asText());
        assertEquals(2 * 8 + 1, json.get("nfe").asInt());
        for (String key : List.of("sw2", "sw2_floor", "sw2_ratio", "energy", "energy_floor", "energy_ratio")) {
            assertTrue(json.get(key).isNumber(), key + " in " + json);
        }
        // 50 steps of a 16-wide network are far from the data: only check that the measure is there
        assertTrue(json.get("sw2").asDouble() > json.get("sw2_floor").asDouble(), json.toString());
    }

    @Test
    void solversRunOnTheModel() {
        CliRun r = CliRun.of("solvers", "--model", moons.toString(), "--solvers", "euler,heun", "--steps", "4,16",
                "--n", "50", "--seed", "1", "--ref-steps", "64");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals(moons.toString(), json.get("model").asText());
        assertEquals(4, json.get("rows").size());
        JsonNode rows = json.get("rows");
        assertTrue(rows.get(1).get("error").asDouble() < rows.get(0).get("error").asDouble(), json.toString());
    }

    @Test
    void flowMatchingTrainsOnTheLinearPathAndMixturesReportTheirModes() {
        Path out = dir.resolve("fm.json");
        CliRun r = CliRun.of(tiny("8gaussians", "fm", out, "--embedding", "fourier", "--residual", "--clip", "off"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("linear", r.json().get("process").get("name").asText());
        TrainedModel model = ModelFile.load(out);
        assertTrue(Double.isInfinite(model.settings().clipNorm()));
        assertTrue(model.architecture().residual());

        JsonNode sample = CliRun.of("sample", "--model", out.toString(), "--steps", "8", "--n", "200").json();
        assertEquals("8gaussians", sample.get("reference").asText());
        assertEquals(8, sample.get("modes").asInt());
        assertTrue(sample.has("modes_hit") && sample.has("in_mode_fraction"));
    }

    @Test
    void aModelOfAFileComparesWithTheFileWhileItExists() throws IOException {
        Path csv = dir.resolve("points.csv");
        assertEquals(0, CliRun.of("data", "--data", "rings", "--n", "400", "--out", csv.toString()).exitCode());
        Path out = dir.resolve("points-model.json");
        CliRun r = CliRun.of(tiny(csv.toString(), "x0", out, "--process", "ve"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("points.csv", ModelFile.load(out).data(), "named from the model's folder");

        String[] sample = {"sample", "--model", out.toString(), "--steps", "4", "--n", "100"};
        JsonNode found = CliRun.of(sample).json();
        assertEquals("points.csv (400 points, resampled)", found.get("reference").asText());
        assertTrue(found.get("sw2").isNumber());

        Files.delete(csv);
        CliRun gone = CliRun.of(sample);
        assertEquals(0, gone.exitCode(), gone.err());
        JsonNode json = gone.json();
        assertTrue(json.get("sw2").isNull() && json.get("energy_floor").isNull(), json.toString());
        assertTrue(json.get("reference").asText().startsWith("none: the training data 'points.csv' cannot be used "
                + "(cannot read points.csv: no such file)"), json.get("reference").asText());
    }

    @Test
    void aModelFindsItsDataFromItsOwnFolderWhateverTheWorkingFolder() throws IOException {
        Path csv = dir.resolve("points.csv");
        assertEquals(0, CliRun.of("data", "--data", "rings", "--n", "300", "--out", csv.toString()).exitCode());
        Path out = dir.resolve("models").resolve("m.json");
        CliRun r = CliRun.of(tiny(csv.toString(), "fm", out));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("../points.csv", ModelFile.load(out).data(), "named from the model's folder");

        String[] sample = {"sample", "--model", out.toString(), "--steps", "4", "--n", "100"};
        assertEquals("../points.csv (300 points, resampled)", CliRun.of(sample).json().get("reference").asText());

        // Reflow's round files, written elsewhere, name the same data from their own folder
        Path rounds = dir.resolve("rounds").resolve("r");
        CliRun reflow = CliRun.of("reflow", "--model", out.toString(), "--rounds", "1", "--pairs", "64",
                "--train-steps", "5", "--eval-points", "32", "--seed", "1", "--out", rounds.toString());
        assertEquals(0, reflow.exitCode(), reflow.err());
        Path round1 = dir.resolve("rounds").resolve("r-round1.json");
        assertEquals("../points.csv", ModelFile.load(round1).data());
        sample[2] = round1.toString();
        assertEquals("../points.csv (300 points, resampled)", CliRun.of(sample).json().get("reference").asText());

        // a "data" that names anything but a CSV is not opened
        Files.writeString(out, Files.readString(out).replace("\"../points.csv\"", "\"../../../../../etc/passwd\""));
        sample[2] = out.toString();
        assertEquals("none: the training data '../../../../../etc/passwd' cannot be used (\"data\" is "
                + "'../../../../../etc/passwd', which is not a .csv file)",
                CliRun.of(sample).json().get("reference").asText());
    }

    @Test
    void aTrainingRunThatFailsWritesNothingAndSaysWhy() throws IOException {
        Path out = Files.writeString(dir.resolve("kept.json"), "previous");
        // the likelihood weight g² of a VE process up to σ = 1e200 overflows at the first step
        CliRun r = CliRun.of(tiny("moons", "score", out, "--weighting", "likelihood", "--process", "ve", "--param",
                "sigma_max=1e200"));
        assertEquals(ScorefieldCli.BAD_INPUT, r.exitCode());
        assertEquals("", r.out());
        assertEquals("scorefield train: Training stopped at step 1: the loss became infinite. The weights of step 0 "
                + "are kept. Try a lower learning rate, or check the data and the process constants.", r.err().strip());
        assertEquals("previous", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void badInputIsOneLineOnStderrAndExitCodeTwo() throws IOException {
        Path corrupt = dir.resolve("corrupt.json");
        String text = Files.readString(moons);
        Files.writeString(corrupt, text.substring(0, text.length() / 2));
        Path notModel = Files.writeString(dir.resolve("other.json"), "{\"format\": \"something\"}");
        String model = moons.toString();
        String out = dir.resolve("x.json").toString();
        String[][] cases = {
            {"sample", "--model", dir.resolve("missing.json").toString()},
            {"sample", "--model", corrupt.toString()},
            {"solvers", "--model", notModel.toString()},
            {"sample", "--model", model, "--oracle", "moons"},
            {"solvers", "--oracle", "8gaussians", "--model", model},
            {"sample", "--n", "10"},
            {"sample", "--model", model, "--process", "ve"},
            {"solvers", "--model", model, "--param", "beta_max=10"},
            {"sample", "--model", model, "--data-n", "50"},
            {"train", "--data", "moons", "--head", "noise", "--seed", "1", "--out", out},
            {"train", "--data", "moons", "--head", "fm", "--process", "vp", "--seed", "1", "--out", out},
            {"train", "--data", "moonz", "--head", "eps", "--seed", "1", "--out", out},
            {"train", "--data", "moons", "--head", "eps", "--out", out},
            {"train", "--data", "moons", "--head", "eps", "--seed", "1", "--out", out, "--steps", "0"},
            {"train", "--data", "moons", "--head", "eps", "--seed", "1", "--out", out, "--clip", "big"},
            {"train", "--data", "moons", "--head", "eps", "--seed", "1", "--out", out, "--ema", "maybe"},
            {"train", "--data", "moons", "--head", "x0", "--weighting", "likelihood", "--seed", "1", "--out", out},
            {"train", "--data", "moons", "--head", "eps", "--seed", "1", "--out", dir.toString()},
        };
        for (String[] args : cases) {
            CliRun r = CliRun.of(args);
            String what = String.join(" ", args);
            assertEquals(ScorefieldCli.BAD_INPUT, r.exitCode(), what + ": " + r.err());
            assertTrue(r.out().isEmpty(), what + " printed " + r.out());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
        }
        assertFalse(Files.exists(Path.of(out)), "no failed run wrote a model");
        String truncated = CliRun.of("sample", "--model", corrupt.toString()).err();
        assertTrue(truncated.startsWith("scorefield sample: Cannot load corrupt.json: the JSON ends early at line "),
                truncated);
        assertEquals("scorefield sample: --oracle=<preset|empirical:preset|file.csv>, --model=FILE are mutually "
                + "exclusive (specify only one) (see 'scorefield sample --help')",
                CliRun.of("sample", "--model", model, "--oracle", "moons").err().strip());
        assertEquals("scorefield sample: Missing required argument (specify one of these): "
                + "(--oracle=<preset|empirical:preset|file.csv> | --model=FILE | --session=FILE) (see 'scorefield sample --help')",
                CliRun.of("sample").err().strip());
        assertTrue(CliRun.of("sample", "--model", model, "--process", "ve").err().contains(
                "--process and --param cannot be used with --model: the model samples with the process it was "
                        + "trained on, vp(beta_min=0.1, beta_max=20.0)."));
        assertTrue(CliRun.of("train", "--data", "moons", "--head", "noise", "--seed", "1", "--out", out).err()
                .contains("Unknown objective (--head) 'noise'; choose one of eps, x0, score, velocity, edm, fm."));
    }
}
