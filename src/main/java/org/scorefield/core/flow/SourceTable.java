package org.scorefield.core.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;

/**
 * The log-density of a source known by points, as a kernel density estimate
 * {@code p_1(z) = (1/M) Σ_j N(z; b_j, h² I)} tabulated once on a fine grid and read back bilinearly,
 * so that the flow oracle of point data pays one look-up per data point instead of one term per
 * pair of points (docs/math.md §4.7: with data points a_i, x_t = x is reached from a_i by exactly one
 * source point, so {@code w_i ∝ p_1((x − (1−t) a_i)/t)}).
 *
 * <p>The grid covers the points and {@value #MARGIN}h around them, {@value #CELLS}² cells, so a cell
 * is a small fraction of h and the interpolation error of log p_1 is about {@code Δ²/(8h²)} (below
 * 10⁻² for every preset). Beyond it log p_1 is continued by its second-order expansion from the
 * nearest border point z̄, with the curvature of one kernel:
 * {@code log p_1(z) ≈ L(z̄) + ∇L(z̄)·(z − z̄) − ‖z − z̄‖²/(2h²)}. That is exact for a single kernel
 * in every direction, and so far from the points (at least {@value #MARGIN}h) the nearest kernels
 * are what the sum is made of.
 */
final class SourceTable {

    /** Cells along each side of the table. */
    static final int CELLS = 384;
    /** Bandwidths of margin around the points. */
    static final int MARGIN = 12;
    private static final int CACHED = 4;
    /** Tables of recent sources: building one costs a fraction of a second, and oracles are made per job. */
    private static final Map<Key, SourceTable> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SourceTable> eldest) {
            return size() > CACHED;
        }
    };

    private record Key(PointSet points, double bandwidth) {
    }

    private final double x0;
    private final double y0;
    private final double dx;
    private final double dy;
    private final int nx;
    private final int ny;
    private final double[] log;
    /** ∂L/∂x and ∂L/∂y at the cell centres, by central differences (one-sided at the border). */
    private final double[] gradX;
    private final double[] gradY;
    private final double inv2h2;
    private final double invH2;

    private SourceTable(PointSet points, double h) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < points.size(); i++) {
            lo[0] = Math.min(lo[0], points.x(i));
            hi[0] = Math.max(hi[0], points.x(i));
            lo[1] = Math.min(lo[1], points.y(i));
            hi[1] = Math.max(hi[1], points.y(i));
        }
        double margin = MARGIN * h;
        // cell centres run from the lower corner to the upper one
        GridSpec spec = new GridSpec(lo[0] - margin, hi[0] + margin, lo[1] - margin, hi[1] + margin, CELLS, CELLS);
        ScalarGrid grid = ExactDensity.logDensityGrid(points, 1, h, spec);
        this.nx = spec.nx();
        this.ny = spec.ny();
        this.x0 = spec.x(0);
        this.y0 = spec.y(0);
        this.dx = spec.x(1) - spec.x(0);
        this.dy = spec.y(1) - spec.y(0);
        this.log = grid.values();
        this.gradX = new double[log.length];
        this.gradY = new double[log.length];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int left = Math.max(0, i - 1);
                int right = Math.min(nx - 1, i + 1);
                gradX[j * nx + i] = (log[j * nx + right] - log[j * nx + left]) / ((right - left) * dx);
                int below = Math.max(0, j - 1);
                int above = Math.min(ny - 1, j + 1);
                gradY[j * nx + i] = (log[above * nx + i] - log[below * nx + i]) / ((above - below) * dy);
            }
        }
        this.inv2h2 = 0.5 / (h * h);
        this.invH2 = 1 / (h * h);
    }

    /** The table of these points at bandwidth h (built once for recent sources). */
    static SourceTable of(PointSet points, double h) {
        Key key = new Key(points, h);
        synchronized (RECENT) {
            SourceTable t = RECENT.get(key);
            if (t != null) {
                return t;
            }
        }
        SourceTable made = new SourceTable(points, h);
        synchronized (RECENT) {
            RECENT.put(key, made);
        }
        return made;
    }

    /** log p_1 at (x, y). */
    double logDensity(double x, double y) {
        return evaluate(x, y, null);
    }

    /**
     * log p_1 at (x, y), and its gradient into {@code gradient[0..1]} when it is not null: the
     * interpolated central differences on the table, the expansion's beyond it.
     */
    double evaluate(double x, double y, double[] gradient) {
        double fx = (x - x0) / dx;
        double fy = (y - y0) / dy;
        double cx = Math.max(0, Math.min(nx - 1, fx));
        double cy = Math.max(0, Math.min(ny - 1, fy));
        int i = Math.min(nx - 2, (int) cx);
        int j = Math.min(ny - 2, (int) cy);
        double u = cx - i;
        double v = cy - j;
        double l00 = log[j * nx + i];
        double l10 = log[j * nx + i + 1];
        double l01 = log[(j + 1) * nx + i];
        double l11 = log[(j + 1) * nx + i + 1];
        double value = (1 - u) * (1 - v) * l00 + u * (1 - v) * l10 + (1 - u) * v * l01 + u * v * l11;
        // the gradient from the nodes' central differences, interpolated the same way: second-order
        // accurate (the slope of the bilinear value is constant across a cell, first order only)
        int k = j * nx + i;
        double gx = (1 - u) * (1 - v) * gradX[k] + u * (1 - v) * gradX[k + 1] + (1 - u) * v * gradX[k + nx]
                + u * v * gradX[k + nx + 1];
        double gy = (1 - u) * (1 - v) * gradY[k] + u * (1 - v) * gradY[k + 1] + (1 - u) * v * gradY[k + nx]
                + u * v * gradY[k + nx + 1];
        // z − z̄, zero on the table. Beyond it the gradient is the expansion's with z̄ held fixed; in the
        // side bands z̄ slides along the border, which this leaves out (it is exact for one kernel).
        double ox = (fx - cx) * dx;
        double oy = (fy - cy) * dy;
        if (ox != 0 || oy != 0) {
            value += gx * ox + gy * oy - (ox * ox + oy * oy) * inv2h2;
            gx -= ox * invH2;
            gy -= oy * invH2;
        }
        if (gradient != null) {
            gradient[0] = gx;
            gradient[1] = gy;
        }
        return value;
    }
}
