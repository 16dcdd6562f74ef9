package org.scorefield.core.metric;

/**
 * Checks shared by the metrics on interleaved point arrays ({@code x0, y0, x1, y1, …}), so that a
 * malformed array fails with a message naming the metric instead of an index error deep in a loop.
 */
final class InterleavedPoints {

    private InterleavedPoints() {
    }

    /** The number of points in {@code xy}; throws if it is null, odd-length or empty. */
    static int count(double[] xy, String metric, String role) {
        if (xy == null) {
            throw new IllegalArgumentException(metric + ": the " + role + " points are null");
        }
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException(metric + ": interleaved 2D points need an even length, the "
                    + role + " array has " + xy.length);
        }
        if (xy.length == 0) {
            throw new IllegalArgumentException(metric + ": the " + role + " sample is empty");
        }
        return xy.length / 2;
    }

    /** The common number of points of two arrays that must be paired or sorted against each other. */
    static int equalCount(double[] a, double[] b, String metric) {
        int n = count(a, metric, "first");
        int m = count(b, metric, "second");
        if (n != m) {
            throw new IllegalArgumentException(metric + " compares samples of equal size, got " + n + " and " + m
                    + " points");
        }
        return n;
    }
}
