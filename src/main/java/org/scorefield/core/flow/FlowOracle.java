package org.scorefield.core.flow;

import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.AffineMixture.Components;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.schedule.LinearFlow;
import org.scorefield.core.schedule.Schedule;

/**
 * The exact oracle of flow matching from any source (docs/math.md §4.6 and §8.3): the linear path
 * {@code x_t = (1−t)·x0 + t·x1} with {@code x0 ~ data} and {@code x1 ~ source} drawn independently,
 * when the source is not N(0, I) (from N(0, I) this is the mixture or memorising oracle under the
 * linear schedule, and those classes serve).
 *
 * <p>Both ends are Gaussian mixtures: a mixture preset is its own components, a data point is a
 * component of zero covariance, and a source given only by points is a kernel density estimate of
 * a fixed sample of them (Scott's bandwidth {@link #bandwidth()}, {@link #sourcePoints()} points).
 * Each pair of components (i, j) is then one Gaussian of x_t, and everything is exact:
 * <pre>
 *   x_t | (i, j) ~ N(m, C),   m = (1−t) μ_i + t ν_j,   C = (1−t)² Σ_i + t² S_j
 *   r_ij(x) ∝ π_i ρ_j N(x; m, C)                         (the posterior of the pair)
 *   p_t(x)  = Σ π_i ρ_j N(x; m, C)
 *   x̂0(x)  = E[x0 | x_t = x] = Σ r_ij · [μ_i + (1−t) Σ_i C⁻¹ (x − m)]
 *   ŝ(x)   = ∇log p_t(x) = Σ r_ij · [−C⁻¹ (x − m)]
 *   û(x)   = E[x1 − x0 | x_t = x] = (x − x̂0)/t             (the marginal velocity)
 * </pre>
 * The velocity is the {@link Denoiser#velocity} of x̂0 under {@link LinearFlow} (α = 1 − t, σ = t,
 * with "ε̂" = E[x1 | x_t]), so every deterministic solver samples this oracle as it samples a
 * model. The score is not Tweedie's {@code (α x̂0 − x)/σ²}, which assumes Gaussian x1, so it is
 * computed directly; and since x1 is not Gaussian noise, no reverse SDE of the linear schedule has
 * these marginals ({@link #gaussianNoise()} is false).
 *
 * <p>Two oracles compute this, and {@link #of} picks one from the kinds of data and source:
 * <ul>
 *   <li>{@link MixtureFlowOracle} sums every pair for every point ({@link #pairs()} terms). For
 *       mixture data a source known by points takes as many points as keep the pairs within
 *       {@link #PAIR_BUDGET} (from {@link #MIN_SOURCE_POINTS} to {@link #MAX_SOURCE_POINTS}).</li>
 *   <li>{@link TabulatedSourceFlowOracle} serves point data from a source known by points, where
 *       the pairs would be N·M terms: the source's smoothed density is tabulated once
 *       ({@link SourceTable}, {@value #TABLE_SOURCE_POINTS} points) and each data point costs one
 *       look-up, {@code w_i ∝ p_1((x − (1−t) a_i)/t)}, exact up to the table's interpolation.</li>
 * </ul>
 */
public sealed interface FlowOracle extends Denoiser permits MixtureFlowOracle, TabulatedSourceFlowOracle {

    /** Points of a source known by points that are smoothed and tabulated for point data. */
    int TABLE_SOURCE_POINTS = 2048;
    /** Pairs of components a source known by points is sized to, for mixture data. */
    int PAIR_BUDGET = 8192;
    /** Fewest points of a point source. */
    int MIN_SOURCE_POINTS = 16;
    /** Most points of a point source. */
    int MAX_SOURCE_POINTS = 1024;
    /** The seed of the fixed sample of a point source, so that the oracle is one function. */
    long SOURCE_SEED = 0x5EED_50C3L;

