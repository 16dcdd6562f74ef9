package org.scorefield.app.export;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.scene.paint.Color;
import org.scorefield.app.theme.Look;

/** The colours the lab paints with, in both themes: the GIF palette holds each of them exactly. */
final class ExportColors {

    /** How many entries of the GIF's 256 the lab's colours may take: the rest is a colour cube and greys. */
    static final int MAX_COLOURS = 40;
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
            for (int i = 0; i < p.classes().length; i++) {
                colors.add(rgb(p.classColor(i)));
            }
        }
        if (colors.size() > MAX_COLOURS) {
            // never cut silently: a class colour past the limit would be dithered in every GIF
            throw new IllegalStateException(colors.size() + " lab colours, more than the GIF palette keeps ("
                    + MAX_COLOURS + ")");
        }
        return colors.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
