package org.scorefield.app.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis whose ticks are round numbers a room can read: the densest of 1–9, 1-2-3-5-7, 1-2-5,
 * 1-3 or 1 per decade, or every 2nd, 3rd, 5th, 10th… decade, whose labels do not crowd each other
 * in the space the axis has. An axis spanning less than one such step falls back to evenly spaced
 * round values, and an axis too short for two labels to a single round value. JFreeChart's own choice steps by fractions of a decade, giving labels such as
 * 6.3, 7.9 and 13, and its labels read "1E-5".
 */
final class DecadeLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    private static final double[][] MANTISSAS = {
        {1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 5, 7}, {1, 2, 5}, {1, 3}, {1}};
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final int[] DECADE_STEPS = {2, 3, 5, 10, 20, 50, 100};

    DecadeLogAxis(String label) {
        super(label);
        setSmallestValue(1e-300);
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        return ticks(g2, dataArea, edge, anchor, false);
    }

    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        return ticks(g2, dataArea, edge, anchor, true);
    }

    private List<NumberTick> ticks(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge, TextAnchor anchor,
            boolean vertical) {
        double lo = getRange().getLowerBound();
        double hi = getRange().getUpperBound();
        List<NumberTick> out = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return out;
        }
        FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
        List<Double> chosen = null;
        for (double[] mantissas : MANTISSAS) {
            List<Double> values = roundValues(lo, hi, mantissas, 1);
            if (values.size() >= 2 && fits(values, metrics, dataArea, edge, vertical)) {
                chosen = values;
                break;
            }
        }
        for (int i = 0; chosen == null && i < DECADE_STEPS.length; i++) {
            List<Double> values = roundValues(lo, hi, MANTISSAS[MANTISSAS.length - 1], DECADE_STEPS[i]);
            if (values.size() >= 2 && fits(values, metrics, dataArea, edge, vertical)) {
                chosen = values;
            }
        }
        for (int count = vertical ? 3 : 4; chosen == null && count >= 2; count--) {
            List<Double> values = evenlySpaced(lo, hi, count);
            if (values.size() >= 2 && fits(values, metrics, dataArea, edge, vertical)) {
                chosen = values;
            }
        }
        if (chosen == null) {
            // Too little room for two labels: one round value near the middle still gives the scale.
            chosen = List.of(middleValue(lo, hi));
        }
        for (double v : chosen) {
            out.add(new NumberTick(TickType.MAJOR, v, label(v), anchor, anchor, 0.0));
        }
        return out;
    }

    /** {@code m·10^k} for each mantissa m and each k divisible by {@code decadeStep}, within [lo, hi]. */
    private static List<Double> roundValues(double lo, double hi, double[] mantissas, int decadeStep) {
        List<Double> values = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(lo)) - 1;
        int last = (int) Math.ceil(Math.log10(hi)) + 1;
        for (int k = first; k <= last; k++) {
            if (Math.floorMod(k, decadeStep) != 0) {
                continue;
            }
            for (double m : mantissas) {
                double v = BigDecimal.valueOf(m).scaleByPowerOfTen(k).doubleValue();
                if (v >= lo && v <= hi) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    /** Whether neighbouring labels keep clear of each other. */
    private boolean fits(List<Double> values, FontMetrics metrics, Rectangle2D dataArea, RectangleEdge edge,
            boolean vertical) {
        double previous = Double.NaN;
        double previousHalfWidth = 0;
        for (double v : values) {
            double at = valueToJava2D(v, dataArea, edge);
            double halfWidth = metrics.stringWidth(label(v)) / 2.0;
            if (!Double.isNaN(previous)) {
                double needed = vertical ? 1.6 * metrics.getHeight()
                        : previousHalfWidth + halfWidth + 0.8 * metrics.getHeight();
                if (Math.abs(at - previous) < needed) {
                    return false;
                }
            }
            previous = at;
            previousHalfWidth = halfWidth;
        }
        return true;
    }

    /** About {@code count} evenly spaced values at a 1-2-5 step, for an axis narrower than 1-to-2. */
    private static List<Double> evenlySpaced(double lo, double hi, int count) {
        double raw = (hi - lo) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 2 ? 2 : raw / magnitude < 5 ? 5 : 10);
        List<Double> values = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
            values.add(BigDecimal.valueOf(v).round(new MathContext(12)).doubleValue());
        }
        return values;
    }

    /** The roundest value in [lo, hi] closest to its geometric middle. */
    private static double middleValue(double lo, double hi) {
        double middle = Math.sqrt(lo * hi);
        for (double[] mantissas : new double[][] {MANTISSAS[4], MANTISSAS[2], MANTISSAS[0]}) {
            List<Double> values = roundValues(lo, hi, mantissas, 1);
            if (!values.isEmpty()) {
                double best = values.get(0);
                for (double v : values) {
                    if (Math.abs(Math.log(v / middle)) < Math.abs(Math.log(best / middle))) {
                        best = v;
                    }
                }
                return best;
            }
        }
        return BigDecimal.valueOf(middle).round(new MathContext(2)).doubleValue();
    }

    private String label(double v) {
        return getNumberFormatOverride() != null ? getNumberFormatOverride().format(v) : roundLabel(v);
    }

    /**
     * The label of one tick value: decimals from 0.0001 to about 30 000 ("0.0001", "0.316", "100"), powers
     * of ten beyond with superscript exponents ("10⁻⁵", "10⁶"), otherwise a mantissa ("4.5·10⁻⁷");
     * never computer notation such as "4.5E-7".
     */
    static String roundLabel(double value) {
        if (!Double.isFinite(value) || value <= 0) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        double exponent = Math.log10(value);
        long decade = Math.round(exponent);
        boolean powerOfTen = Math.abs(exponent - decade) < 1e-9;
        if (exponent > -4.01 && exponent < 4.5) {
            BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
            return rounded.stripTrailingZeros().toPlainString();
        }
        if (powerOfTen) {
            return "10" + superscript(decade);
        }
        long floor = (long) Math.floor(exponent);
        double mantissa = value / Math.pow(10, floor);
        String digits = BigDecimal.valueOf(mantissa).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        return digits + "·10" + superscript(floor);
    }

    private static String superscript(long exponent) {
        StringBuilder sb = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs(exponent)).toCharArray()) {
            sb.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return sb.toString();
    }
}
