package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.scorefield.app.HeadlessFx;
import org.scorefield.app.Look;
import org.scorefield.app.WorldView;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.FramePainter;
import org.scorefield.core.io.AtomicFiles;

/**
 * A canvas frame as a PNG at a multiple of its on-screen size: the same painter draws the same
 * frame at the same logical size through a scale transform, so text, lines and dots are as sharp as
 * the pixels allow and the layout is the screen's.
 */
public final class Figure {

    private Figure() {
    }

    /** The frame painted at {@code width × height} logical pixels, {@code scale} image pixels each. */
    public static BufferedImage render(CanvasFrame frame, Look look, double width, double height, double scale) {
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        WritableImage image = HeadlessFx.call(() -> {
            Canvas canvas = new Canvas(w, h);
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.scale(scale, scale);
            new FramePainter().paint(g, frame, WorldView.DEFAULT, look, width, height);
            return canvas.snapshot(null, new WritableImage(w, h));
        });
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        return SwingFXUtils.fromFXImage(image, rgb);
    }

    /** Writes the frame as a PNG, atomically. */
    public static void writePng(CanvasFrame frame, Look look, double width, double height, double scale, Path out)
            throws IOException {
        BufferedImage image = render(frame, look, width, height, scale);
        AtomicFiles.writeBytes(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("this Java has no PNG writer");
            }
        });
    }
}
