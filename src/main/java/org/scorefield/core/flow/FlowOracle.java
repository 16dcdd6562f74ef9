package org.scorefield.core.flow;

import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.AffineMixture;
import org.scorefield.core.denoise.AffineMixture.Components;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.PointChunks;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.schedule.LinearFlow;
import org.scorefield.core.schedule.Schedule;

/**
 * The exact oracle of flow matching from any source (MATH.md §4 and §8): the linear path
 * {@code x_t = (1−t)·x0 + t·x1} with {@code x0 ~ data} and {@code x1 ~ source} drawn independently,
 * when the source is not N(0, I) (from N(0, I) this is the mixture or memorising oracle under the
 * linear schedule, and those classes serve).
 *
 * <p>Both ends are Gaussian mixtures: a mixture preset is its own components, a data point is a
 * component of zero covariance, and a source given only by points is a kernel density estimate of
 * a fixed sample of them (Scott's bandwidth {@link #bandwidth()}, {@link #sourcePoints()} points).
 * Each pair of components (i, j) is then one Gaussian of x_t, and everything is exact
 * ({@link AffineMixture} with α = 1 − t, σ = t):
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
 * <p>Cost: every call evaluates all pairs for every point ({@link #pairs()} terms). For point data
 * from a source known by points that would be N·M terms, so there the source's smoothed density
 * is tabulated once ({@link SourceTable}, {@value #TABLE_SOURCE_POINTS} points) and each data point
 * costs one look-up: {@code w_i ∝ p_1((x − (1−t) a_i)/t)}, exact up to the table's interpolation.
 * For mixture data a point source takes as many points as keep the pairs within
 * {@link #PAIR_BUDGET} (from {@link #MIN_SOURCE_POINTS} to {@link #MAX_SOURCE_POINTS}).
 */
public final class FlowOracle implements Denoiser {

    /** Points of a source known by points that are smoothed and tabulated for point data. */
    public static final int TABLE_SOURCE_POINTS = 2048;
    /** Pairs of components a source known by points is sized to, for mixture data. */
    public static final int PAIR_BUDGET = 8192;
    /** Fewest points of a point source. */
    public static final int MIN_SOURCE_POINTS = 16;
    /** Most points of a point source. */
    public static final int MAX_SOURCE_POINTS = 1024;
    /** The seed of the fixed sample of a point source, so that the oracle is one function. */
    public static final long SOURCE_SEED = 0x5EED_50C3L;

    private final AffineMixture pairs;
    private final boolean pointData;
    private final boolean gaussianSource;
    private final int sourcePoints;
    private final double bandwidth;
    private final Schedule schedule = new LinearFlow();
    /** Each end's common isotropic variance when every component of it has equal weight and vI covariance; else NaN. */
    private final double dataVariance;
    private final double sourceVariance;

    /** Point data from a source known by points: the tabulated source density, and the data points. */
    private final SourceTable table;
    private final double[] ax;
    private final double[] ay;

    private FlowOracle(Components data, boolean pointData, Components source, int sourcePoints, double bandwidth) {
        this.pairs = new AffineMixture(data, source, schedule);
        this.pointData = pointData;
        this.gaussianSource = source.isStandardNormal();
        this.sourcePoints = sourcePoints;
        this.bandwidth = bandwidth;
        this.dataVariance = data.commonVariance();
        this.sourceVariance = source.commonVariance();
        this.table = null;
        this.ax = null;
        this.ay = null;
    }

