package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --what guidance}: a sweep of ω from the same noise, and what it refuses. */
class RenderGuidanceTest {

    @TempDir
    Path dir;

    @Test
    void aSweepRendersWithItsOmegaAndClassInTheJson() throws Exception {
        Path out = dir.resolve("sweep");
        CliRun r = CliRun.of("render", "--oracle", "gmm-labelled", "--what", "guidance", "--class", "1", "--omega-max",
                "3", "--size", "160x96", "--fps", "5", "--seconds", "1", "--hold", "0", "--n", "200", "--steps", "8",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals("guidance", json.get("what").asText());
        assertEquals(3.0, json.get("omega_max").asDouble());
        assertEquals(1, json.get("class").asInt());
        assertEquals(5, json.get("frames").asInt());
        assertEquals(160, ImageIO.read(out.resolve("frame_00000.png").toFile()).getWidth());
        // the first frame (ω = 0, the whole data) differs from the last (ω = 3, one class)
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(out.resolve("frame_00000.png")),
                Files.readAllBytes(out.resolve("frame_00004.png"))));
    }

    @Test
    void dataWithoutClassesAndBadScalesAreOneSentence() {
        Path out = dir.resolve("no.gif");
        CliRun roll = CliRun.of("render", "--oracle", "swissroll", "--what", "guidance", "--out", out.toString());
        assertEquals(2, roll.exitCode());
        assertTrue(roll.err().contains("swissroll has no classes"), roll.err());
        assertEquals(1, roll.err().strip().lines().count(), "one sentence");
        CliRun one = CliRun.of("render", "--oracle", "gaussian", "--what", "guidance", "--out", out.toString());
        assertTrue(one.err().contains("gaussian has only one"), one.err());
        CliRun omega = CliRun.of("render", "--oracle", "gmm-labelled", "--what", "guidance", "--omega-max", "-1",
                "--out", out.toString());
        assertTrue(omega.err().contains("--omega-max must lie in (0, 100]"), omega.err());
        CliRun c = CliRun.of("render", "--oracle", "gmm-labelled", "--what", "guidance", "--class", "7", "--out",
                out.toString());
        assertTrue(c.err().contains("--class must lie between 0 and 2"), c.err());
        CliRun split = CliRun.of("render", "--oracle", "gmm-labelled", "--what", "guidance_split", "--out",
                out.toString());
        assertTrue(split.err().contains("export it from the window"), split.err());
        assertFalse(Files.exists(out));
    }
}
