package org.scorefield.core.denoise;

import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.Schedule;

/**
 * The exact posterior of an affine path between two independent Gaussian mixtures (docs/math.md §4.3, §8.3):
 * {@code x_t = α(t)·x0 + σ(t)·x1} with {@code x0 ~ Σ π_i N(μ_i, Σ_i)} and {@code x1 ~ Σ ρ_j N(ν_j, S_j)}.
 * Every pair of components (i, j) is one Gaussian of x_t, so
 * <pre>
 *   x_t | (i, j) ~ N(m, C),   m = α μ_i + σ ν_j,   C = α² Σ_i + σ² S_j
 *   r_ij(x) ∝ π_i ρ_j N(x; m, C)                                 (the posterior of the pair)
 *   p_t(x)  = Σ π_i ρ_j N(x; m, C)
 *   x̂0(x)  = E[x0 | x_t = x] = Σ r_ij · [μ_i + α Σ_i C⁻¹ (x − m)]
 *   ŝ(x)   = ∇log p_t(x) = Σ r_ij · [−C⁻¹ (x − m)]
 * </pre>
 * With x1 ~ N(0, I) (one component) this is the Gaussian-mixture oracle of every diffusion process;
 * with another source under the linear schedule it is flow matching's. x̂0 is built from the pairs'
 * posterior means, so it stays exact where α = 0. A component may have zero covariance (a data
 * point) as long as C stays positive definite at the times asked. Terms more than e⁻⁴⁰ below a
 * point's largest are skipped.
 */
public final class AffineMixture {

    private static final double LOG_CUTOFF = 40;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /**
     * The components of one end, side by side: weights, means and covariances [[xx, xy], [xy, yy]].
     */
    public record Components(double[] weight, double[] mx, double[] my, double[] cxx, double[] cxy, double[] cyy) {

        public int size() {
            return weight.length;
        }

        public static Components of(GaussianMixture mixture) {
            int k = mixture.size();
            Components c = empty(k);
            for (int i = 0; i < k; i++) {
                GaussianMixture.Component m = mixture.component(i);
                c.set(i, m.weight(), m.meanX(), m.meanY(), m.cxx(), m.cxy(), m.cyy());
            }
            return c;
        }

        /** Equal weights at the points, each with covariance {@code variance·I} (0: the points themselves). */
        public static Components points(PointSet points, double variance) {
            int n = points.size();
            Components c = empty(n);
            for (int i = 0; i < n; i++) {
                c.set(i, 1.0 / n, points.x(i), points.y(i), variance, 0, variance);
            }
            return c;
        }

        /** N(0, I), the prior of every diffusion process here. */
        public static Components standardNormal() {
            Components c = empty(1);
            c.set(0, 1, 0, 0, 1, 0, 1);
            return c;
        }

        private static Components empty(int k) {
            return new Components(new double[k], new double[k], new double[k], new double[k], new double[k],
                    new double[k]);
        }

        private void set(int i, double w, double x, double y, double xx, double xy, double yy) {
            weight[i] = w;
            mx[i] = x;
            my[i] = y;
            cxx[i] = xx;
            cxy[i] = xy;
            cyy[i] = yy;
        }

        /** Whether this is N(0, I): one component of mean 0 and covariance I. */
        public boolean isStandardNormal() {
            return size() == 1 && mx[0] == 0 && my[0] == 0 && cxx[0] == 1 && cxy[0] == 0 && cyy[0] == 1;
        }

        /** v when every component has the same weight and covariance vI, otherwise NaN. */
        public double commonVariance() {
            double v = cxx[0];
            for (int k = 0; k < size(); k++) {
                if (weight[k] != weight[0] || cxx[k] != v || cyy[k] != v || cxy[k] != 0) {
                    return Double.NaN;
                }
            }
            return v;
        }

