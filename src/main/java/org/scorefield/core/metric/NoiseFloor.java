package org.scorefield.core.metric;

import org.scorefield.core.random.SeededRandom;

/**
 * The noise floor of a metric (docs/math.md §11.3): the same metric between two independent samples of
 * the data, of the same size as the samples being judged.
 *
 * <p>Two finite samples of one distribution are never at distance 0, so a model's score means
 * nothing on its own: SW2 between perfect samples and the data is about the floor, not 0. A model
 * is only as good as its ratio to the floor ({@link MetricWithFloor#ratio()}); a ratio near 1 is
 * as good as the sample size can tell.
 *
 * <p>The floor is a mean over {@code repeats} independent pairs, to steady it. Repeat r compares
 * the samples drawn with seeds
 *
 * <pre>
 *   SeededRandom.derive(seed, "floor-a-" + r)   and   SeededRandom.derive(seed, "floor-b-" + r)
 * </pre>
 *
 * so the floor is reproducible from the one seed a user sees.
 */
public final class NoiseFloor {

    /** Repeats used when none is given: the mean's standard error is one pair's over √5 ≈ 2.2. */
    public static final int DEFAULT_REPEATS = 5;

    private NoiseFloor() {
    }

    /** The floor with {@link #DEFAULT_REPEATS} repeats. */
    public static double of(Metric metric, PointSampler data, int n, long seed) {
        return of(metric, data, n, seed, DEFAULT_REPEATS);
    }

    /** The mean over {@code repeats} of the metric between two independent data samples of size n. */
    public static double of(Metric metric, PointSampler data, int n, long seed, int repeats) {
        if (n < 1) {
            throw new IllegalArgumentException("a noise floor needs samples of at least one point, got n = " + n);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("a noise floor needs at least one repeat, got " + repeats);
        }
        double total = 0;
        for (int r = 0; r < repeats; r++) {
            double[] a = draw(data, n, SeededRandom.derive(seed, "floor-a-" + r));
            double[] b = draw(data, n, SeededRandom.derive(seed, "floor-b-" + r));
            total += metric.distance(a, b);
        }
        return total / repeats;
    }

    /**
     * A model's samples judged against the data, with the floor beside them. The value is the mean
     * of the metric between the samples and {@link #DEFAULT_REPEATS} fresh data samples of the same
     * size, drawn with {@code SeededRandom.derive(seed, "reference-" + r)} (independent of the
     * floor's samples); the floor is {@link #of(Metric, PointSampler, int, long)} at that size and
     * seed. Averaging both over the same number of draws keeps their ratio steady: one reference
     * draw alone moved the ratio of exact samples between 0.5 and 1.9 from seed to seed.
     */
    public static MetricWithFloor measure(Metric metric, double[] samples, PointSampler data, long seed) {
        int n = InterleavedPoints.count(samples, "noise floor", "model");
        return new MetricWithFloor(value(metric, samples, data, seed), of(metric, data, n, seed));
    }

    /**
     * The value half of {@link #measure}: the mean of the metric between the samples and
     * {@link #DEFAULT_REPEATS} fresh data samples of their size. The floor depends only on the data,
     * the size and the seed, so a caller judging several sample sets of one size and seed (the two
     * runs of a side-by-side view) can compute it once and pair it with each value.
     */
    public static double value(Metric metric, double[] samples, PointSampler data, long seed) {
        int n = InterleavedPoints.count(samples, "noise floor", "model");
        double total = 0;
        for (int r = 0; r < DEFAULT_REPEATS; r++) {
            total += metric.distance(samples, draw(data, n, SeededRandom.derive(seed, "reference-" + r)));
        }
        return total / DEFAULT_REPEATS;
    }

    private static double[] draw(PointSampler data, int n, long seed) {
        double[] xy = data.sample(n, seed);
        if (xy == null || xy.length != 2 * n) {
            throw new IllegalStateException("the data sampler was asked for " + n + " points and returned "
                    + (xy == null ? "null" : xy.length + " numbers instead of " + 2 * n));
        }
        return xy;
    }
}
