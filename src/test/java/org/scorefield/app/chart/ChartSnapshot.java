package org.scorefield.app.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Test support: runs code on the FX thread, renders a chart alone in a scene of a given size, counts
 * the pixels that differ from its background, and, when the system property
 * {@value #GALLERY_PROPERTY} names a folder, writes the picture there as a PNG for a person to look at.
 */
final class ChartSnapshot {

    static final String GALLERY_PROPERTY = "scorefield.chartGallery";

    private ChartSnapshot() {
    }

    static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(work));
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not finish within 10 s", e);
        }
    }

    static void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** The chart drawn in a {@code width × height} scene (call on the FX thread). */
    static WritableImage render(LectureChart chart, double width, double height) {
        Scene scene = new Scene(chart, width, height);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage image = scene.snapshot(null);
        scene.setRoot(new javafx.scene.layout.Pane());
        return image;
    }

    /** Pixels whose colour differs clearly from {@code background} (an ARGB colour). */
    static int pixelsUnlike(WritableImage image, int background) {
        PixelReader reader = image.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (distance(reader.getArgb(x, y), background) > 24) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The ARGB colour at one pixel. */
    static int argb(WritableImage image, int x, int y) {
        return image.getPixelReader().getArgb(x, y);
    }

    static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Writes the image to the gallery folder if one is set; returns whether it did. */
    static boolean saveToGallery(WritableImage image, String name) {
        String folder = System.getProperty(GALLERY_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return false;
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            d += Math.abs((a >> shift & 0xff) - (b >> shift & 0xff));
        }
        return d;
    }
}
