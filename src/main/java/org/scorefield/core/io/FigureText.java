package org.scorefield.core.io;

import java.util.Locale;

/**
 * A figure as text for the screen: formatted as asked when it is a finite number, "n/a" otherwise, so
 * that a ratio over a floor of 0 (data on a single point) or the median of mostly non-finite distances
 * never shows as "NaN" or "Infinity".
 */
public final class FigureText {

    /** What a figure that is not a finite number shows as. */
    public static final String NOT_AVAILABLE = "n/a";

    private FigureText() {
    }

    /**
     * {@code String.format(Locale.ROOT, format, value)}, or {@value #NOT_AVAILABLE} when the value is NaN
     * or infinite.
     *
     * @param format one conversion for a double, e.g. {@code "%.2f"}
     */
    public static String of(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : NOT_AVAILABLE;
    }
}
