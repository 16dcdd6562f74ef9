package org.scorefield.core.flow;

import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.AffineMixture;
import org.scorefield.core.denoise.AffineMixture.Components;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;

/**
 * The {@link FlowOracle} between two Gaussian mixtures, evaluated pair by pair (docs/math.md §4.3 and §4.6):
 * data and source are each a mixture (a preset's components, data points of zero covariance, or
 * source points smoothed at a bandwidth h), and every pair (i, j) of components is one Gaussian of
 * x_t, so x̂0, the score and p_t are exact sums over all pairs ({@link AffineMixture} with
 * α = 1 − t, σ = t). Every call costs {@link #pairs()} terms per point.
 */
final class MixtureFlowOracle implements FlowOracle {

    private final AffineMixture pairs;
    /** Whether the data are points, whose x_t is a Dirac mass at t = 0. */
    private final boolean pointData;
    private final boolean gaussianSource;
    private final int sourcePoints;
    private final double bandwidth;
    /** Each end's common isotropic variance when every component of it has equal weight and vI covariance; else NaN. */
    private final double dataVariance;
    private final double sourceVariance;

    /**
     * The pairs of these two ends; a source known by points also gives how many points it was
     * smoothed from and at which bandwidth (0 and NaN for a mixture or N(0, I) source).
     */
    MixtureFlowOracle(Components data, boolean pointData, Components source, int sourcePoints, double bandwidth) {
        this.pairs = new AffineMixture(data, source, LinearPathTime.SCHEDULE);
        this.pointData = pointData;
        this.gaussianSource = source.isStandardNormal();
        this.sourcePoints = sourcePoints;
        this.bandwidth = bandwidth;
        this.dataVariance = data.commonVariance();
        this.sourceVariance = source.commonVariance();
    }

    @Override
    public int sourcePoints() {
        return sourcePoints;
    }

    @Override
    public double bandwidth() {
        return bandwidth;
    }

    @Override
    public int pairs() {
        return pairs.pairs();
    }

    @Override
    public boolean gaussianNoise() {
        return gaussianSource;
    }

    @Override
    public double sourceLogDensity(double x, double y) {
        return pairs.other().logDensity(x, y);
    }

    /** t checked, and raised to the linear schedule's tMin() for point data. */
    private double clamp(double t) {
        return pointData ? LinearPathTime.raised(t) : LinearPathTime.checked(t);
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        return pairs.denoise(xt, clamp(t));
    }

    @Override
    public double[] score(double[] xt, double t) {
        return pairs.score(xt, clamp(t));
    }

    @Override
    public double[] logDensity(double[] xt, double t) {
        return pairs.logDensity(xt, clamp(t));
    }

    /**
     * log p_t at every cell centre. When all pairs share one weight and one covariance cI (points or
     * equal round modes at each end, the usual case) p_t is the memorised-points density of the
     * pair centres at bandwidth √c, which {@link ExactDensity} sums on a grid as one matrix product.
     */
    @Override
    public ScalarGrid logDensityGrid(GridSpec spec, double time) {
        if (Double.isNaN(dataVariance) || Double.isNaN(sourceVariance)) {
            return FlowOracle.super.logDensityGrid(spec, time);
        }
        double t = clamp(time);
        double a = 1 - t;
        double c = a * a * dataVariance + t * t * sourceVariance;
        double[] centres = pairs.centres(t);
        return ExactDensity.logDensityGrid(PointSet.of(centres), 1, Math.sqrt(c), spec);
    }
}
