package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code screenshot} renders the real window headless to a PNG of the asked size, and refuses bad input. */
class ScreenshotCommandTest {

    @Test
    void theCompareViewTrainsBothModelsBeforeItIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("compare.png");
        CliRun r = CliRun.of("screenshot", "--view", "compare", "--width", "1024", "--height", "700",
                "--steps", "20", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("compare", r.json().get("view").asText());
        assertTrue(r.json().get("steps").asLong() >= 20, r.json().toString());
        assertEquals(1024, ImageIO.read(out.toFile()).getWidth());
    }

    @Test
    void theSplitViewIsWrittenAtTheAskedSize(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("split.png");
        CliRun r = CliRun.of("screenshot", "--view", "split", "--width", "1024", "--height", "700", "--theme", "dark",
                "--steps", "50", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals("split", json.get("view").asText());
        assertEquals(1024, json.get("width").asInt());
        assertTrue(json.get("steps").asLong() >= 50, json.toString());
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(1024, png.getWidth());
        assertEquals(700, png.getHeight());
        // A real window: panels, text, two canvases with paths, in many colours; dark theme, so the
        // top-left corner (the side panel) is dark.
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 3) {
            for (int x = 0; x < png.getWidth(); x += 3) {
                colours.add(png.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 500, "distinct colours: " + colours.size());
        int corner = png.getRGB(5, 5);
        double luminance = (0.2126 * (corner >> 16 & 0xff) + 0.7152 * (corner >> 8 & 0xff) + 0.0722 * (corner & 0xff))
                / 255;
        assertTrue(luminance < 0.25, "dark theme, corner luminance " + luminance);
    }

    @Test
    void badInputIsRefusedWithOneLineAndNoFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.png");
        for (String[] args : new String[][] {
            {"screenshot", "--view", "everything", "--out", out.toString()},
            {"screenshot", "--theme", "sepia", "--out", out.toString()},
            {"screenshot", "--width", "100", "--out", out.toString()},
            {"screenshot", "--data", "moonz", "--out", out.toString()},
            {"screenshot", "--out", dir.toString()},
            {"screenshot", "--scene", "2", "--view", "split", "--out", out.toString()},
            {"screenshot", "--scene", "0", "--out", out.toString()},
            {"screenshot", "--scene", "1", "--lesson", dir.resolve("missing.json").toString(), "--out", out.toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().isEmpty());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertTrue(CliRun.of("screenshot", "--view", "everything", "--out", out.toString()).err()
                .contains("main, split, fields, streamlines, difference, denoised, errors"));
        assertFalse(Files.exists(out));
    }
}
