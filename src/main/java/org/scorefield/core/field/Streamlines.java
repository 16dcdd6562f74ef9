package org.scorefield.core.field;

import java.util.ArrayList;
import java.util.List;

/**
 * Evenly spaced streamlines of a vector field, after matplotlib's {@code streamplot}: curves that
 * follow the field's direction everywhere, so the eye reads the flow of the score or of the PF-ODE
 * velocity (docs/math.md §6.3) rather than a forest of arrows.
 *
 * <p>The rectangle is divided into {@code seedsPerSide × seedsPerSide} occupancy cells. Seeds are
 * the cell centres, visited ring by ring from the boundary inwards (deterministic, no randomness);
 * from every seed whose cell is still free a line is integrated forwards and backwards with the
 * midpoint rule (RK2) on the normalised bilinear field, {@code dx/ds = v/|v|}, so a step of
 * {@code stepLength} advances that far along the curve whatever the field's magnitude. A line stops
 * at the rectangle's edge, where the field vanishes (below 10⁻⁹ of its largest length) or is not
 * finite, where its direction turns back (a step across a source or sink), after {@code maxSteps} steps each way, or on entering a cell some line (itself included)
 * already crossed; that keeps lines about one cell apart and closes orbits after one turn.
 */
public final class Streamlines {

    /** Relative magnitude below which the field counts as zero (a fixed point). */
    private static final double ZERO = 1e-9;

    private final VectorGrid field;
    private final GridSpec spec;
    private final int side;
    private final double step;
    private final int maxSteps;
    private final double zero;
    private final boolean[] occupied;
    private final double[] v = new double[2];

    private Streamlines(VectorGrid field, int side, double step, int maxSteps) {
        this.field = field;
        this.spec = field.spec();
        this.side = side;
        this.step = step;
        this.maxSteps = maxSteps;
        this.zero = ZERO * field.magnitudeMax();
        this.occupied = new boolean[side * side];
    }

    /**
     * Traces the streamlines of a field.
     *
     * @param seedsPerSide occupancy cells per side (line spacing ≈ width / seedsPerSide), at least 2
     * @param stepLength   integration step in world units, positive
     * @param maxSteps     steps per direction from a seed, at least 1
     * @return polylines, each interleaved {@code x0, y0, x1, y1, …} in the direction of the field
     */
    public static List<double[]> trace(VectorGrid field, int seedsPerSide, double stepLength, int maxSteps) {
        if (seedsPerSide < 2) {
            throw new IllegalArgumentException("need at least 2 seeds per side, got " + seedsPerSide);
        }
        if (!(stepLength > 0) || !Double.isFinite(stepLength)) {
            throw new IllegalArgumentException("the step length must be positive, got " + stepLength);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
        }
        return new Streamlines(field, seedsPerSide, stepLength, maxSteps).all();
    }

    private List<double[]> all() {
        List<double[]> lines = new ArrayList<>();
        if (!(field.magnitudeMax() > 0)) {
            return lines;
        }
        for (int cell : seedOrder(side)) {
            if (occupied[cell]) {
                continue;
            }
            double sx = spec.xMin() + (cell % side + 0.5) * (spec.xMax() - spec.xMin()) / side;
            double sy = spec.yMin() + (cell / side + 0.5) * (spec.yMax() - spec.yMin()) / side;
            if (!direction(sx, sy, 1)) {
                continue;
            }
            occupied[cell] = true;
            Polyline backward = integrate(sx, sy, cell, -1);
            Polyline forward = integrate(sx, sy, cell, 1);
            int n = backward.size + 1 + forward.size;
            if (n < 3) {
                continue;
            }
            double[] line = new double[2 * n];
            int k = 0;
            for (int p = backward.size - 1; p >= 0; p--) {
                line[k++] = backward.xy[2 * p];
                line[k++] = backward.xy[2 * p + 1];
            }
            line[k++] = sx;
            line[k++] = sy;
            System.arraycopy(forward.xy, 0, line, k, 2 * forward.size);
            lines.add(line);
        }
        return lines;
    }

    /** Steps from (x, y) along sign·v/|v| until a stop condition; the start point is not included. */
    private Polyline integrate(double x, double y, int cell, int sign) {
        Polyline out = new Polyline();
        double px = 0;
        double py = 0;
        for (int s = 0; s < maxSteps; s++) {
            // Midpoint rule: half a step along the direction here, the full step along the direction there.
            if (!direction(x, y, sign)) {
                break;
            }
            double kx = v[0];
            double ky = v[1];
            double mx = x + 0.5 * step * kx;
            double my = y + 0.5 * step * ky;
            if (!direction(mx, my, sign)) {
                break;
            }
            // The direction turning back means the step crossed a source or sink: the line ends there.
            if (kx * v[0] + ky * v[1] < 0 || (s > 0 && px * v[0] + py * v[1] < 0)) {
                break;
            }
            px = v[0];
            py = v[1];
            double nx = x + step * v[0];
            double ny = y + step * v[1];
            if (!spec.contains(nx, ny)) {
                break;
            }
            int next = cellOf(nx, ny);
            if (next != cell) {
                if (occupied[next]) {
                    break;
                }
                occupied[next] = true;
                cell = next;
            }
            out.add(nx, ny);
            x = nx;
            y = ny;
        }
        return out;
    }

    /** Puts the unit vector sign·v/|v| at (x, y) into v; false outside, non-finite or at a zero. */
    private boolean direction(double x, double y, int sign) {
        if (!field.sample(x, y, v)) {
            return false;
        }
        double m = Math.hypot(v[0], v[1]);
        if (!(m > zero)) {
            return false;
        }
        v[0] = sign * v[0] / m;
        v[1] = sign * v[1] / m;
        return true;
    }

    private int cellOf(double x, double y) {
        int i = (int) ((x - spec.xMin()) / (spec.xMax() - spec.xMin()) * side);
        int j = (int) ((y - spec.yMin()) / (spec.yMax() - spec.yMin()) * side);
        return Math.min(side - 1, Math.max(0, j)) * side + Math.min(side - 1, Math.max(0, i));
    }

    /** Cell indices ring by ring from the boundary inwards, each ring counter-clockwise from its bottom-left. */
    static int[] seedOrder(int side) {
        int[] order = new int[side * side];
        int k = 0;
        for (int r = 0; r < (side + 1) / 2; r++) {
            int lo = r;
            int hi = side - 1 - r;
            if (lo == hi) {
                order[k++] = lo * side + lo;
                break;
            }
            for (int i = lo; i < hi; i++) {
                order[k++] = lo * side + i; // bottom, left to right
            }
            for (int j = lo; j < hi; j++) {
                order[k++] = j * side + hi; // right, upwards
            }
            for (int i = hi; i > lo; i--) {
                order[k++] = hi * side + i; // top, right to left
            }
            for (int j = hi; j > lo; j--) {
                order[k++] = j * side + lo; // left, downwards
            }
        }
        return order;
    }

    /** A growable list of points. */
    private static final class Polyline {
        double[] xy = new double[64];
        int size;

        void add(double x, double y) {
            if (2 * size + 2 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, 2 * xy.length);
            }
            xy[2 * size] = x;
            xy[2 * size + 1] = y;
            size++;
        }
    }
}
