package org.scorefield.app.canvas;

import javafx.scene.paint.Color;
import org.scorefield.app.theme.Look;

/**
 * 256-entry colour tables for heatmaps, blended into the theme's background so the lowest value
 * is the background itself and the ramp stays light enough for particles drawn on top to read.
 * The density ramps are sequential and perceptually ordered (a blue–violet ramp on white, viridis
 * on the dark theme); the difference ramps are warm (magma-like) so an error map never looks
 * like a density.
 */
final class HeatmapColors {

    static final int SIZE = 256;

    private static final Color[] DENSITY_LIGHT = {
        Color.web("#ffffff"), Color.web("#e6e9f4"), Color.web("#c9cfe8"), Color.web("#a9b0d8"), Color.web("#8a8fc4"),
    };
    /** viridis from 0 to 0.8: its yellow top would outshine the particles. */
    private static final Color[] DENSITY_DARK = {
        Color.web("#440154"), Color.web("#414487"), Color.web("#2a788e"), Color.web("#22a884"), Color.web("#7ad151"),
    };
    private static final Color[] DIFFERENCE_LIGHT = {
        Color.web("#ffffff"), Color.web("#fde0b2"), Color.web("#f9a66c"), Color.web("#e0603f"), Color.web("#a8324a"),
    };
    private static final Color[] DIFFERENCE_DARK = {
        Color.web("#3b0f4f"), Color.web("#8c2981"), Color.web("#de4968"), Color.web("#fe9f6d"), Color.web("#fcfdbf"),
    };

    /** The two arms of the diverging ramp, from 0 outwards (RdBu's ends; lighter on the dark theme). */
    private static final Color[] BELOW_LIGHT = {Color.web("#d1e5f0"), Color.web("#67a9cf"), Color.web("#2166ac")};
    private static final Color[] ABOVE_LIGHT = {Color.web("#fddbc7"), Color.web("#ef8a62"), Color.web("#b2182b")};
    private static final Color[] BELOW_DARK = {Color.web("#2166ac"), Color.web("#4393c3"), Color.web("#92c5de")};
    private static final Color[] ABOVE_DARK = {Color.web("#b2182b"), Color.web("#d6604d"), Color.web("#f4a582")};

    private HeatmapColors() {
    }

    /** The diverging table: index SIZE/2 the background (0), blue below, red above, stronger further out. */
    private static int[] diverging(Look look) {
        Color bg = look.palette().background();
        Color[] below = look.dark() ? BELOW_DARK : BELOW_LIGHT;
        Color[] above = look.dark() ? ABOVE_DARK : ABOVE_LIGHT;
        int[] lut = new int[SIZE];
        for (int k = 0; k < SIZE; k++) {
            double d = 2 * k / (SIZE - 1.0) - 1;
            double a = Math.abs(d);
            Color c = ramp(d < 0 ? below : above, a);
            lut[k] = argb(bg.interpolate(c, Math.min(1, 1.6 * a) * 0.95));
        }
        return lut;
    }

    /** Pre-blended opaque ARGB colours, index 0 = lowest value. */
    static int[] table(HeatmapStyle style, Look look) {
        if (style.diverging()) {
            return diverging(look);
        }
        Color bg = look.palette().background();
        Color[] stops;
        double strength; // how far the top of the ramp is blended from the background
        if (style.densityRamp()) {
            stops = look.dark() ? DENSITY_DARK : DENSITY_LIGHT;
            strength = look.dark() ? 0.42 : 0.85;
        } else {
            stops = look.dark() ? DIFFERENCE_DARK : DIFFERENCE_LIGHT;
            strength = look.dark() ? 0.75 : 0.9;
        }
        int[] lut = new int[SIZE];
        for (int k = 0; k < SIZE; k++) {
            double v = k / (SIZE - 1.0);
            Color c = ramp(stops, v);
            // The weight grows from 0: the low end fades into the background instead of showing a frame.
            double w = strength * Math.min(1, 4 * v);
            lut[k] = argb(bg.interpolate(c, w));
        }
        return lut;
    }

    /** The colour at v ∈ [0, 1] of a ramp of equally spaced stops. */
    static Color ramp(Color[] stops, double v) {
        double pos = Math.max(0, Math.min(1, v)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        return stops[i].interpolate(stops[i + 1], pos - i);
    }

    static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