    /**
     * The oracle of data (its mixture when it has one, else its points) carried from a source:
     * tabulated exactly when the data are points and the source is known only by points, pair by
     * pair otherwise.
     *
     * @param mixture the data's analytic mixture, or empty to use the points
     * @param points  the data points (used when there is no mixture)
     * @param source  the flow's source; N(0, I) is allowed and gives the usual oracle's values
     */
    static FlowOracle of(Optional<GaussianMixture> mixture, PointSet points, FlowSource source) {
        InvalidInputException.require(mixture.isPresent() || points.size() > 0,
                "The flow oracle needs data points or a mixture.");
        Components data = mixture.map(Components::of).orElseGet(() -> Components.points(points, 0));
        boolean pointData = mixture.isEmpty();
        if (source.isGaussian()) {
            return new MixtureFlowOracle(data, pointData, Components.standardNormal(), 0, Double.NaN);
        }
        DataDistribution d = source.distribution().orElseThrow();
        if (d.mixture().isPresent()) {
            return new MixtureFlowOracle(data, pointData, Components.of(d.mixture().get()), 0, Double.NaN);
        }
        if (pointData) {
            PointSet sample = sourceSample(d, TABLE_SOURCE_POINTS);
            return new TabulatedSourceFlowOracle(points, sample, scottBandwidth(sample));
        }
        PointSet sample = sourceSample(d, Math.max(MIN_SOURCE_POINTS, Math.min(MAX_SOURCE_POINTS,
                PAIR_BUDGET / data.size())));
        double h = scottBandwidth(sample);
        return new MixtureFlowOracle(data, pointData, Components.points(sample, h * h), sample.size(), h);
    }

    /**
     * Point data from these source points smoothed at Scott's bandwidth: tabulated (as {@link #of}
     * does for point data) or pair by pair (exact for the smoothed points). It exists so that the
     * two oracles can be compared on one source; {@link #of} is the way to build an oracle.
     */
    static FlowOracle fromSourcePoints(PointSet data, PointSet sample, boolean tabulate) {
        double h = scottBandwidth(sample);
        return tabulate ? new TabulatedSourceFlowOracle(data, sample, h)
                : new MixtureFlowOracle(Components.points(data, 0), true, Components.points(sample, h * h),
                        sample.size(), h);
    }

    /** m points of the source from {@link #SOURCE_SEED}, or all of drawn points when they are no more. */
    private static PointSet sourceSample(DataDistribution d, int m) {
        return d instanceof EmpiricalDistribution e && e.points().size() <= m ? e.points() : d.sample(m, SOURCE_SEED);
    }

    /**
     * Scott's rule in two dimensions, {@code h = n^(−1/6)·(s_x + s_y)/2} (Scott 1992, eq. 6.42),
     * with a floor of 0.05 for a source whose points coincide.
     */
    private static double scottBandwidth(PointSet points) {
        double[] std = points.std();
        double spread = 0.5 * (std[0] + std[1]);
        return Math.max(0.05, Math.pow(points.size(), -1.0 / 6) * spread);
    }

    /** The linear schedule, α = 1 − t and σ = t. */
    @Override
    default Schedule schedule() {
        return LinearPathTime.SCHEDULE;
    }

    /**
     * Whether x1 is independent N(0, I) noise: only from the standard normal. From any other source
     * the reverse SDE of the linear schedule does not have these marginals.
     */
    @Override
    boolean gaussianNoise();

    /** The score is computed exactly, not by Tweedie's formula. */
    @Override
    default boolean hasScore() {
        return true;
    }

    /** The exact score ∇log p_t (not Tweedie's: x1 is not Gaussian). */
    @Override
    double[] score(double[] xt, double t);

    /** The marginal velocity (x − x̂0)/t, at t ≥ the linear schedule's tMin() (it is 0/0 at t = 0). */
    @Override
    default double[] velocity(double[] xt, double t) {
        return Denoiser.super.velocity(xt, LinearPathTime.raised(t));
    }

    /** How many points of a point source the oracle smooths (0 for a mixture or N(0, I) source). */
    int sourcePoints();

    /** The smoothing bandwidth of a point source (NaN for a mixture or N(0, I) source). */
    double bandwidth();

    /** Terms per evaluated point: pairs of components, or data points when the source is tabulated. */
    int pairs();

    /** The source's log-density at a point, as this oracle sees it (the smoothed one for points). */
    double sourceLogDensity(double x, double y);

    /** The exact log-density log p_t at each point (one value per point). */
    double[] logDensity(double[] xt, double t);

    /** log p_t at every cell centre: {@link #logDensity} of the centres, unless an oracle knows a faster sum. */
    default ScalarGrid logDensityGrid(GridSpec spec, double time) {
        return new ScalarGrid(spec, logDensity(spec.points(), time));
    }
}
