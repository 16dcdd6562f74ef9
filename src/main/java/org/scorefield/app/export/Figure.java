package org.scorefield.app.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.svg.SVGGraphics2D;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.theme.Look;
import org.scorefield.app.canvas.WorldView;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.FramePainter;
import org.scorefield.app.canvas.Java2DPen;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.AtomicFiles;

/**
 * A canvas frame or the charts as a figure file: PNG at a multiple of the on-screen size, or vector
 * SVG (JFreeSVG) and PDF (JFreePDF). The canvas is drawn by the window's own {@link FramePainter}:
 * for PNG on a JavaFX canvas through a scale transform, for SVG and PDF through a {@link Java2DPen},
 * so every format has the screen's layout (vector lines, circles and text; the heatmap stays a
 * raster). Charts are JFreeCharts, which draw on any {@code Graphics2D}: the screen's (FXGraphics2D)
 * and the files' are the same drawing. Files are written atomically.
 */
public final class Figure {

    /** A figure file's format, from its name. */
    public enum Format {
        PNG, SVG, PDF;

        /** .svg, .pdf, or PNG for anything else. */
        public static Format of(Path file) {
            String name = org.scorefield.core.io.IoReasons.fileName(file).toLowerCase(Locale.ROOT);
            return name.endsWith(".svg") ? SVG : name.endsWith(".pdf") ? PDF : PNG;
        }
    }

    /** PNG figures have twice the screen's pixels. */
    public static final double PNG_SCALE = 2;

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
        png(render(frame, look, width, height, scale), out);
    }

    /** Writes the frame in the format of the file's name: PNG at {@link #PNG_SCALE}×, SVG or PDF. */
    public static void write(CanvasFrame frame, Look look, double width, double height, Path out) throws IOException {
        Format format = Format.of(out);
        if (format == Format.PNG) {
            writePng(frame, look, width, height, PNG_SCALE, out);
            return;
        }
        // on the FX thread: the painter measures text with JavaFX, as on screen
        byte[] bytes = vector(format, width, height, g -> HeadlessFx.run(() ->
                new FramePainter().paint(new Java2DPen(g), frame, WorldView.DEFAULT, look, width, height)));
        AtomicFiles.writeBytes(out, stream -> stream.write(bytes));
    }

    /** A figure drawn in memory, and its size on screen in logical pixels. */
    public record Sized(Drawing drawing, double width, double height) {
    }

    /** A figure drawn in memory, written to a file later, on any thread. */
    @FunctionalInterface
    public interface Drawing {
        void write(Path out) throws IOException;
    }

    /**
     * Draws charts stacked top to bottom at their sizes, now, on the thread that owns them (the FX
     * thread for the window's charts); what comes back encodes and writes the file on any thread.
     *
     * @param sizes each chart's width and height in logical pixels
     */
    public static Drawing drawCharts(List<JFreeChart> charts, List<double[]> sizes, Format format) {
        InvalidInputException.require(!charts.isEmpty() && charts.size() == sizes.size(), "There is no chart to save.");
        double width = 0;
        double height = 0;
        for (double[] s : sizes) {
            width = Math.max(width, s[0]);
            height += s[1];
        }
        Consumer<Graphics2D> draw = g -> {
            double y = 0;
            for (int i = 0; i < charts.size(); i++) {
                double[] s = sizes.get(i);
                charts.get(i).draw(g, new Rectangle2D.Double(0, y, s[0], s[1]));
                y += s[1];
            }
        };
        if (format == Format.PNG) {
            int w = (int) Math.round(width * PNG_SCALE);
            int h = (int) Math.round(height * PNG_SCALE);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(PNG_SCALE, PNG_SCALE);
            draw.accept(g);
            g.dispose();
            return out -> png(image, out);
        }
        byte[] bytes = vector(format, width, height, draw);
        return out -> AtomicFiles.writeBytes(out, stream -> stream.write(bytes));
    }

    /** An SVG or PDF document of what {@code draw} draws on a page of this size. */
    private static byte[] vector(Format format, double width, double height, Consumer<Graphics2D> draw) {
        if (format == Format.SVG) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            draw.accept(g);
            return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        }
        PDFDocument document = new PDFDocument();
        document.setTitle("Scorefield figure");
        PDFGraphics2D g = document.createPage(new Rectangle2D.Double(0, 0, width, height)).getGraphics2D();
        // Text as glyph outlines: PDF's standard fonts have no α, σ, η or subscripts.
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        draw.accept(g);
        return document.getPDFBytes();
    }

    private static void png(BufferedImage image, Path out) throws IOException {
        AtomicFiles.writeBytes(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("this Java has no PNG writer");
            }
        });
    }
}