        /** log Σ w_k N(x; μ_k, Σ_k); every covariance must be positive definite. */
        public double logDensity(double x, double y) {
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

    private final Components x0;
    private final Components x1;
    private final Schedule schedule;

    /**
     * @param x0       the data's components
     * @param x1       the other end's components (N(0, I) for diffusion)
     * @param schedule α(t) and σ(t)
     */
    public AffineMixture(Components x0, Components x1, Schedule schedule) {
        this.x0 = x0;
        this.x1 = x1;
        this.schedule = schedule;
    }

    public Components data() {
        return x0;
    }

    public Components other() {
        return x1;
    }

    /** Pairs of components per evaluated point. */
    public int pairs() {
        return x0.size() * x1.size();
    }

    /** The pairs' means {@code α μ_i + σ ν_j} at t, interleaved, i major. */
    public double[] centres(double t) {
        double a = schedule.alpha(t);
        double s = schedule.sigma(t);
        double[] out = new double[2 * pairs()];
        int p = 0;
        for (int i = 0; i < x0.size(); i++) {
            for (int j = 0; j < x1.size(); j++, p += 2) {
                out[p] = a * x0.mx()[i] + s * x1.mx()[j];
                out[p + 1] = a * x0.my()[i] + s * x1.my()[j];
            }
        }
        return out;
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
        final double[] g11 = new double[n]; // G = α Σ_i C⁻¹, the gain of E[x0 | x_t, pair]
        final double[] g12 = new double[n];
        final double[] g21 = new double[n];
        final double[] g22 = new double[n];
        final double[] x0x = new double[n]; // μ_i
        final double[] x0y = new double[n];

        Pairs(double t) {
            double a = schedule.alpha(t);
            double s = schedule.sigma(t);
            double a2 = a * a;
            double s2 = s * s;
            int p = 0;
            for (int i = 0; i < x0.size(); i++) {
                double sxx = x0.cxx()[i];
                double sxy = x0.cxy()[i];
                double syy = x0.cyy()[i];
                for (int j = 0; j < x1.size(); j++, p++) {
                    mx[p] = a * x0.mx()[i] + s * x1.mx()[j];
                    my[p] = a * x0.my()[i] + s * x1.my()[j];
                    double ca = a2 * sxx + s2 * x1.cxx()[j];
                    double cb = a2 * sxy + s2 * x1.cxy()[j];
                    double cc = a2 * syy + s2 * x1.cyy()[j];
                    double det = ca * cc - cb * cb;
                    ia[p] = cc / det;
                    ib[p] = -cb / det;
                    ic[p] = ca / det;
                    logNorm[p] = Math.log(x0.weight()[i] * x1.weight()[j]) - LOG_2PI - 0.5 * Math.log(det);
                    g11[p] = a * (sxx * ia[p] + sxy * ib[p]);
                    g12[p] = a * (sxx * ib[p] + sxy * ic[p]);
                    g21[p] = a * (sxy * ia[p] + syy * ib[p]);
                    g22[p] = a * (sxy * ib[p] + syy * ic[p]);
                    x0x[p] = x0.mx()[i];
                    x0y[p] = x0.my()[i];
                }
            }
        }

        /** Fills {@code logit} with log(π ρ N(x; m, C)) per pair and returns their maximum. */
        double logits(double x, double y, double[] logit) {
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

    /** x̂0 = E[x0 | x_t] at each point. */
    public double[] denoise(double[] xt, double t) {
        return evaluate(xt, t, true);
    }

    /** ∇log p_t at each point. */
    public double[] score(double[] xt, double t) {
        return evaluate(xt, t, false);
    }

    private double[] evaluate(double[] xt, double t, boolean posteriorMean) {
        Pairs pairs = new Pairs(t);
        double[] out = new double[xt.length];
        PointChunks.run(xt.length / 2, pairs.n, (from, to) -> {
            double[] logit = new double[pairs.n];
            for (int i = from; i < to; i++) {
                evaluateOne(pairs, xt, 2 * i, posteriorMean, logit, out);
            }
        });
        return out;
    }

    /** x̂0 or the score at the point at {@code q}, into {@code out[q], out[q + 1]}. */
    private static void evaluateOne(Pairs pairs, double[] xt, int q, boolean posteriorMean, double[] logit,
            double[] out) {
        double x = xt[q];
        double y = xt[q + 1];
        double max = pairs.logits(x, y, logit);
        double floor = max - LOG_CUTOFF;
        double total = 0;
        double ox = 0;
        double oy = 0;
        for (int p = 0; p < pairs.n; p++) {
            double v = logit[p];
            if (v < floor) {
                continue;
            }
            double r = Math.exp(v - max);
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

    /** log p_t at each point (one value per point). */
    public double[] logDensity(double[] xt, double t) {
        Pairs pairs = new Pairs(t);
        double[] out = new double[xt.length / 2];
        PointChunks.run(out.length, pairs.n, (from, to) -> {
            double[] logit = new double[pairs.n];
            for (int q = from; q < to; q++) {
                double max = pairs.logits(xt[2 * q], xt[2 * q + 1], logit);
                double floor = max - LOG_CUTOFF;
                double sum = 0;
                for (int p = 0; p < pairs.n; p++) {
                    double v = logit[p];
                    if (v >= floor) {
                        sum += Math.exp(v - max);
                    }
                }
                out[q] = max + Math.log(sum);
            }
        });
        return out;
    }
}
