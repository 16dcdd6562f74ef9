package org.scorefield.app.headless;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.scilab.forge.jlatexmath.TeXIcon;
import org.scorefield.app.fx.HeadlessFx;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.theme.Look;
import org.scorefield.app.view.ExplorerView;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.session.Lesson;

/**
 * A lesson as a PDF handout, one landscape A4 page per scene: its name, the canvas as the window
 * shows it (built headless, the scene applied, sampled, snapshot at twice its size), the caption,
 * and the equations typeset as vectors with the scene's values filled in. Written atomically.
 */
public final class Handout {

    /** A4 landscape, in points. */
    static final double PAGE_WIDTH = 842;
    static final double PAGE_HEIGHT = 595;
    static final double MARGIN = 36;

    /** What was written. */
    public record Result(int pages, long bytes, double seconds) {
    }

    /** One scene as shown: its picture and its texts, equations filled in. */
    record Page(String name, String caption, List<String> equations, BufferedImage picture) {
    }

    private Handout() {
    }

    /** Shows every scene in a headless window of this size and writes the handout. */
    public static Result write(Lesson lesson, int width, int height, Look look, Path out) throws IOException {
        long started = System.nanoTime();
        List<Page> pages = new ArrayList<>();
        try (HeadlessWindow window = HeadlessWindow.open(width, height)) {
            ExplorerView view = window.view();
            ExplorerModel model = view.model();
            HeadlessFx.run(() -> {
                model.view().lookProperty().set(look);
                view.lessons().open(lesson);
            });
            for (int i = 0; i < lesson.scenes().size(); i++) {
                int k = i;
                HeadlessFx.run(() -> {
                    view.lessons().go(k);
                    view.scrubber().stop();
                    model.sampling().resample();
                });
                HeadlessFx.waitUntil("scene " + (k + 1), 120, () -> HeadlessFx.call(() -> model.jobs().idle()));
                Screenshot.settle();
                pages.add(HeadlessFx.call(() -> {
                    view.canvasArea().redraw();
                    SnapshotParameters p = new SnapshotParameters();
                    p.setTransform(Transform.scale(2, 2));
                    WritableImage image = view.canvasArea().snapshot(p, null);
                    Lesson.Scene scene = lesson.scenes().get(k);
                    return new Page(scene.name(), scene.caption(),
                            scene.equations().stream().map(view.lessons()::fill).toList(),
                            SwingFXUtils.fromFXImage(image, null));
                }));
            }
        }
        byte[] bytes = pdf(lesson.title(), pages);
        AtomicFiles.writeBytes(out, stream -> stream.write(bytes));
        return new Result(pages.size(), bytes.length, (System.nanoTime() - started) / 1e9);
    }

    /** The handout's bytes. */
    static byte[] pdf(String title, List<Page> pages) {
        PDFDocument document = new PDFDocument();
        document.setTitle(title);
        document.setAuthor("Scorefield");
        for (int i = 0; i < pages.size(); i++) {
            PDFGraphics2D g = document.createPage(new Rectangle2D.Double(0, 0, PAGE_WIDTH, PAGE_HEIGHT))
                    .getGraphics2D();
            // text as glyph outlines: PDF's standard fonts have no α, σ or subscripts
            g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
            page(g, title, pages.get(i), i + 1, pages.size());
        }
        return document.getPDFBytes();
    }

    private static void page(Graphics2D g, String title, Page page, int number, int of) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, PAGE_WIDTH, PAGE_HEIGHT));
        g.setColor(new Color(0x1b2230));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(page.name(), (float) MARGIN, (float) (MARGIN + 16));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        g.setColor(new Color(0x6f7786));
        g.drawString(title + "  \u00b7  scene " + number + " of " + of, (float) MARGIN, (float) (PAGE_HEIGHT - 18));

        // the picture on the left, as large as fits, its proportions kept
        double top = MARGIN + 32;
        double boxW = 0.62 * (PAGE_WIDTH - 2 * MARGIN);
        double boxH = PAGE_HEIGHT - top - MARGIN - 10;
        BufferedImage picture = page.picture();
        double k = Math.min(boxW / picture.getWidth(), boxH / picture.getHeight());
        double w = picture.getWidth() * k;
        double h = picture.getHeight() * k;
        g.drawImage(picture, (int) Math.round(MARGIN), (int) Math.round(top), (int) Math.round(w),
                (int) Math.round(h), null);

        // the caption and the equations on the right
        double x = MARGIN + w + 18;
        double width = PAGE_WIDTH - MARGIN - x;
        g.setColor(new Color(0x465061));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double y = top + 12;
        for (String line : wrap(page.caption(), g.getFontMetrics(), width)) {
            g.drawString(line, (float) x, (float) y);
            y += 16;
        }
        y += 14;
        for (String latex : page.equations()) {
            TeXIcon icon = org.scorefield.app.view.Equations.typeset(latex, 15);
            double scale = Math.min(1, width / Math.max(1, icon.getIconWidth()));
            Graphics2D e = (Graphics2D) g.create();
            e.translate(x, y);
            e.scale(scale, scale);
            icon.setForeground(new Color(0x1b2230));
            icon.paintIcon(null, e, 0, 0);
            e.dispose();
            y += icon.getIconHeight() * scale + 12;
        }
    }

    /** The text in lines no wider than {@code width}, broken between words. */
    static List<String> wrap(String text, FontMetrics metrics, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String tried = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(tried) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
