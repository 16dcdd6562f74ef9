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
                .put("sampling.driver", "exact")
                .put("sampling.solver", "euler")
                .put("sampling.steps", 12L)
                .put("sampling.seed", 77L)
                .put("sampling.count", 200L)
                .put("sampling.paths", 10L)
                .put("view.dark", true)
                .put("export.fps", 10L)
                .put("export.seconds", 1.0)
                .put("export.overlay", false)
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
        assertEquals(10, r.json().get("frames").asInt(), "10 fps for 1 s, from the session");
        BufferedImage first = ImageIO.read(out.resolve("frame_00000.png").toFile());
        int rgb = first.getRGB(2, 2);
        int luminance = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
        assertTrue(luminance < 80, "the session's dark theme: corner luminance " + luminance);
    }
}
