package org.scorefield.core.field;

import java.util.Arrays;

/**
 * A 2D vector field sampled at the cell centres of a {@link GridSpec}: the score ∇log p_t or the
 * PF-ODE velocity of docs/math.md §3.2/§6.3, as a plot draws it.
 *
 * <p>{@code values} is interleaved {@code vx, vy} per cell in the grid's index order (row-major
 * from the bottom-left). The record takes the array as it is (no copy): whoever builds a grid hands
 * it over and does not write to it again, so a grid can cross threads as an immutable snapshot.
 * Equality of the array component is identity, which is what a cache keyed by the grid wants.
 *
 * @param spec   the grid
 * @param values {@code 2·nx·ny} numbers
 */
public record VectorGrid(GridSpec spec, double[] values) {

    public VectorGrid {
        if (values.length != 2 * spec.size()) {
            throw new IllegalArgumentException(
                    "a " + spec.nx() + " × " + spec.ny() + " vector grid needs " + 2 * spec.size() + " values, got "
                            + values.length);
        }
    }

    /** The x component at cell (i, j). */
    public double vx(int i, int j) {
        return values[2 * spec.index(i, j)];
    }

    /** The y component at cell (i, j). */
    public double vy(int i, int j) {
        return values[2 * spec.index(i, j) + 1];
    }

    /** The largest finite vector length (0 when none is finite). */
    public double magnitudeMax() {
        double max = 0;
        for (int k = 0; k < values.length; k += 2) {
            double m = Math.hypot(values[k], values[k + 1]);
            if (Double.isFinite(m) && m > max) {
                max = m;
            }
        }
        return max;
    }

    /**
     * The p-th percentile ({@code 0 ≤ p ≤ 100}) of the finite vector lengths, by linear
     * interpolation between order statistics; 0 when none is finite.
     */
    public double magnitudePercentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile lies in [0, 100], got " + p);
        }
        double[] m = new double[values.length / 2];
        int n = 0;
        for (int k = 0; k < values.length; k += 2) {
            double v = Math.hypot(values[k], values[k + 1]);
            if (Double.isFinite(v)) {
                m[n++] = v;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(m, 0, n);
        double pos = p / 100 * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return m[lo] + (pos - lo) * (m[hi] - m[lo]);
    }

    /**
     * The bilinear interpolation of the field at (x, y) into {@code out[0..1]}. Between the outermost
     * cell centres and the grid's edge the edge cells' gradient is extended linearly, so a field that
     * is linear in x and y is reproduced exactly everywhere in the rectangle.
     *
     * @return false, leaving out unchanged, when (x, y) lies outside the rectangle or the
     *         interpolated vector is not finite
     */
    public boolean sample(double x, double y, double[] out) {
        if (!spec.contains(x, y)) {
            return false;
        }
        int nx = spec.nx();
        double fx = (x - spec.xMin()) / spec.dx() - 0.5;
        double fy = (y - spec.yMin()) / spec.dy() - 0.5;
        int i0 = Math.max(0, Math.min(nx - 2, (int) Math.floor(fx)));
        int j0 = Math.max(0, Math.min(spec.ny() - 2, (int) Math.floor(fy)));
        double u = fx - i0;
        double v = fy - j0;
        int k00 = 2 * (j0 * nx + i0);
        int k10 = k00 + 2;
        int k01 = k00 + 2 * nx;
        int k11 = k01 + 2;
        double w00 = (1 - u) * (1 - v);
        double w10 = u * (1 - v);
        double w01 = (1 - u) * v;
        double w11 = u * v;
        double sx = w00 * values[k00] + w10 * values[k10] + w01 * values[k01] + w11 * values[k11];
        double sy = w00 * values[k00 + 1] + w10 * values[k10 + 1] + w01 * values[k01 + 1] + w11 * values[k11 + 1];
        if (!(Double.isFinite(sx) && Double.isFinite(sy))) {
            return false;
        }
        out[0] = sx;
        out[1] = sy;
        return true;
    }
}
