package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** One PNG per frame in a folder: {@code frame_00000.png}, {@code frame_00001.png}, … */
final class PngSequenceEncoder implements FrameEncoder {

    private final Path folder;
    private int next;

    PngSequenceEncoder(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** The name of frame i. */
    static String name(int i) {
        return String.format(Locale.ROOT, "frame_%05d.png", i);
    }

    @Override
    public void frame(BufferedImage image) throws IOException {
        if (!ImageIO.write(image, "png", folder.resolve(name(next++)).toFile())) {
            throw new IOException("this Java has no PNG writer");
        }
    }

    @Override
    public void finish() {
        // every frame is complete on disk
    }

    @Override
    public void close() {
        // nothing held open
    }
}
