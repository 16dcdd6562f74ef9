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

    /**
     * The largest coordinate a file or a user may give, in either direction. Squared distances of
     * such points, the networks' float32 inputs and every metric stay finite; the window's views
     * span a few units.
     */
    public static final double MAX_COORDINATE = 1e6;
    /** {@link #MAX_COORDINATE} as messages print it. */
    public static final String MAX_COORDINATE_TEXT = "1,000,000";

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
