package org.scorefield.core.metric;

/**
 * A discrepancy between two point clouds in the plane (docs/math.md §11), each given as interleaved
 * coordinates {@code x0, y0, x1, y1, …}. {@code SlicedWasserstein::distance} and
 * {@code EnergyDistance::distance} are Metrics; {@link NoiseFloor} takes any of them.
 *
 * <p>Implementations return 0 for identical clouds and never use hidden randomness, so the same
 * two arrays always give the same number.
 */
@FunctionalInterface
public interface Metric {

    /** The discrepancy between the samples {@code a} and {@code b}. */
    double distance(double[] a, double[] b);
}
