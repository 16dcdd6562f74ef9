package org.scorefield.core.flow;

import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
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
 * a fixed sample of them ({@link #sourcePoints()} points, Scott's bandwidth {@link #bandwidth()}).
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
 * <p>Cost: every call evaluates all pairs for every point. A source known only by points takes as
 * many of them as keep the pairs within {@link #PAIR_BUDGET} (at least {@link #MIN_SOURCE_POINTS},
 * at most {@link #MAX_SOURCE_POINTS}); terms more than e⁻⁴⁰ below a point's largest are skipped.
 */
public final class FlowOracle implements Denoiser {

    /** Pairs of components a source known by points is sized to. */
    public static final int PAIR_BUDGET = 8192;
    /** Fewest points of a point source. */
    public static final int MIN_SOURCE_POINTS = 16;
    /** Most points of a point source. */
    public static final int MAX_SOURCE_POINTS = 1024;
    /** The seed of the fixed sample of a point source, so that the oracle is one function. */
    public static final long SOURCE_SEED = 0x5EED_50C3L;
    /** Terms this far (in log) below a point's largest weigh less than e⁻⁴⁰ each and are skipped. */
    private static final double LOG_CUTOFF = 40;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Components of one end: weights, means and covariances [[xx, xy], [xy, yy]], side by side. */
    record Components(double[] weight, double[] mx, double[] my, double[] cxx, double[] cxy, double[] cyy) {

        int size() {
            return weight.length;
        }

        static Components of(GaussianMixture mixture) {
            int k = mixture.size();
            Components c = empty(k);
            for (int i = 0; i < k; i++) {
                GaussianMixture.Component m = mixture.component(i);
                c.set(i, m.weight(), m.meanX(), m.meanY(), m.cxx(), m.cxy(), m.cyy());
            }
            return c;
        }

        /** Equal weights at the points, each with covariance {@code variance·I} (0: the points themselves). */
        static Components points(PointSet points, double variance) {
            int n = points.size();
            Components c = empty(n);
            for (int i = 0; i < n; i++) {
                c.set(i, 1.0 / n, points.x(i), points.y(i), variance, 0, variance);
            }
            return c;
        }

        static Components empty(int k) {
            return new Components(new double[k], new double[k], new double[k], new double[k], new double[k],
                    new double[k]);
        }

        void set(int i, double w, double x, double y, double xx, double xy, double yy) {
            weight[i] = w;
            mx[i] = x;
            my[i] = y;
            cxx[i] = xx;
            cxy[i] = xy;
            cyy[i] = yy;
        }

        /** v when every component has the same weight and covariance vI, otherwise NaN. */
        double commonVariance() {
            double v = cxx[0];
            for (int k = 0; k < size(); k++) {
                if (weight[k] != weight[0] || cxx[k] != v || cyy[k] != v || cxy[k] != 0) {
                    return Double.NaN;
                }
            }
            return v;
        }

        /** log Σ w_k N(x; μ_k, Σ_k); every covariance must be positive definite. */
        double logDensity(double x, double y) {
            double max = Double.NEGATIVE_INFINITY;
            double[] terms = new double[size()];
            for (int k = 0; k < terms.length; k++) {
                double det = cxx[k] * cyy[k] - cxy[k] * cxy[k];
                double dx = x - mx[k];
                double dy = y - my[k];
                double q = (cyy[k] * dx * dx - 2 * cxy[k] * dx * dy + cxx[k] * dy * dy) / det;
                terms[k] = Math.log(weight[k]) - LOG_2PI - 0.5 * Math.log(det) - 0.5 * q;
                max = Math.max(max, terms[k]);
            }
            double sum = 0;
            for (double v : terms) {
                sum += Math.exp(v - max);
            }
            return max + Math.log(sum);
        }
    }

    private final Components data;
    private final Components source;
    private final boolean pointData;
    private final int sourcePoints;
    private final double bandwidth;
    private final Schedule schedule = new LinearFlow();
    /** Each end's common isotropic variance when every component of it has equal weight and vI covariance; else NaN. */
    private final double dataVariance;
    private final double sourceVariance;

    private FlowOracle(Components data, boolean pointData, Components source, int sourcePoints, double bandwidth) {
        this.data = data;
        this.pointData = pointData;
        this.source = source;
        this.sourcePoints = sourcePoints;
        this.bandwidth = bandwidth;
        this.dataVariance = data.commonVariance();
        this.sourceVariance = source.commonVariance();
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
            return new FlowOracle(data, pointData, Components.points(PointSet.of(new double[] {0, 0}), 1), 0, Double.NaN);
        }
        DataDistribution d = source.distribution().orElseThrow();
        if (d.mixture().isPresent()) {
            return new FlowOracle(data, pointData, Components.of(d.mixture().get()), 0, Double.NaN);
        }
        int m = Math.max(MIN_SOURCE_POINTS, Math.min(MAX_SOURCE_POINTS, PAIR_BUDGET / data.size()));
        PointSet sample = d instanceof EmpiricalDistribution e && e.points().size() <= m ? e.points()
                : d.sample(m, SOURCE_SEED);
        double h = scottBandwidth(sample);
        return new FlowOracle(data, pointData, Components.points(sample, h * h), sample.size(), h);
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

    /** Pairs of components per evaluated point. */
    public int pairs() {
        return data.size() * source.size();
    }

    /** x1 is not independent N(0, I) noise: the reverse SDE of the linear schedule does not apply. */
    @Override
    public boolean gaussianNoise() {
        return false;
    }

    /** The score is computed exactly, from the pairs. */
    @Override
    public boolean hasScore() {
        return true;
    }

    /** The source's log-density at a point, as this oracle sees it (the smoothed one for points). */
    public double sourceLogDensity(double x, double y) {
        return source.logDensity(x, y);
    }

    /** t raised to the linear schedule's tMin() for point data, whose x_t is a Dirac mass at t = 0. */
    private double clamp(double t) {
        InvalidInputException.require(t >= 0 && t <= 1, "t lies in [0, 1], got " + t + ".");
        return pointData ? Math.max(t, schedule.tMin()) : t;
    }

    /** p_t's pair components at one time. */
    private final class Pairs {
        final int n = pairs();
        final double[] mx = new double[n];
        final double[] my = new double[n];
        final double[] ia = new double[n]; // C⁻¹ = [[ia, ib], [ib, ic]]
        final double[] ib = new double[n];
        final double[] ic = new double[n];
        final double[] logNorm = new double[n]; // log π_i ρ_j − log 2π − ½ log det C
        final double[] g11 = new double[n]; // G = (1−t) Σ_i C⁻¹, the gain of E[x0 | x_t, pair]
        final double[] g12 = new double[n];
        final double[] g21 = new double[n];
        final double[] g22 = new double[n];
        final double[] x0x = new double[n]; // μ_i
        final double[] x0y = new double[n];
        final double[] logit;

        Pairs(double t) {
            double a = 1 - t;
            double a2 = a * a;
            double s2 = t * t;
            int p = 0;
            for (int i = 0; i < data.size(); i++) {
                for (int j = 0; j < source.size(); j++, p++) {
                    mx[p] = a * data.mx()[i] + t * source.mx()[j];
                    my[p] = a * data.my()[i] + t * source.my()[j];
                    double ca = a2 * data.cxx()[i] + s2 * source.cxx()[j];
                    double cb = a2 * data.cxy()[i] + s2 * source.cxy()[j];
                    double cc = a2 * data.cyy()[i] + s2 * source.cyy()[j];
                    double det = ca * cc - cb * cb;
                    ia[p] = cc / det;
                    ib[p] = -cb / det;
                    ic[p] = ca / det;
                    logNorm[p] = Math.log(data.weight()[i] * source.weight()[j]) - LOG_2PI - 0.5 * Math.log(det);
                    double sxx = data.cxx()[i];
                    double sxy = data.cxy()[i];
                    double syy = data.cyy()[i];
                    g11[p] = a * (sxx * ia[p] + sxy * ib[p]);
                    g12[p] = a * (sxx * ib[p] + sxy * ic[p]);
                    g21[p] = a * (sxy * ia[p] + syy * ib[p]);
                    g22[p] = a * (sxy * ib[p] + syy * ic[p]);
                    x0x[p] = data.mx()[i];
                    x0y[p] = data.my()[i];
                }
            }
            logit = new double[n];
        }

        /** Fills {@link #logit} with log(π ρ N(x; m, C)) per pair and returns their maximum. */
        double logits(double x, double y) {
            double max = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < n; p++) {
                double dx = x - mx[p];
                double dy = y - my[p];
                double v = logNorm[p] - 0.5 * (ia[p] * dx * dx + 2 * ib[p] * dx * dy + ic[p] * dy * dy);
                logit[p] = v;
                if (v > max) {
                    max = v;
                }
            }
            return max;
        }
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        return evaluate(xt, clamp(t), true);
    }

    /** The exact score ∇log p_t (not Tweedie's: x1 is not Gaussian). */
    @Override
    public double[] score(double[] xt, double t) {
        return evaluate(xt, clamp(t), false);
    }

    /** x̂0 (posterior means) or the score at each point. */
    private double[] evaluate(double[] xt, double t, boolean posteriorMean) {
        Pairs pairs = new Pairs(t);
        double[] out = new double[xt.length];
        for (int q = 0; q < xt.length; q += 2) {
            double x = xt[q];
            double y = xt[q + 1];
            double floor = pairs.logits(x, y) - LOG_CUTOFF;
            double total = 0;
            double ox = 0;
            double oy = 0;
            for (int p = 0; p < pairs.n; p++) {
                double v = pairs.logit[p];
                if (v < floor) {
                    continue;
                }
                double r = Math.exp(v - floor - LOG_CUTOFF);
                total += r;
                double dx = x - pairs.mx[p];
                double dy = y - pairs.my[p];
                if (posteriorMean) {
                    ox += r * (pairs.x0x[p] + pairs.g11[p] * dx + pairs.g12[p] * dy);
                    oy += r * (pairs.x0y[p] + pairs.g21[p] * dx + pairs.g22[p] * dy);
                } else {
                    ox -= r * (pairs.ia[p] * dx + pairs.ib[p] * dy);
                    oy -= r * (pairs.ib[p] * dx + pairs.ic[p] * dy);
                }
            }
            out[q] = ox / total;
            out[q + 1] = oy / total;
        }
        return out;
    }

    /**
     * log p_t at every cell centre. When all pairs share one weight and one covariance cI (points or
     * equal round modes at each end, the usual case) p_t is the memorised-points density of the
     * pair centres at bandwidth √c, which {@link ExactDensity} sums on a grid as one matrix product.
     */
    public ScalarGrid logDensityGrid(GridSpec spec, double time) {
        double t = clamp(time);
        if (Double.isNaN(dataVariance) || Double.isNaN(sourceVariance)) {
            return new ScalarGrid(spec, logDensity(spec.points(), t));
        }
        double a = 1 - t;
        double c = a * a * dataVariance + t * t * sourceVariance;
        double[] centres = new double[2 * pairs()];
        int p = 0;
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < source.size(); j++, p += 2) {
                centres[p] = a * data.mx()[i] + t * source.mx()[j];
                centres[p + 1] = a * data.my()[i] + t * source.my()[j];
            }
        }
        return ExactDensity.logDensityGrid(PointSet.of(centres), 1, Math.sqrt(c), spec);
    }

    /** The exact log-density log p_t at each point (one value per point). */
    public double[] logDensity(double[] xt, double t) {
        Pairs pairs = new Pairs(clamp(t));
        double[] out = new double[xt.length / 2];
        for (int q = 0; q < out.length; q++) {
            double max = pairs.logits(xt[2 * q], xt[2 * q + 1]);
            double floor = max - LOG_CUTOFF;
            double sum = 0;
            for (int p = 0; p < pairs.n; p++) {
                double v = pairs.logit[p];
                if (v >= floor) {
                    sum += Math.exp(v - max);
                }
            }
            out[q] = max + Math.log(sum);
        }
        return out;
    }
}
