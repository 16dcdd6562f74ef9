package org.scorefield.core.schedule;

import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;

/**
 * The forward process applied to a point set, {@code x_t = α(t)·x0 + σ(t)·ε}, with one ε drawn per
 * point once and kept: scrubbing t moves each particle along its own smooth path from its data
 * point (t = 0) to its own prior sample (t = 1).
 */
public final class ForwardNoising {

    private final double[] data;
    private final double[] eps;

    /** Draws one ε per point from the seed. */
    public ForwardNoising(PointSet points, long seed) {
        this.data = points.xy();
        this.eps = new SeededRandom(seed).gaussianPoints(points.size());
    }

    public int size() {
        return data.length / 2;
    }

    /** The noised points at time t, interleaved. */
    public double[] at(Schedule schedule, double t) {
        double a = schedule.alpha(t);
        double s = schedule.sigma(t);
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a * data[i] + s * eps[i];
        }
        return out;
    }

    /** A copy of the fixed noise ε, interleaved. */
    public double[] noise() {
        return eps.clone();
    }
}