    private FlowOracle(PointSet data, PointSet sourceSample, double bandwidth) {
        this.pairs = null;
        this.pointData = true;
        this.gaussianSource = false;
        this.sourcePoints = sourceSample.size();
        this.bandwidth = bandwidth;
        this.dataVariance = Double.NaN;
        this.sourceVariance = Double.NaN;
        this.table = SourceTable.of(sourceSample, bandwidth);
        this.ax = new double[data.size()];
        this.ay = new double[data.size()];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = data.x(i);
            ay[i] = data.y(i);
        }
    }

    /**
     * The oracle of data (its mixture when it has one, else its points) carried from a source.
     *
     * @param mixture the data's analytic mixture, or empty to use the points
     * @param points  the data points (used when there is no mixture)
     * @param source  the flow's source; N(0, I) is allowed and gives the usual oracle's values
     */
    public static FlowOracle of(Optional<GaussianMixture> mixture, PointSet points, FlowSource source) {
        InvalidInputException.require(mixture.isPresent() || points.size() > 0,
                "The flow oracle needs data points or a mixture.");
        Components data = mixture.map(Components::of).orElseGet(() -> Components.points(points, 0));
        boolean pointData = mixture.isEmpty();
        if (source.isGaussian()) {
            return new FlowOracle(data, pointData, Components.standardNormal(), 0, Double.NaN);
        }
        DataDistribution d = source.distribution().orElseThrow();
        if (d.mixture().isPresent()) {
            return new FlowOracle(data, pointData, Components.of(d.mixture().get()), 0, Double.NaN);
        }
        if (pointData) {
            PointSet sample = sourceSample(d, TABLE_SOURCE_POINTS);
            return new FlowOracle(points, sample, scottBandwidth(sample));
        }
        PointSet sample = sourceSample(d, Math.max(MIN_SOURCE_POINTS, Math.min(MAX_SOURCE_POINTS,
                PAIR_BUDGET / data.size())));
        double h = scottBandwidth(sample);
        return new FlowOracle(data, pointData, Components.points(sample, h * h), sample.size(), h);
    }

    /**
     * Point data from these source points smoothed at Scott's bandwidth: tabulated (as {@link #of}
     * does for point data) or pair by pair (exact for the smoothed points; the tests compare the two).
     */
    static FlowOracle fromSourcePoints(PointSet data, PointSet sample, boolean tabulate) {
        double h = scottBandwidth(sample);
        return tabulate ? new FlowOracle(data, sample, h)
                : new FlowOracle(Components.points(data, 0), true, Components.points(sample, h * h), sample.size(), h);
    }

    /** m points of the source from {@link #SOURCE_SEED}, or all of drawn points when they are no more. */
    private static PointSet sourceSample(DataDistribution d, int m) {
        return d instanceof EmpiricalDistribution e && e.points().size() <= m ? e.points() : d.sample(m, SOURCE_SEED);
    }

    /**
     * Scott's rule in two dimensions, {@code h = n^(−1/6)·(s_x + s_y)/2} (Scott 1992, eq. 6.42),
     * with a floor of 0.05 for a source whose points coincide.
     */
    static double scottBandwidth(PointSet points) {
        double[] std = points.std();
        double spread = 0.5 * (std[0] + std[1]);
        return Math.max(0.05, Math.pow(points.size(), -1.0 / 6) * spread);
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    /** How many points of a point source the oracle smooths (0 for a mixture or N(0, I) source). */
    public int sourcePoints() {
        return sourcePoints;
    }

    /** The smoothing bandwidth of a point source (NaN for a mixture or N(0, I) source). */
    public double bandwidth() {
        return bandwidth;
    }

    /** Terms per evaluated point: pairs of components, or data points when the source is tabulated. */
    public int pairs() {
        return pairs != null ? pairs.pairs() : ax.length;
    }

    /**
     * Whether x1 is independent N(0, I) noise: only from the standard normal. From any other source
     * the reverse SDE of the linear schedule does not have these marginals.
     */
    @Override
    public boolean gaussianNoise() {
        return gaussianSource;
    }

    /** The score is computed exactly, from the pairs. */
    @Override
    public boolean hasScore() {
        return true;
    }

    /** The source's log-density at a point, as this oracle sees it (the smoothed one for points). */
    public double sourceLogDensity(double x, double y) {
        return table != null ? table.logDensity(x, y) : pairs.other().logDensity(x, y);
    }

    /** t raised to the linear schedule's tMin() for point data, whose x_t is a Dirac mass at t = 0. */
    private double clamp(double t) {
        InvalidInputException.require(t >= 0 && t <= 1, "t lies in [0, 1], got " + t + ".");
        return pointData ? Math.max(t, schedule.tMin()) : t;
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        return table != null ? tabulated(xt, clamp(t), Mode.DENOISE) : pairs.denoise(xt, clamp(t));
    }

    /** The marginal velocity (x − x̂0)/t, at t ≥ the linear schedule's tMin() (it is 0/0 at t = 0). */
    @Override
    public double[] velocity(double[] xt, double t) {
        return Denoiser.super.velocity(xt, Math.max(clamp(t), schedule.tMin()));
    }

    /** The exact score ∇log p_t (not Tweedie's: x1 is not Gaussian). */
    @Override
    public double[] score(double[] xt, double t) {
        return table != null ? tabulated(xt, clamp(t), Mode.SCORE) : pairs.score(xt, clamp(t));
    }

    private enum Mode { DENOISE, SCORE, LOG_DENSITY }


    /**
     * Point data from a tabulated source (MATH.md §8): the pair of a_i through x is
     * {@code z_i = (x − (1−t) a_i)/t}, so with {@code L = log p_1}
     * <pre>
     *   w_i ∝ exp L(z_i),   x̂0 = Σ w_i a_i,   ŝ = Σ w_i ∇L(z_i) / t,
     *   log p_t(x) = log Σ_i exp L(z_i) − log N − 2 log t
     * </pre>
     * One value per point for the log-density, two otherwise.
     */
    private double[] tabulated(double[] xt, double t, Mode mode) {
        int n = ax.length;
        int m = xt.length / 2;
        double[] out = new double[mode == Mode.LOG_DENSITY ? m : xt.length];
        PointChunks.run(m, n, (from, to) -> tabulated(xt, t, mode, from, to, out));
        return out;
    }

    /** {@link #tabulated(double[], double, Mode)} for the points [from, to), with buffers of its own. */
    private void tabulated(double[] xt, double t, Mode mode, int from, int to, double[] out) {
        int n = ax.length;
        double[] logW = new double[n];
        double[] gx = mode == Mode.SCORE ? new double[n] : null;
        double[] gy = mode == Mode.SCORE ? new double[n] : null;
        double[] gradient = new double[2];
        double a = 1 - t;
        double logConst = -Math.log(n) - 2 * Math.log(t);
        for (int q = from; q < to; q++) {
            double x = xt[2 * q];
            double y = xt[2 * q + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                logW[i] = table.evaluate((x - a * ax[i]) / t, (y - a * ay[i]) / t, gx == null ? null : gradient);
                if (gx != null) {
                    gx[i] = gradient[0];
                    gy[i] = gradient[1];
                }
                max = Math.max(max, logW[i]);
            }
            double total = 0;
            double ox = 0;
            double oy = 0;
            for (int i = 0; i < n; i++) {
                double w = Math.exp(logW[i] - max);
                total += w;
                if (mode == Mode.DENOISE) {
                    ox += w * ax[i];
                    oy += w * ay[i];
                } else if (mode == Mode.SCORE) {
                    ox += w * gx[i];
                    oy += w * gy[i];
                }
            }
            if (mode == Mode.LOG_DENSITY) {
                out[q] = max + Math.log(total) + logConst;
            } else if (mode == Mode.DENOISE) {
                out[2 * q] = ox / total;
                out[2 * q + 1] = oy / total;
            } else {
                out[2 * q] = ox / (total * t);
                out[2 * q + 1] = oy / (total * t);
            }
        }
    }

    /**
     * log p_t at every cell centre. When all pairs share one weight and one covariance cI (points or
     * equal round modes at each end, the usual case) p_t is the memorised-points density of the
     * pair centres at bandwidth √c, which {@link ExactDensity} sums on a grid as one matrix product.
     */
    public ScalarGrid logDensityGrid(GridSpec spec, double time) {
        double t = clamp(time);
        if (table != null || Double.isNaN(dataVariance) || Double.isNaN(sourceVariance)) {
            return new ScalarGrid(spec, logDensity(spec.points(), t));
        }
        double a = 1 - t;
        double c = a * a * dataVariance + t * t * sourceVariance;
        double[] centres = pairs.centres(t);
        return ExactDensity.logDensityGrid(PointSet.of(centres), 1, Math.sqrt(c), spec);
    }

    /** The exact log-density log p_t at each point (one value per point). */
    public double[] logDensity(double[] xt, double t) {
        return table != null ? tabulated(xt, clamp(t), Mode.LOG_DENSITY) : pairs.logDensity(xt, clamp(t));
    }
}
