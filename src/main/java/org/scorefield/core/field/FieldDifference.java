package org.scorefield.core.field;

/**
 * Where a learned field departs from the exact one (docs/math.md §4: the oracle gives the exact score
 * and velocity of the data): the length of their difference at each cell.
 */
public final class FieldDifference {

    private FieldDifference() {
    }

    /** {@code |learned − exact|} per cell; both grids must share one {@link GridSpec}. */
    public static ScalarGrid magnitude(VectorGrid learned, VectorGrid exact) {
        if (!learned.spec().equals(exact.spec())) {
            throw new IllegalArgumentException("the fields lie on different grids: " + learned.spec() + " and "
                    + exact.spec());
        }
        double[] a = learned.values();
        double[] b = exact.values();
        double[] out = new double[a.length / 2];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.hypot(a[2 * k] - b[2 * k], a[2 * k + 1] - b[2 * k + 1]);
        }
        return new ScalarGrid(learned.spec(), out);
    }
}
