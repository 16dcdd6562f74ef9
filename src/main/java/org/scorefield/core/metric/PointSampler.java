package org.scorefield.core.metric;

/**
 * A seeded source of samples from a fixed distribution: what {@link NoiseFloor} needs to draw two
 * independent data samples. Any data distribution fits through a lambda, for example
 * {@code (n, seed) -> distribution.sample(n, seed).xy()}.
 */
@FunctionalInterface
public interface PointSampler {

    /**
     * {@code n} points as interleaved coordinates ({@code 2n} numbers). The same {@code (n, seed)}
     * must give the same points, and different seeds independent ones.
     */
    double[] sample(int n, long seed);
}
