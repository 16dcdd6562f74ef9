package org.scorefield.core.schedule;

import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;

/**
 * The forward process applied to a point set, {@code x_t = α(t)·x0 + σ(t)·ε}, with one ε drawn per
 * point once and kept (or, for a flow from another source, one source point per data point): scrubbing t moves each particle along its own smooth path from its data
 * point (t = 0) to its own prior sample (t = 1). {@link #along} puts the points on Brownian paths of the
 * forward SDE instead (docs/math.md §1.4), which have the same marginals at every t.
 */
public final class ForwardNoising {

    private final double[] data;
    private final double[] eps;
    /** Brownian paths of the forward SDE the points follow instead, under their schedule; or null. */
    private final ForwardSdePaths brownian;

    /** Draws one ε per point from the seed. */
    public ForwardNoising(PointSet points, long seed) {
        this(points.xy(), new SeededRandom(seed).gaussianPoints(points.size()));
    }

    private ForwardNoising(double[] data, double[] ends) {
        this(data, ends, null);
    }

    private ForwardNoising(double[] data, double[] ends, ForwardSdePaths brownian) {
        this.data = data;
        this.eps = ends;
        this.brownian = brownian;
    }

    /**
     * The same points along Brownian paths of the forward SDE (docs/math.md §1.4) under the paths'
     * schedule: {@link #at} follows them under that schedule and the fixed-ε paths under any other.
     * Both have the marginals N(α·x0, σ²I) at every t.
     */
    public ForwardNoising along(ForwardSdePaths paths) {
        if (paths.size() != size()) {
            throw new IllegalArgumentException("need one path per point: " + size() + " points, " + paths.size()
                    + " paths");
        }
        return new ForwardNoising(data, eps, paths);
    }

    /** The Brownian paths the points follow under their schedule, if any. */
    public java.util.Optional<ForwardSdePaths> brownian() {
        return java.util.Optional.ofNullable(brownian);
    }

    /**
     * Each point carried to its own given end x1 instead of Gaussian noise: under the linear path
     * (α = 1 − t, σ = t) that is flow matching's {@code x_t = (1−t)·x0 + t·x1} from another source
     * (docs/math.md §8.1).
     *
     * @param ends one end per point, interleaved
     */
    public static ForwardNoising toEnds(PointSet points, double[] ends) {
        if (ends.length != 2 * points.size()) {
            throw new IllegalArgumentException("need one end per point: " + points.size() + " points, "
                    + ends.length / 2 + " ends");
        }
        return new ForwardNoising(points.xy(), ends.clone());
    }

    public int size() {
        return data.length / 2;
    }

    /** The noised points at time t, interleaved: on the Brownian paths under their schedule, else fixed-ε. */
    public double[] at(Schedule schedule, double t) {
        if (brownian != null && brownian.schedule().equals(schedule)) {
            return brownian.at(t);
        }
        double a = schedule.alpha(t);
        double s = schedule.sigma(t);
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a * data[i] + s * eps[i];
        }
        return out;
    }

    /** A copy of the fixed noise ε (or the given ends), interleaved. */
    public double[] noise() {
        return eps.clone();
    }
}
