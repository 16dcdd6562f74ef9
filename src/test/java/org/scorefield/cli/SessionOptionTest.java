package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.session.Session;
import org.scorefield.core.session.SessionFile;

/** {@code --session} on {@code sample} and {@code render}: the session's data, process, sampler, seeds and look. */
class SessionOptionTest {

    @TempDir
    Path dir;

    private Path session(Optional<DatasetPreset> preset, PointSet points) {
        Session s = new Session(new Session.Data("drawn", preset, points.size(), 5, points),
                ScheduleKind.VP.createDefault(), Optional.empty(), Session.Settings.builder()
                .put(Settings.DRIVER.key(), "exact")
                .put(Settings.SOLVER.key(), "euler")
                .put(Settings.STEPS.key(), 12L)
                .put(Settings.SAMPLING_SEED.key(), 77L)
                .put(Settings.SAMPLE_COUNT.key(), 200L)
                .put(Settings.PATHS.key(), 10L)
                .put(Settings.DARK.key(), true)
                .put(Settings.FPS.key(), 24L)
                .put(Settings.SECONDS.key(), 1.0)
                .put(Settings.OVERLAY.key(), false)
                .build());
        Path file = dir.resolve("lecture.scorefield");
        SessionFile.save(s, file);
        return file;
    }

    @Test
    void sampleTakesTheSessionsOracleAndSamplerAndTheOptionsGivenWin() throws IOException {
        PointSet points = DatasetPreset.EIGHT_GAUSSIANS.sample(300, 5);
        Path file = session(Optional.of(DatasetPreset.EIGHT_GAUSSIANS), points);
        Path fromSession = dir.resolve("a.csv");
        CliRun r = CliRun.of("sample", "--session", file.toString(), "--out", fromSession.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals(file.toString(), json.get("session").asText());
        assertEquals("euler", json.get("solver").asText());
        assertEquals(12, json.get("steps").asInt());
        assertEquals(200, json.get("n").asInt());
        assertEquals(77, json.get("seed").asLong());
        // an unedited mixture preset samples with its exact mixture: what --oracle does with the same settings
        Path fromOracle = dir.resolve("b.csv");
        assertEquals(0, CliRun.of("sample", "--oracle", "8gaussians", "--solver", "euler", "--steps", "12", "--n",
                "200", "--seed", "77", "--out", fromOracle.toString()).exitCode());
        assertEquals(Files.readString(fromOracle), Files.readString(fromSession));
        // an option given wins over the session's value
        CliRun more = CliRun.of("sample", "--session", file.toString(), "--steps", "20", "--n", "50");
        assertEquals(20, more.json().get("steps").asInt());
        assertEquals(50, more.json().get("n").asInt());
        assertEquals("euler", more.json().get("solver").asText());
        // the session has its own process and data
        CliRun refused = CliRun.of("sample", "--session", file.toString(), "--process", "ve");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("cannot be used with --session"), refused.err());
    }

