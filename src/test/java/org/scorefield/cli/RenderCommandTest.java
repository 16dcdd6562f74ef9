package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.export.AnimationFormat;

/** {@code render}: what it prints, and that the file decodes to the asked size and frame count. */
class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSamplingGifHasTheAskedFramesAndSize() throws IOException {
        Path out = dir.resolve("s.gif");
        CliRun r = CliRun.of("render", "--oracle", "8gaussians", "--what", "sampling", "--size", "160x96", "--fps", "10",
                "--seconds", "1.5", "--n", "200", "--steps", "8", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertEquals(15, json.get("frames").asInt());
        assertEquals(Files.size(out), json.get("bytes").asLong());
        assertEquals("gif", json.get("format").asText(), "from the file name");
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(15, reader.getNumImages(true));
            assertEquals(160, reader.getWidth(0));
            assertEquals(96, reader.getHeight(0));
        }
        // the same seed gives the same file
        Path again = dir.resolve("again.gif");
        assertEquals(0, CliRun.of("render", "--oracle", "8gaussians", "--what", "sampling", "--size", "160x96",
                "--fps", "10", "--seconds", "1.5", "--n", "200", "--steps", "8", "--seed", "3", "--out",
                again.toString()).exitCode());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(again)));
    }

    @Test
    void aNoisingApngAndBadInputIsRefused() throws IOException {
        Path out = dir.resolve("n.png");
        CliRun r = CliRun.of("render", "--oracle", "moons", "--what", "noising", "--size", "64x64", "--fps", "8",
                "--seconds", "1", "--hold", "0", "--overlay", "off", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("apng", r.json().get("format").asText());
        assertEquals(8, r.json().get("frames").asInt());
        assertEquals(64, ImageIO.read(out.toFile()).getWidth());

        Path mp4 = dir.resolve("odd.mp4");
        CliRun odd = CliRun.of("render", "--oracle", "moons", "--size", "101x64", "--out", mp4.toString());
        assertEquals(2, odd.exitCode());
        assertTrue(odd.err().contains("even width and height"), odd.err());
        assertFalse(Files.exists(mp4));
        CliRun size = CliRun.of("render", "--oracle", "moons", "--size", "big", "--out", mp4.toString());
        assertTrue(size.err().contains("--size takes 720p, 1080p, square or W×H"), size.err());
        CliRun what = CliRun.of("render", "--oracle", "moons", "--what", "reflow", "--out", mp4.toString());
        assertTrue(what.err().contains("--what takes noising or sampling"), what.err());
        assertEquals(AnimationFormat.PNG, RenderCommand.fromName(dir.resolve("frames")));
        assertEquals(AnimationFormat.MP4, RenderCommand.fromName(dir.resolve("a.MP4")));
    }
}
