package org.scorefield.core.metric;

import java.util.Arrays;

/** The median of a set of figures, as the memorisation measure and the window's captions report it. */
public final class Median {

    private Median() {
    }

    /**
     * The middle value of {@code values} (the mean of the middle two for an even count; +∞ sorts last,
     * NaN after it). The array is not changed.
     */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