    @Test
    void drawnPointsSampleWithTheirMemorisingOracle() {
        PointSet drawn = PointSet.of(new double[] {1, 1, 1.1, 0.9, -1, -1, -0.9, -1.1});
        Path file = session(Optional.empty(), drawn);
        CliRun r = CliRun.of("sample", "--session", file.toString(), "--steps", "64", "--solver", "heun");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.json().get("reference").asText().contains("4 memorised points"), r.json().toString());
    }

    @Test
    void renderDrawsTheSessionWithItsLookAndExportSettings() throws IOException {
        Path file = session(Optional.of(DatasetPreset.MOONS), DatasetPreset.MOONS.sample(200, 5));
        Path out = dir.resolve("frames");
        // no --hold: a 1 s session export holds each end for an eighth of it, as the window does
        CliRun r = CliRun.of("render", "--session", file.toString(), "--size", "96x64", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(24, r.json().get("frames").asInt(), "24 fps for 1 s, from the session");
        BufferedImage first = ImageIO.read(out.resolve("frame_00000.png").toFile());
        int rgb = first.getRGB(2, 2);
        int luminance = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
        assertTrue(luminance < 80, "the session's dark theme: corner luminance " + luminance);
    }

    /**
     * A session whose VP model was left under the linear process samples it as the window does: read under linear
     * (docs/math.md §2.10), ending where linear reaches VP's last log-SNR, as {@code --model --sample-process} does.
     */
    @Test
    void aSessionReadsItsDiffusionModelUnderItsProcess() throws IOException {
        var trainer = new org.scorefield.core.nn.Trainer(DatasetPreset.EIGHT_GAUSSIANS,
                new org.scorefield.core.nn.Parameterization(org.scorefield.core.nn.Objective.DEFAULT,
                        ScheduleKind.VP.createDefault(), org.scorefield.core.nn.LossWeighting.UNIFORM,
                        org.scorefield.core.head.EdmPreconditioning.standard()),
                org.scorefield.core.nn.Architecture.defaults().withSize(32, 1),
                org.scorefield.core.nn.TrainingSettings.defaults(3), org.scorefield.core.flow.FlowSetup.standard());
        for (int i = 0; i < 5; i++) {
            trainer.step();
        }
        var model = trainer.snapshot();
        PointSet points = DatasetPreset.EIGHT_GAUSSIANS.sample(300, 5);
        Session s = new Session(new Session.Data("8gaussians", Optional.of(DatasetPreset.EIGHT_GAUSSIANS), 300, 5,
                points), ScheduleKind.LINEAR.createDefault(), Optional.of(model), Session.Settings.builder()
                .put(Settings.DRIVER.key(), "model")
                .put(Settings.SOLVER.key(), "heun")
                .put(Settings.STEPS.key(), 16L)
                .put(Settings.SAMPLE_COUNT.key(), 100L)
                .build());
        Path file = dir.resolve("reread.scorefield");
        SessionFile.save(s, file);
        Path fromSession = dir.resolve("s.csv");
        CliRun r = CliRun.of("sample", "--session", file.toString(), "--seed", "3", "--out", fromSession.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("linear", r.json().get("process").get("name").asText());
        double b = 0.1 * 1e-3 + 9.95 * 1e-6; // VP's B(t_min); linear's λ = log((1 − t)/t)
        double lambdaEnd = Math.log(Math.exp(-b / 2) / Math.sqrt(-Math.expm1(-b)));
        assertEquals(1 / (1 + Math.exp(lambdaEnd)), r.json().get("t_min").asDouble(), 1e-9);
        Path modelFile = dir.resolve("m.json");
        org.scorefield.core.nn.ModelFile.save(model, modelFile);
        Path fromModel = dir.resolve("m.csv");
        CliRun m = CliRun.of("sample", "--model", modelFile.toString(), "--sample-process", "linear", "--solver", "heun",
                "--steps", "16", "--n", "100", "--seed", "3", "--out", fromModel.toString());
        assertEquals(0, m.exitCode(), m.err());
        assertEquals(Files.readString(fromModel), Files.readString(fromSession));
    }

    /** A flow-matching session from 8 Gaussians samples its exact oracle from them, on the linear path. */
    @Test
    void aFlowSessionSamplesFromItsSourceOnItsPath() throws IOException {
        PointSet moons = DatasetPreset.MOONS.sample(300, 5);
        Session s = new Session(new Session.Data("moons", Optional.of(DatasetPreset.MOONS), 300, 5, moons),
                ScheduleKind.VP.createDefault(), Optional.empty(), Session.Settings.builder()
                .put(Settings.OBJECTIVE.key(), "fm")
                .put(Settings.SOURCE.key(), "8gaussians")
                .put(Settings.DRIVER.key(), "exact")
                .put(Settings.SOLVER.key(), "heun")
                .put(Settings.STEPS.key(), 8L)
                .put(Settings.SAMPLE_COUNT.key(), 200L)
                .build());
        Path file = dir.resolve("flow.scorefield");
        SessionFile.save(s, file);
        Path paths = dir.resolve("paths.csv");
        CliRun r = CliRun.of("sample", "--session", file.toString(), "--trajectories", paths.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("linear", r.json().get("process").get("name").asText(), "flow matching's path, not the VP process");
        assertTrue(r.json().get("reference").asText().endsWith("from 8gaussians"), r.json().toString());
        double mean = Files.readAllLines(paths).stream().skip(1).map(line -> line.split(","))
                .filter(f -> f[1].equals("0")).mapToDouble(f -> Math.hypot(Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]))).average().orElseThrow();
        assertEquals(DatasetPreset.EIGHT_GAUSSIANS_RADIUS, mean, 0.05, "the paths start on the 8 Gaussians");
        CliRun sde = CliRun.of("sample", "--session", file.toString(), "--solver", "sde", "--eta", "1");
        assertEquals(2, sde.exitCode(), "no reverse SDE for a flow from 8 Gaussians");
    }

    /** A session's Reflow rounds are what render --what reflow animates, unless new rounds are asked for. */
    @Test
    void renderAnimatesASessionsOwnReflowRounds() throws IOException {
        Path modelFile = dir.resolve("fm.json");
        assertEquals(0, CliRun.of(TrainCommandTest.tiny("moons", "fm", modelFile)).exitCode());
        var model = org.scorefield.core.nn.ModelFile.load(modelFile);
        var reflow = new org.scorefield.core.flow.Reflow(DatasetPreset.MOONS, model.flow().source(),
                new org.scorefield.core.flow.Reflow.Settings(300, 4, 20, true, 100, 3));
        var zero = reflow.measure(model, 0, 0);
        var one = reflow.next(zero, Progress.NONE);
        PointSet moons = DatasetPreset.MOONS.sample(200, 5);
        Session s = new Session(new Session.Data("moons", Optional.of(DatasetPreset.MOONS), 200, 5, moons),
                ScheduleKind.VP.createDefault(), Optional.of(one.model()), Session.Settings.builder()
                .put(Settings.OBJECTIVE.key(), "fm")
                .put(Settings.FPS.key(), 24L)
                .put(Settings.SECONDS.key(), 1.0)
                .build(), Optional.empty(), Optional.of(new Session.Rounds(3, 100,
                java.util.List.of(zero.model(), one.model()), java.util.List.of(zero.metrics(), one.metrics()))));
        Path file = dir.resolve("rounds.scorefield");
        SessionFile.save(s, file);
        Path out = dir.resolve("rounds.gif");
        long started = System.nanoTime();
        CliRun r = CliRun.of("render", "--session", file.toString(), "--what", "reflow", "--size", "192x96",
                "--out", out.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(24, r.json().get("frames").asInt());
        BufferedImage first = ImageIO.read(out.toFile());
        assertEquals(192, first.getWidth());
        // its two rounds, not rounds 0, 1, 2 made now
        assertEquals("[0,1]", r.json().get("rounds").toString());
        assertTrue(seconds < 60, "drawn in " + seconds + " s");
        CliRun fresh = CliRun.of("render", "--session", file.toString(), "--what", "reflow", "--rounds", "1",
                "--pairs", "300", "--train-steps", "10", "--size", "192x96", "--out", dir.resolve("new.gif").toString());
        assertEquals(0, fresh.exitCode(), fresh.err());
        assertEquals("[1,2]", fresh.json().get("rounds").toString(), "from the session's model (round 1), one more");
    }
}
