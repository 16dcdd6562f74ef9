package org.scorefield.app.export;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.scene.paint.Color;
import org.scorefield.app.theme.Look;

/** The colours the lab paints with, in both themes: the GIF palette holds each of them exactly. */
final class ExportColors {

    private static final int[] LAB = collect();

    private ExportColors() {
    }

    /** Every distinct colour of the light and dark palettes, as 0xRRGGBB. */
    static int[] lab() {
        return LAB.clone();
    }

    private static int[] collect() {
        Set<Integer> colors = new LinkedHashSet<>();
        for (Look.Palette p : new Look.Palette[] {Look.Palette.LIGHT, Look.Palette.DARK}) {
            for (Color c : new Color[] {p.background(), p.grid(), p.axis(), p.text(), p.mutedText(), p.field(),
                p.ode(), p.sde(), p.denoised(), p.accent()}) {
                colors.add(rgb(c));
            }
            for (int i = 0; i < 6; i++) {
                colors.add(rgb(p.classColor(i)));
            }
        }
        return colors.stream().mapToInt(Integer::intValue).limit(40).toArray();
    }

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
