package org.scorefield.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scorefield.app.canvas.CanvasFrame;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.settings.Settings;
import org.scorefield.app.theme.Look;
import org.scorefield.core.sample.Trajectories;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One colour per class, the same in every view and export: each of the eight classes the window
 * brushes and guides to has a colour of its own in both themes, the GIF palette holds every one of
 * them exactly, and an exported figure paints data points and guided samples of class c in the
 * colour the window's palette gives c.
 */
@ExtendWith(ApplicationExtension.class)
class ClassColoursTest {

    /** The figure is 400 × 400 over [−4, 4]²: world (x, y) lands on (200 + 50x, 200 − 50y). */
    private static final int SIZE = 400;

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    @Test
    void everyClassTheWindowOffersHasAColourOfItsOwnInBothThemes() {
        for (Look.Palette p : new Look.Palette[] {Look.Palette.LIGHT, Look.Palette.DARK}) {
            assertEquals(Settings.MAX_CLASSES, p.classes().length);
            for (int a = 0; a < Settings.MAX_CLASSES; a++) {
                // WCAG contrast against the canvas: Okabe–Ito's orange on white (2.2) is the faintest allowed
                assertTrue(contrast(p.classColor(a), p.background()) >= 2.2,
                        "class " + a + " stands out from the background: " + contrast(p.classColor(a), p.background()));
                for (int b = a + 1; b < Settings.MAX_CLASSES; b++) {
                    double de = deltaE(p.classColor(a), p.classColor(b));
                    // the closest pair of the original six is sky blue and blue in the dark theme, 17.8
                    assertTrue(de > 17, "classes " + a + " and " + b + " differ by ΔE " + de);
                }
            }
        }
    }

    @Test
    void theGifPaletteHoldsEveryClassColourOfBothThemesExactly() {
        int[] lab = ExportColors.lab();
        assertTrue(lab.length <= ExportColors.MAX_COLOURS, lab.length + " colours");
        for (Look.Palette p : new Look.Palette[] {Look.Palette.LIGHT, Look.Palette.DARK}) {
            for (int c = 0; c < Settings.MAX_CLASSES; c++) {
                int rgb = rgb(p.classColor(c));
                assertTrue(Arrays.stream(lab).anyMatch(v -> v == rgb),
                        String.format("class %d's 0x%06x is one of the GIF's exact colours", c, rgb));
            }
        }
    }

    @Test
    void anExportedFigurePaintsEachClassOfDataAndOfGuidedSamplesInItsPaletteColour() {
        int n = Settings.MAX_CLASSES;
        double[] data = new double[2 * n];
        double[][] heads = new double[2][2 * n]; // recorded at t = 1 and t = 0, at the same spot
        int[] classes = new int[n];
        for (int c = 0; c < n; c++) {
            data[2 * c] = -3.5 + c;
            data[2 * c + 1] = -2.5;
            for (double[] at : heads) {
                at[2 * c] = -3.5 + c;
                at[2 * c + 1] = -1.5;
            }
            classes[c] = c;
        }
        Trajectories samples = new Trajectories(new double[] {1, 0}, heads, null);
        CanvasFrame frame = CanvasFrame.points(data, classes)
                .withTrajectories(samples, 0, 0, TrajectoryRole.ODE).withHeadClasses(classes);
        for (Look look : new Look[] {Look.DEFAULT, new Look(true, false), new Look(false, true), new Look(true, true)}) {
            BufferedImage png = Figure.render(frame, look, SIZE, SIZE, 1);
            Look.Palette p = look.palette();
            for (int c = 0; c < n; c++) {
                Color data0 = p.background().interpolate(p.classColor(c), 0.8); // data points at 0.8 opacity
                Color head = p.background().interpolate(p.classColor(c), 0.85); // sample heads at 0.85
                assertClose(data0, png.getRGB(sx(-3.5 + c), sy(-2.5)), look + ": data of class " + c);
                assertClose(head, png.getRGB(sx(-3.5 + c), sy(-1.5)), look + ": guided sample of class " + c);
            }
        }
    }

    private static int sx(double x) {
        return (int) Math.floor(SIZE / 2.0 + 50 * x);
    }

    private static int sy(double y) {
        return (int) Math.floor(SIZE / 2.0 - 50 * y);
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

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** WCAG 2 relative luminance. */
    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** CIE76 colour difference in CIELAB (D65). */
    private static double deltaE(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    private static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
