package org.scorefield.app.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.export.Figure;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.theme.Look;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An {@code x,y,label} file from Import… to the pixels of an exported figure: the classes of the file
 * are the classes of the data, of the frame the window composes, and of the colours it is painted in.
 */
@ExtendWith(ApplicationExtension.class)
class ImportedClassesTest {

    /** Four points in classes 0, 3, 6 and 7, on half-units clear of the grid lines and the key. */
    private static final String CSV = "x,y,label\n-2.5,-2.5,0\n-1.5,-2.5,3\n-0.5,-2.5,6\n1.5,-2.5,7\n";
    private static final int[] LABELS = {0, 3, 6, 7};
    /** A 400 × 400 figure over [−4, 4]²: world (x, y) lands on (200 + 50x, 200 − 50y). */
    private static final int SIZE = 400;

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    @Test
    void anImportedFilesClassesArePaintedInTheirClassColoursInBothThemes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("classes.csv");
        Files.writeString(file, CSV);
        model.importCsv(file);
        manual.runAll();
        assertArrayEquals(LABELS, model.data().data().points().labels(), "the file's labels are the data's");
        assertEquals("Imported 4 points from classes.csv.", model.messageProperty().get());

        model.view().showDataProperty().set(true);
        model.view().showSamplesProperty().set(false);
        model.view().showDensityProperty().set(false);
        CanvasFrame frame = new FrameComposer(model).shown(model.layers().recipe(false)).panes().get(0).at()
                .apply(0).frame();
        assertArrayEquals(LABELS, frame.labels(), "the composed frame colours the points by the file's classes");

        for (Look look : new Look[] {Look.DEFAULT, new Look(true, false)}) {
            BufferedImage png = Figure.render(frame, look, SIZE, SIZE, 1);
            Look.Palette p = look.palette();
            double[] xy = frame.particles();
            for (int i = 0; i < LABELS.length; i++) {
                Color expected = p.background().interpolate(p.classColor(LABELS[i]), 0.8);
                int argb = png.getRGB((int) Math.floor(200 + 50 * xy[2 * i]), (int) Math.floor(200 - 50 * xy[2 * i + 1]));
                assertClose(expected, argb, (look.dark() ? "dark" : "light") + ": point " + i + " of class " + LABELS[i]);
            }
        }
    }

    private static void assertClose(Color expected, int argb, String what) {
        int tol = 6; // premultiplied-alpha rounding in the software renderer
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        int er = (int) Math.round(expected.getRed() * 255);
        int eg = (int) Math.round(expected.getGreen() * 255);
        int eb = (int) Math.round(expected.getBlue() * 255);
        assertTrue(Math.abs(r - er) <= tol && Math.abs(g - eg) <= tol && Math.abs(b - eb) <= tol,
                String.format("%s: expected #%02x%02x%02x, painted #%02x%02x%02x", what, er, eg, eb, r, g, b));
    }
}
