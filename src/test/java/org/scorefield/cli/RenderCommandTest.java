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
import org.scorefield.app.settings.AnimationFormat;

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
            // the held first and last frames are each written once, with their delays added up
            int images = reader.getNumImages(true);
            assertTrue(images < 15 && images >= 10, images + " images");
            int hundredths = 0;
            for (int i = 0; i < images; i++) {
                javax.imageio.metadata.IIOMetadataNode root = (javax.imageio.metadata.IIOMetadataNode)
                        reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                hundredths += Integer.parseInt(((javax.imageio.metadata.IIOMetadataNode) root
                        .getElementsByTagName("GraphicControlExtension").item(0)).getAttribute("delayTime"));
            }
            assertEquals(150, hundredths, "1.5 s in all");
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
        CliRun what = CliRun.of("render", "--oracle", "moons", "--what", "film", "--out", mp4.toString());
        assertTrue(what.err().contains("--what takes noising, sampling, split, reflow, training or guidance"),
                what.err());
        CliRun compare = CliRun.of("render", "--oracle", "moons", "--what", "compare", "--out", mp4.toString());
        assertEquals(2, compare.exitCode());
        assertTrue(compare.err().contains("export it from the window's Export section"), compare.err());
        assertEquals(1, compare.err().strip().lines().count(), "one sentence");
        assertFalse(Files.exists(mp4));
        assertEquals(AnimationFormat.PNG, RenderCommand.fromName(dir.resolve("frames")));
        assertEquals(AnimationFormat.MP4, RenderCommand.fromName(dir.resolve("a.MP4")));
        assertEquals(AnimationFormat.WEBM, RenderCommand.fromName(dir.resolve("a.webm")));
    }

    @Test
    void aWebmAndAnMp4SayWhichEncoderWroteThem() throws IOException {
        for (String name : new String[] {"s.webm", "s.mp4"}) {
            Path out = dir.resolve(name);
            CliRun r = CliRun.of("render", "--oracle", "8gaussians", "--what", "sampling", "--size", "160x96",
                    "--fps", "10", "--seconds", "1", "--n", "200", "--steps", "8", "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(name.substring(2), r.json().get("format").asText(), "from the file name");
            assertEquals(Files.size(out), r.json().get("bytes").asLong());
            String encoder = r.json().get("encoder").asText();
            assertTrue(encoder.matches(name.endsWith("webm") ? "libvpx-vp9 \\(FFmpeg .+\\)"
                    : "lib(openh264|x264) \\(FFmpeg .+\\)"), encoder);
            assertTrue(r.err().isBlank(), "FFmpeg's own log stays quiet: " + r.err());
        }
    }

    @Test
    void splitReflowAndTrainingAnimationsRender() throws IOException {
        Path split = dir.resolve("split");
        CliRun r = CliRun.of("render", "--oracle", "8gaussians", "--what", "split", "--size", "200x100", "--fps", "5",
                "--seconds", "1", "--hold", "0", "--n", "100", "--paths", "10", "--steps", "8", "--out", split.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("split", r.json().get("what").asText());
        java.awt.image.BufferedImage first = ImageIO.read(split.resolve("frame_00000.png").toFile());
        assertEquals(200, first.getWidth());
        assertTrue(reddish(first, 100, 200) > 10 * Math.max(1, reddish(first, 0, 100)),
                "the right panel holds the SDE's red heads, the left the ODE's dark ones");

        Path model = dir.resolve("fm.json");
        assertEquals(0, CliRun.of("train", "--data", "moons", "--head", "fm", "--steps", "150", "--width", "32",
                "--depth", "2", "--seed", "1", "--out", model.toString()).exitCode());
        Path rounds = dir.resolve("rounds.gif");
        CliRun reflow = CliRun.of("render", "--model", model.toString(), "--what", "reflow", "--rounds", "1",
                "--pairs", "200", "--train-steps", "20", "--size", "160x80", "--fps", "4", "--seconds", "1", "--hold", "0",
                "--out", rounds.toString());
        assertEquals(0, reflow.exitCode(), reflow.err());
        assertEquals(4, reflow.json().get("frames").asInt());

        Path training = dir.resolve("training.gif");
        CliRun trained = CliRun.of("render", "--oracle", "moons", "--what", "training", "--train-steps", "40",
                "--snapshots", "4", "--n", "100", "--steps", "4", "--size", "64x64", "--fps", "4", "--seconds", "2",
                "--out", training.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertEquals(8, trained.json().get("frames").asInt());

        CliRun oracleReflow = CliRun.of("render", "--oracle", "moons", "--what", "reflow", "--out",
                dir.resolve("x.gif").toString());
        assertEquals(2, oracleReflow.exitCode());
        assertTrue(oracleReflow.err().contains("flow-matching model"), oracleReflow.err());
        CliRun bad = CliRun.of("render", "--oracle", "moons", "--what", "everything", "--out",
                dir.resolve("y.gif").toString());
        assertTrue(bad.err().contains("noising, sampling, split, reflow, training or guidance"), bad.err());
    }

    /** Pixels in columns [from, to) that are clearly red (the SDE's colour). */
    private static int reddish(java.awt.image.BufferedImage image, int from, int to) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = from; x < to; x++) {
                int rgb = image.getRGB(x, y);
                int red = rgb >> 16 & 255;
                int green = rgb >> 8 & 255;
                int blue = rgb & 255;
                if (red > 150 && red > green + 60 && red > blue + 60) {
                    count++;
                }
            }
        }
        return count;
    }

    /** render --scene N animates a lesson's scene as the window's export would; bad combinations are one sentence. */
    @Test
    void aLessonSceneIsAnimatedAsTheWindowExportsIt() throws IOException {
        Path out = dir.resolve("scene.gif");
        CliRun r = CliRun.of("render", "--scene", "4", "--what", "split", "--size", "160x96", "--fps", "10",
                "--seconds", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("PF-ODE vs reverse SDE", r.json().get("name").asText());
        assertEquals(10, r.json().get("frames").asInt());
        assertEquals(Files.size(out), r.json().get("bytes").asLong());
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(160, reader.getWidth(0));
            assertEquals(96, reader.getHeight(0));
        }
        for (String[] args : new String[][] {
            {"render", "--scene", "1", "--what", "split", "--size", "160x96", "--out", dir.resolve("a.gif").toString()},
            {"render", "--scene", "99", "--out", dir.resolve("b.gif").toString()},
            {"render", "--scene", "2", "--oracle", "moons", "--out", dir.resolve("c.gif").toString()},
            {"render", "--scene", "2", "--steps", "4", "--out", dir.resolve("d.gif").toString()}}) {
            CliRun bad = CliRun.of(args);
            assertEquals(2, bad.exitCode(), String.join(" ", args));
            assertTrue(bad.err().lines().count() == 1 && bad.err().strip().endsWith("."), bad.err());
        }
        assertTrue(CliRun.of("render", "--scene", "1", "--what", "split", "--size", "160x96", "--out",
                dir.resolve("e.gif").toString()).err().startsWith("scorefield render: Scene 1 (The data): "));
        assertFalse(Files.exists(dir.resolve("a.gif")) || Files.exists(dir.resolve("e.gif")));
    }
}
