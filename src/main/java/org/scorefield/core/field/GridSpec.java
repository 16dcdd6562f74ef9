package org.scorefield.core.field;

/**
 * A regular grid of {@code nx × ny} cells over the rectangle {@code [xMin, xMax] × [yMin, yMax]},
 * on which fields and densities are evaluated (docs/math.md §4 oracles, §6.3 velocity). Values live at
 * cell centres, {@code x_i = xMin + (i + ½)·Δx}, {@code y_j = yMin + (j + ½)·Δy}; cell {@code (i, j)}
 * has index {@code j·nx + i}, row-major from the bottom-left, so a grid of values drawn as an image
 * covers exactly the rectangle.
 *
 * @param xMin left edge
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 * @param nx   cells across (at least 2)
 * @param ny   cells up (at least 2)
 */
public record GridSpec(double xMin, double xMax, double yMin, double yMax, int nx, int ny) {

    public GridSpec {
        if (nx < 2 || ny < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 cells per side, got " + nx + " × " + ny);
        }
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))) {
            throw new IllegalArgumentException("grid bounds must be finite");
        }
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException(
                    "grid bounds need min < max, got [" + xMin + ", " + xMax + "] × [" + yMin + ", " + yMax + "]");
        }
    }

    /** The square {@code [−half, half]²} with n × n cells. */
    public static GridSpec square(double half, int n) {
        return new GridSpec(-half, half, -half, half, n, n);
    }

    /** Number of cells. */
    public int size() {
        return nx * ny;
    }

    /** Cell width Δx. */
    public double dx() {
        return (xMax - xMin) / nx;
    }

    /** Cell height Δy. */
    public double dy() {
        return (yMax - yMin) / ny;
    }

    /** x of the centres of column i. */
    public double x(int i) {
        return xMin + (i + 0.5) * dx();
    }

    /** y of the centres of row j (row 0 at the bottom). */
    public double y(int j) {
        return yMin + (j + 0.5) * dy();
    }

    /** The index {@code j·nx + i} of cell (i, j). */
    public int index(int i, int j) {
        return j * nx + i;
    }

    /** Whether (x, y) lies in the closed rectangle. */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }

    /** Every cell centre, interleaved {@code x, y} in index order: one batch for one NFE. */
    public double[] points() {
        double[] xy = new double[2 * size()];
        for (int j = 0, k = 0; j < ny; j++) {
            double y = y(j);
            for (int i = 0; i < nx; i++, k += 2) {
                xy[k] = x(i);
                xy[k + 1] = y;
            }
        }
        return xy;
    }
}
