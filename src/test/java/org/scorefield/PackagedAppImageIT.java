package org.scorefield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The Linux app image of {@code jpackage/package.sh}: built with its jlink-trimmed runtime, then
 * its own launcher renders the window headless to a PNG (the smoke test of the installers).
 */
class PackagedAppImageIT {

    @Test
    void theAppImageBuildsAndItsLauncherRendersTheWindowHeadless() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the Linux image is built on Linux");
        Path jpackage = Path.of(System.getProperty("java.home"), "bin", "jpackage");
        assumeTrue(Files.isExecutable(jpackage), "this JDK has jpackage");
        Path log = Path.of("target", "jpackage-smoke.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder("bash", "jpackage/package.sh", "--smoke");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "packaging finished within 10 minutes:\n" + output);
        assertEquals(0, p.exitValue(), output);
        double seconds = (System.nanoTime() - started) / 1e9;

        Path image = Path.of("target", "jpackage", "Scorefield");
        assertTrue(Files.isExecutable(image.resolve("bin/Scorefield")), "the launcher is there");
        assertTrue(Files.isRegularFile(image.resolve("lib/app/scorefield.jar")), "the jar is there");
        assertTrue(Files.isRegularFile(image.resolve("lib/Scorefield.png")), "the icon from assets/ is there");
        long bytes;
        try (Stream<Path> files = Files.walk(image)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf("app image: %.0f MB, built and smoke-tested in %.1f s%n", bytes / 1e6, seconds);
        assertTrue(bytes < 260_000_000L, "the jlink-trimmed image stays small: " + bytes / 1_000_000 + " MB");

        File png = Path.of("target", "jpackage", "smoke.png").toFile();
        BufferedImage shot = ImageIO.read(png);
        assertEquals(1024, shot.getWidth());
        assertEquals(700, shot.getHeight());
        // the window was drawn: the side panel's title is dark text on the light panel
        int dark = 0;
        for (int y = 10; y < 60; y++) {
            for (int x = 10; x < 200; x++) {
                int rgb = shot.getRGB(x, y);
                if ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255) < 200) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 300, "the title \"Scorefield\" is drawn (" + dark + " dark pixels)");
    }
}
