package org.scorefield.core.metric;

import java.util.Arrays;
import java.util.Locale;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.PointSet;

/**
 * Memorisation against a training set (docs/math.md §11.7): each sample's distance to its nearest
 * training point, their median, and the share of samples that copy a training point, i.e. lie
 * closer to one than
 *
 * <pre>
 *   δ = (1/3) · median_i min_{j ≠ i} ‖x⁽ⁱ⁾ − x⁽ʲ⁾‖
 * </pre>
 *
 * a third of the typical spacing of the training points themselves. The threshold scales with the
 * data, so it means the same for 16 points as for 16,384. For fresh samples of the distribution the
 * training points came from, where it is locally uniform in the plane, the share is
 * {@code 1 − 2^(−1/9) ≈ 0.074} ({@link #FRESH_PLANE}); the memorising oracle's samples, which are
 * training points up to the last step's noise, score about 1.
 *
 * <p>Exact duplicates in the training set count once (a point's spacing to its own copy would be 0).
 * Non-finite samples are at distance +∞: never copies, but counted in the share's denominator.
 * Build once per training set ({@link #against}) and measure as many sample sets as needed.
 */
public final class Memorisation {

    /** δ as a fraction of the median spacing of the training points. */
    public static final double COPY_FACTOR = 1.0 / 3;

    /**
     * The copy share of fresh samples where the data are locally a uniform (Poisson) scatter in the
     * plane: the spacing's median m has {@code πρm² = ln 2}, so {@code P(d < m/3) = 1 − e^{−ln 2/9}}.
     */
    public static final double FRESH_PLANE = 1 - Math.pow(2, -1.0 / 9);

    /**
     * The figures of one sample set.
     *
     * @param distances    each sample's distance to its nearest training point, in the samples' order
     * @param median       their median
     * @param threshold    δ, the copy threshold
     * @param copyFraction the share of samples closer than δ to a training point
     */
    public record Result(double[] distances, double median, double threshold, double copyFraction) {

        public Result {
            distances = distances.clone();
        }

        @Override
        public double[] distances() {
            return distances.clone();
        }

        /** The number of samples measured. */
        public int count() {
            return distances.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(distances, r.distances)
                    && Double.compare(median, r.median) == 0 && Double.compare(threshold, r.threshold) == 0
                    && Double.compare(copyFraction, r.copyFraction) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(distances) + Double.hashCode(median) + 7 * Double.hashCode(copyFraction);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Memorisation.Result[%d samples, median %.4g, δ %.4g, copies %.3f]",
                    distances.length, median, threshold, copyFraction);
        }
    }

    private final NearestNeighbours tree;
    private final double spacing;

    private Memorisation(NearestNeighbours tree, double spacing) {
        this.tree = tree;
        this.spacing = spacing;
    }

    /**
     * The yardstick of one training set: its nearest-neighbour tree and its spacing.
     *
     * @throws InvalidInputException if the set has fewer than two distinct points (no spacing)
     */
    public static Memorisation against(PointSet training) {
        double[] distinct = distinct(training.xy());
        InvalidInputException.require(distinct.length >= 4, "Memorisation compares samples with the spacing of "
                + "the training points, which needs two distinct points; this set has "
                + (distinct.length / 2) + ".");
        NearestNeighbours tree = new NearestNeighbours(distinct);
        int n = distinct.length / 2;
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            gaps[i] = tree.distanceToOthers(distinct[2 * i], distinct[2 * i + 1], i);
        }
        return new Memorisation(tree, Median.of(gaps));
    }

    /** Measures one sample set (interleaved coordinates) against the training set. */
    public Result of(double[] samples) {
        double[] d = tree.distances(samples);
        double delta = threshold();
        int copies = 0;
        for (double v : d) {
            if (v < delta) {
                copies++;
            }
        }
        return new Result(d, Median.of(d), delta, (double) copies / d.length);
    }

    /** Measures {@code samples} against {@code training} (one call of {@link #against} and {@link #of}). */
    public static Result of(double[] samples, PointSet training) {
        return against(training).of(samples);
    }

    /** The median distance from a training point to the nearest other one. */
    public double spacing() {
        return spacing;
    }

    /** δ = {@link #COPY_FACTOR} · spacing. */
    public double threshold() {
        return COPY_FACTOR * spacing;
    }

    /** The number of distinct training points. */
    public int trainingPoints() {
        return tree.size();
    }

    /** The points without exact duplicates, interleaved, in the order of first appearance. */
    static double[] distinct(double[] xy) {
        int n = xy.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(xy[2 * a], xy[2 * b]);
            c = c != 0 ? c : Double.compare(xy[2 * a + 1], xy[2 * b + 1]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        boolean[] keep = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            keep[i] = k == 0 || xy[2 * i] != xy[2 * order[k - 1]] || xy[2 * i + 1] != xy[2 * order[k - 1] + 1];
        }
        double[] out = new double[xy.length];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[2 * m] = xy[2 * i];
                out[2 * m + 1] = xy[2 * i + 1];
                m++;
            }
        }
        return Arrays.copyOf(out, 2 * m);
    }
}
