package org.scorefield.core.data;

import java.util.Arrays;

/**
 * An immutable set of points in the plane, optionally labelled (for guidance).
 *
 * <p>Coordinates are stored interleaved, {@code x0, y0, x1, y1, …}: the layout every sampler,
 * oracle and metric of the core works on. Labels are non-negative integers; a set without labels
 * reports {@link #hasLabels()} false.
 */
public final class PointSet {

    private final double[] xy;
    private final int[] labels;

    private PointSet(double[] xy, int[] labels) {
        this.xy = xy;
        this.labels = labels;
    }

    /** Points from interleaved coordinates (copied). */
    public static PointSet of(double[] xy) {
        return of(xy, null);
    }

    /** Labelled points from interleaved coordinates and one label per point (both copied). */
    public static PointSet of(double[] xy, int[] labels) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("interleaved coordinates need an even length, got " + xy.length);
        }
        for (double v : xy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("point coordinates must be finite, got " + v);
            }
        }
        if (labels != null) {
            if (labels.length != xy.length / 2) {
                throw new IllegalArgumentException(
                        "one label per point: " + xy.length / 2 + " points but " + labels.length + " labels");
            }
            for (int label : labels) {
                if (label < 0) {
                    throw new IllegalArgumentException("labels are non-negative, got " + label);
                }
            }
        }
        return new PointSet(xy.clone(), labels == null ? null : labels.clone());
    }

    /** Takes ownership of arrays built by core code (no copy). */
    static PointSet wrap(double[] xy, int[] labels) {
        return new PointSet(xy, labels);
    }

    public int size() {
        return xy.length / 2;
    }

    public double x(int i) {
        return xy[2 * i];
    }

    public double y(int i) {
        return xy[2 * i + 1];
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The label of point i; 0 for an unlabelled set. */
    public int label(int i) {
        return labels == null ? 0 : labels[i];
    }

    /** A copy of the interleaved coordinates. */
    public double[] xy() {
        return xy.clone();
    }

    /** A copy of the labels, or null for an unlabelled set. */
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** Number of distinct labels (largest label + 1); 0 when unlabelled. */
    public int labelCount() {
        if (labels == null) {
            return 0;
        }
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    /** Mean of each coordinate: {@code {mean x, mean y}}. */
    public double[] mean() {
        double mx = 0;
        double my = 0;
        int n = size();
        for (int i = 0; i < n; i++) {
            mx += xy[2 * i];
            my += xy[2 * i + 1];
        }
        return new double[] {mx / n, my / n};
    }

    /** Standard deviation of each coordinate: {@code {std x, std y}}. */
    public double[] std() {
        double[] m = mean();
        double vx = 0;
        double vy = 0;
        int n = size();
        for (int i = 0; i < n; i++) {
            vx += (xy[2 * i] - m[0]) * (xy[2 * i] - m[0]);
            vy += (xy[2 * i + 1] - m[1]) * (xy[2 * i + 1] - m[1]);
        }
        return new double[] {Math.sqrt(vx / n), Math.sqrt(vy / n)};
    }

    /**
     * The largest distance between two points (used for VE's σ_max), exact in O(n log n): the
     * convex hull by Andrew's monotone chain, then rotating calipers over its vertices.
     */
    public double diameter() {
        int n = size();
        if (n < 2) {
            return 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> xy[2 * a] != xy[2 * b]
                ? Double.compare(xy[2 * a], xy[2 * b]) : Double.compare(xy[2 * a + 1], xy[2 * b + 1]));
        int[] hull = new int[2 * n];
        int h = 0;
        for (int k = 0; k < n; k++) { // lower chain, left to right
            while (h >= 2 && cross(hull[h - 2], hull[h - 1], order[k]) <= 0) {
                h--;
            }
            hull[h++] = order[k];
        }
        int lower = h + 1;
        for (int k = n - 2; k >= 0; k--) { // upper chain, right to left
            while (h >= lower && cross(hull[h - 2], hull[h - 1], order[k]) <= 0) {
                h--;
            }
            hull[h++] = order[k];
        }
        h--; // the first point closes the upper chain
        if (h < 2) {
            return Math.sqrt(distance2(order[0], order[n - 1]));
        }
        double best = 0;
        int j = 1;
        for (int i = 0; i < h; i++) {
            int next = (i + 1) % h;
            while (cross(hull[i], hull[next], hull[(j + 1) % h]) > cross(hull[i], hull[next], hull[j])) {
                j = (j + 1) % h;
            }
            best = Math.max(best, Math.max(distance2(hull[i], hull[j]), distance2(hull[next], hull[j])));
        }
        return Math.sqrt(best);
    }

    /** Twice the signed area of the triangle (a, b, c): positive when c lies left of a → b. */
    private double cross(int a, int b, int c) {
        return (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1])
                - (xy[2 * b + 1] - xy[2 * a + 1]) * (xy[2 * c] - xy[2 * a]);
    }

    private double distance2(int a, int b) {
        double dx = xy[2 * a] - xy[2 * b];
        double dy = xy[2 * a + 1] - xy[2 * b + 1];
        return dx * dx + dy * dy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointSet other && Arrays.equals(xy, other.xy) && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xy) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "PointSet[" + size() + " points" + (labels == null ? "" : ", " + labelCount() + " labels") + "]";
    }
}
