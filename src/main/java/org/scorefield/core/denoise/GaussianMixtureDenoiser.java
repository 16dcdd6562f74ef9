package org.scorefield.core.denoise;

import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.schedule.Schedule;

/**
 * The exact denoiser, score and density of a Gaussian mixture under an affine schedule
 * (MATH.md §4): with {@code C_k = α²Σ_k + σ²I},
 * <pre>
 *   p_t = Σ π_k N(α μ_k, C_k)
 *   r_k(x) ∝ π_k N(x; α μ_k, C_k)
 *   ŝ(x)  = Σ r_k · [−C_k⁻¹ (x − α μ_k)]
 *   x̂0(x) = Σ r_k · [μ_k + α Σ_k C_k⁻¹ (x − α μ_k)]   (= (x + σ² ŝ)/α when α > 0)
 * </pre>
 * x̂0 is computed from the per-component posterior means, so it stays exact where α = 0.
 */
public final class GaussianMixtureDenoiser implements Denoiser {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final GaussianMixture mixture;
    private final Schedule schedule;

    public GaussianMixtureDenoiser(GaussianMixture mixture, Schedule schedule) {
        this.mixture = mixture;
        this.schedule = schedule;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    public GaussianMixture mixture() {
        return mixture;
    }

    /** The marginal p_t at one time: per component its covariance, inverse and log-normaliser. */
    private final class Marginal {
        final int k = mixture.size();
        final double alpha;
        final double[] mx = new double[k];
        final double[] my = new double[k];
        final double[] ia = new double[k]; // C⁻¹ = [[ia, ib], [ib, ic]]
        final double[] ib = new double[k];
        final double[] ic = new double[k];
        final double[] logNorm = new double[k]; // log π_k − log 2π − ½ log det C_k
        final double[] g11 = new double[k]; // G = α Σ_k C_k⁻¹, the gain of the posterior mean
        final double[] g12 = new double[k];
        final double[] g21 = new double[k];
        final double[] g22 = new double[k];

        Marginal(double t) {
            alpha = schedule.alpha(t);
            double sigma = schedule.sigma(t);
            double a2 = alpha * alpha;
            double s2 = sigma * sigma;
            for (int j = 0; j < k; j++) {
                Component c = mixture.component(j);
                mx[j] = alpha * c.meanX();
                my[j] = alpha * c.meanY();
                double ca = a2 * c.cxx() + s2;
                double cb = a2 * c.cxy();
                double cc = a2 * c.cyy() + s2;
                double det = ca * cc - cb * cb;
                ia[j] = cc / det;
                ib[j] = -cb / det;
                ic[j] = ca / det;
                logNorm[j] = Math.log(c.weight()) - LOG_2PI - 0.5 * Math.log(det);
                g11[j] = alpha * (c.cxx() * ia[j] + c.cxy() * ib[j]);
                g12[j] = alpha * (c.cxx() * ib[j] + c.cxy() * ic[j]);
                g21[j] = alpha * (c.cxy() * ia[j] + c.cyy() * ib[j]);
                g22[j] = alpha * (c.cxy() * ib[j] + c.cyy() * ic[j]);
            }
        }

        /** Fills r with log(π_k N(x; αμ_k, C_k)) and returns their log-sum-exp, log p_t(x). */
        double logJoint(double x, double y, double[] r) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double dx = x - mx[j];
                double dy = y - my[j];
                r[j] = logNorm[j] - 0.5 * (ia[j] * dx * dx + 2 * ib[j] * dx * dy + ic[j] * dy * dy);
                max = Math.max(max, r[j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(r[j] - max);
            }
            return max + Math.log(sum);
        }

        /** Turns the log-joints in r into responsibilities r_k(x). */
        void responsibilities(double[] r, double logP) {
            for (int j = 0; j < k; j++) {
                r[j] = Math.exp(r[j] - logP);
            }
        }
    }

    @Override
    public double[] denoise(double[] xt, double t) {
        Marginal m = new Marginal(t);
        double[] r = new double[m.k];
        double[] out = new double[xt.length];
        for (int i = 0; i < xt.length; i += 2) {
            double x = xt[i];
            double y = xt[i + 1];
            m.responsibilities(r, m.logJoint(x, y, r));
            double ox = 0;
            double oy = 0;
            for (int j = 0; j < m.k; j++) {
                Component c = mixture.component(j);
                double dx = x - m.mx[j];
                double dy = y - m.my[j];
                ox += r[j] * (c.meanX() + m.g11[j] * dx + m.g12[j] * dy);
                oy += r[j] * (c.meanY() + m.g21[j] * dx + m.g22[j] * dy);
            }
            out[i] = ox;
            out[i + 1] = oy;
        }
        return out;
    }

    /** The exact score ∇ log p_t. */
    @Override
    public double[] score(double[] xt, double t) {
        Marginal m = new Marginal(t);
        double[] r = new double[m.k];
        double[] out = new double[xt.length];
        for (int i = 0; i < xt.length; i += 2) {
            double x = xt[i];
            double y = xt[i + 1];
            m.responsibilities(r, m.logJoint(x, y, r));
            double sx = 0;
            double sy = 0;
            for (int j = 0; j < m.k; j++) {
                double dx = x - m.mx[j];
                double dy = y - m.my[j];
                sx -= r[j] * (m.ia[j] * dx + m.ib[j] * dy);
                sy -= r[j] * (m.ib[j] * dx + m.ic[j] * dy);
            }
            out[i] = sx;
            out[i + 1] = sy;
        }
        return out;
    }

    /** The exact log-density log p_t(x) at each point (one value per point). */
    public double[] logDensity(double[] xt, double t) {
        Marginal m = new Marginal(t);
        double[] r = new double[m.k];
        double[] out = new double[xt.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.logJoint(xt[2 * i], xt[2 * i + 1], r);
        }
        return out;
    }
}
