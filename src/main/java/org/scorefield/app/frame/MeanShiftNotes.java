package org.scorefield.app.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scorefield.core.denoise.MeanShiftProbe;
import org.scorefield.core.metric.Median;
import org.scorefield.core.sample.DenoisingLanding;

/**
 * The canvas's text beside the mean-shift view (docs/math.md §6.4) and the denoising-vs-sampling
 * mode (§6.2): the figures of the reading and the formulas they come from, in short lines two spaces
 * apart so that a narrow pane wraps them rather than shrinking the title.
 */
public final class MeanShiftNotes {

    private MeanShiftNotes() {
    }

    /**
     * "t = 0.300  ·  bandwidth σ/α = 0.6124", the top weight and 1/Σw² (the effective number of points),
     * the formula of the weights and the step (the picture labels the two guesses itself).
     *
     * @param modelNote why a trained model's guess is not shown, or null
     */
    public static List<String> readout(MeanShiftProbe p, String modelNote) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "t = %.3f  \u00b7  bandwidth \u03c3/\u03b1 = %s  \u00b7  top weight %.3f  "
                + "\u00b7  1/\u03a3w\u00b2 = %s", p.t(), bandwidth(p.shift().bandwidth()), p.shift().topWeight(),
                effective(p.shift().effectivePoints())));
        out.add("x\u0302\u2080 = \u03a3 w\u1d62 x\u1d62,   w\u1d62 \u221d exp(\u2212\u2016x\u209c/\u03b1 \u2212 x\u1d62\u2016\u00b2"
                + " / 2(\u03c3/\u03b1)\u00b2)");
        out.add(String.format(Locale.ROOT, "DDIM step to t\u2032 = %.3f:   x\u0303\u2032 = %.2f\u00b7x\u209c/\u03b1 + "
                + "%.2f\u00b7x\u0302\u2080", p.tNext(), 1 - p.fraction(), p.fraction()));
        if (p.learned() == null && modelNote != null) {
            out.add(modelNote);
        }
        return out;
    }

    /** The bandwidth to four significant digits, as the readout shows it. */
    public static String bandwidth(double h) {
        return String.format(Locale.ROOT, "%.4g", h);
    }

    private static String effective(double n) {
        return n < 10 ? String.format(Locale.ROOT, "%.2f", n) : String.format(Locale.ROOT, "%,.0f", n);
    }

    /**
     * "x̂₀ lands (stays within 0.10 of its end) at t = 0.08  ·  x_t at t = 0.04  (medians of 5 paths)": the medians over the
     * drawn particles of the two landing times.
     */
    static String landing(List<DenoisingLanding.Landing> landings) {
        if (landings.isEmpty()) {
            return null;
        }
        double[] den = landings.stream().mapToDouble(DenoisingLanding.Landing::denoisedTime).toArray();
        double[] pos = landings.stream().mapToDouble(DenoisingLanding.Landing::sampleTime).toArray();
        return String.format(Locale.ROOT, "x\u0302\u2080 lands (stays within %.2f of its end) at t = %.2f  \u00b7  "
                + "x\u209c at t = %.2f  (medians of %d paths)", DenoisingLanding.TOLERANCE, Median.of(den), Median.of(pos),
                landings.size());
    }
}
