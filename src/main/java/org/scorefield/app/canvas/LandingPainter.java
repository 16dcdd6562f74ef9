package org.scorefield.app.canvas;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.scorefield.app.theme.Look;
import org.scorefield.core.sample.DenoisingLanding;

/**
 * Marks where each drawn denoising trajectory lands (docs/math.md §6.2): once the scrubber's t has
 * come down to a guess's landing time, a ringed dot in the denoised colour at the guess of that time,
 * labelled with it, on the paths of {@link FramePainter}'s denoised overlay.
 */
final class LandingPainter {

    private LandingPainter() {
    }

    static void paint(Pen g, List<DenoisingLanding.Landing> landings, double t, Look look, ScreenMapping m) {
        Look.Palette p = look.palette();
        double s = look.scale();
        double r = 5.5 * s;
        g.setFont(Font.font(null, FontWeight.BOLD, 12 * s));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        java.util.List<double[]> placed = new java.util.ArrayList<>();
        for (int k = 0; k < landings.size(); k++) {
            DenoisingLanding.Landing l = landings.get(k);
            if (t > l.denoisedTime()) {
                continue; // not landed yet at this t
            }
            double x = m.sx(l.landedAt()[0]);
            double y = m.sy(l.landedAt()[1]);
            g.setFill(p.background());
            g.fillOval(x - r - 2 * s, y - r - 2 * s, 2 * r + 4 * s, 2 * r + 4 * s);
            g.setFill(p.denoised());
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            // two guesses landing on one mode: the later label steps down below the earlier ones
            double ly = y;
            for (boolean moved = true; moved;) {
                moved = false;
                for (double[] at : placed) {
                    if (Math.abs(at[0] - x) < 90 * s && Math.abs(at[1] - ly) < 14 * s) {
                        ly = at[1] + 14 * s;
                        moved = true;
                    }
                }
            }
            placed.add(new double[] {x, ly});
            MeanShiftPainter.label(g, String.format(Locale.ROOT, "landed at t = %.2f", l.denoisedTime()),
                    x + r + 5 * s, ly, p.denoised(), p.background(), s);
        }
    }
}
