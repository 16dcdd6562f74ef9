package org.scorefield.core.field;

/**
 * A scalar sampled at the cell centres of a {@link GridSpec}, in its index order: a log-density
 * log p_t (docs/math.md §4.5) or the error between two fields, as a heatmap draws it.
 *
 * <p>The record takes the array as it is (no copy) and its owner does not write to it again; equality
 * of the array is identity, so a painter can cache the image of one grid instance.
 * Non-finite entries (for example log 0) are allowed and ignored by {@link #min()} and {@link #max()}.
 *
 * @param spec   the grid
 * @param values {@code nx·ny} numbers
 */
public record ScalarGrid(GridSpec spec, double[] values) {

    public ScalarGrid {
        if (values.length != spec.size()) {
            throw new IllegalArgumentException(
                    "a " + spec.nx() + " × " + spec.ny() + " grid needs " + spec.size() + " values, got " + values.length);
        }
    }

    /** The value at cell (i, j). */
    public double value(int i, int j) {
        return values[spec.index(i, j)];
    }

    /** The smallest finite value, NaN when none is finite. */
    public double min() {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && v < min) {
                min = v;
            }
        }
        return min == Double.POSITIVE_INFINITY ? Double.NaN : min;
    }

    /** The largest finite value, NaN when none is finite. */
    public double max() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && v > max) {
                max = v;
            }
        }
        return max == Double.NEGATIVE_INFINITY ? Double.NaN : max;
    }
}
