package org.scorefield.core.metric;

/**
 * A metric's value for a model next to its {@link NoiseFloor} at the same sample size (docs/math.md §11.3).
 *
 * @param value the metric between the model's samples and a data sample
 * @param floor the same metric between two independent data samples of that size
 */
public record MetricWithFloor(double value, double floor) {

    /**
     * value / floor: about 1 when the model is as close to the data as a second data sample is,
     * larger when it is worse. Infinite (or NaN when the value is 0 too) if the floor is 0, which
     * happens only for data concentrated on a single point.
     */
    public double ratio() {
        return value / floor;
    }
}
