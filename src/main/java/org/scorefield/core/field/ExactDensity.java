package org.scorefield.core.field;

import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.flow.FlowOracle;
import org.scorefield.core.schedule.Schedule;

/**
 * The exact marginal density p_t of the oracles of docs/math.md §4.5 on a grid, as log p_t (and of the
 * {@link FlowOracle} of a flow from another source, which computes its own):
 * <pre>
 *   Gaussian mixture:  p_t(x) = Σ π_k N(x; α μ_k, α²Σ_k + σ² I)
 *   memorised points:  p_t(x) = (1/N) Σ_i N(x; α x⁽ⁱ⁾, σ² I)
 *                      log p_t(x) = −log N − log(2πσ²) + LSE_i(−‖x − α x⁽ⁱ⁾‖² / 2σ²)
 * </pre>
 * <b>The empirical sum on a grid.</b> The Gaussian kernel factorises over the coordinates,
 * {@code exp(−(‖Δ‖²)/2σ²) = exp(−Δx²/2σ²)·exp(−Δy²/2σ²)}, so on the {@code nx × ny} cell centres the
 * sum is one matrix product {@code S = E_y·E_xᵀ} of an {@code ny × N} and an {@code nx × N} table of
 * one-dimensional kernels: {@code (nx + ny)·N} exponentials instead of {@code nx·ny·N}. Each row of
 * a table is scaled by its largest entry first (the log-sum-exp shift, per coordinate). Where the
 * shifted sum still falls below {@link #UNDERFLOW_GUARD} (small σ, far from the data, where the two
 * per-coordinate shifts are set by different points) the cell is recomputed by a direct log-sum-exp
 * over all points, so log p_t stays exact and finite everywhere.
 *
 * <p><b>σ → 0.</b> At σ = 0 the empirical density is a sum of Dirac masses; the schedule-level
 * methods therefore evaluate at {@code max(t, schedule.tMin())}, the first time at which σ &gt; 0
 * (what a sampler stops at too). The mixture density stays finite at σ = 0 (its covariances are
 * positive definite) and is evaluated at t itself.
 */
public final class ExactDensity {

    /** Below this a shifted kernel sum is recomputed directly: far above the subnormal range. */
    static final double UNDERFLOW_GUARD = 1e-200;
    /** Terms this far (in log) below a cell's largest contribute less than e⁻⁶⁰ each and are skipped. */
    private static final double LOG_CUTOFF = 60;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private ExactDensity() {
    }

    /** Whether {@link #logDensityGrid(Denoiser, GridSpec, double)} knows this denoiser's density. */
    public static boolean supports(Denoiser denoiser) {
        return denoiser instanceof GaussianMixtureDenoiser || denoiser instanceof EmpiricalDenoiser
                || denoiser instanceof FlowOracle;
    }

    /** log p_t of an oracle denoiser (mixture or memorised points) at every cell centre. */
    public static ScalarGrid logDensityGrid(Denoiser oracle, GridSpec spec, double t) {
        if (oracle instanceof GaussianMixtureDenoiser mixture) {
            return logDensityGrid(mixture, spec, t);
        }
        if (oracle instanceof EmpiricalDenoiser empirical) {
            return logDensityGrid(empirical.data(), empirical.schedule(), spec, t);
        }
        if (oracle instanceof FlowOracle flow) {
            return flow.logDensityGrid(spec, t);
        }
        throw new IllegalArgumentException("no exact density for " + oracle.getClass().getSimpleName()
                + "; only the mixture and empirical oracles have one");
    }

    /**
     * log p_t of an oracle at each of the points (interleaved; one value per point): the mixture's and
     * the flow oracle's own, and for memorised points {@link #memorisedLogDensity} at t where σ(t) &gt; 0,
     * else at the schedule's t_min (a sum of Dirac masses has no density).
     */
    public static double[] logDensity(Denoiser oracle, double[] points, double t) {
        if (oracle instanceof GaussianMixtureDenoiser mixture) {
            return mixture.logDensity(points, t);
        }
        if (oracle instanceof FlowOracle flow) {
            return flow.logDensity(points, t);
        }
        if (oracle instanceof EmpiricalDenoiser empirical) {
            Schedule s = empirical.schedule();
            double at = s.sigma(t) > 0 ? t : Math.max(t, s.tMin());
            return memorisedLogDensity(empirical.data(), s.alpha(at), s.sigma(at), points);
        }
        throw new IllegalArgumentException("no exact density for " + oracle.getClass().getSimpleName()
                + "; only the mixture, empirical and flow oracles have one");
    }

    /**
     * log of {@code (1/N) Σ_i N(x; α x⁽ⁱ⁾, σ² I)} at each point, by a direct log-sum-exp per point (the
     * grid version factorises instead).
     */
    public static double[] memorisedLogDensity(PointSet data, double alpha, double sigma, double[] points) {
        int n = data.size();
        double[] xy = data.xy();
        double c = -0.5 / (sigma * sigma);
        double logConst = -Math.log(n) - LOG_2PI - 2 * Math.log(sigma);
        double[] out = new double[points.length / 2];
        double[] terms = new double[n];
        for (int k = 0; k < out.length; k++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double dx = points[2 * k] - alpha * xy[2 * i];
                double dy = points[2 * k + 1] - alpha * xy[2 * i + 1];
                terms[i] = c * (dx * dx + dy * dy);
                max = Math.max(max, terms[i]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.exp(terms[i] - max);
            }
            out[k] = logConst + max + Math.log(sum);
        }
        return out;
    }

    /** log p_t of a Gaussian mixture at every cell centre (exact at every t, σ = 0 included). */
    public static ScalarGrid logDensityGrid(GaussianMixtureDenoiser mixture, GridSpec spec, double t) {
        return new ScalarGrid(spec, mixture.logDensity(spec.points(), t));
    }

    /** log p_t of memorised points under a schedule, at {@code max(t, schedule.tMin())}. */
    public static ScalarGrid logDensityGrid(PointSet data, Schedule schedule, GridSpec spec, double t) {
        double at = Math.max(t, schedule.tMin());
        return logDensityGrid(data, schedule.alpha(at), schedule.sigma(at), spec);
    }

    /**
     * log of {@code (1/N) Σ_i N(x; α x⁽ⁱ⁾, σ² I)} at every cell centre.
     *
     * @param alpha the signal scale α (any finite value)
     * @param sigma the noise level σ &gt; 0
     */
    public static ScalarGrid logDensityGrid(PointSet data, double alpha, double sigma, GridSpec spec) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the empirical density needs at least one point");
        }
        if (!(sigma > 0) || !Double.isFinite(sigma) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("need finite α and σ > 0, got α = " + alpha + ", σ = " + sigma);
        }
        int n = data.size();
        int nx = spec.nx();
        int ny = spec.ny();
        double[] xy = data.xy();
        double[] ax = new double[n];
        double[] ay = new double[n];
        for (int p = 0; p < n; p++) {
            ax[p] = alpha * xy[2 * p];
            ay[p] = alpha * xy[2 * p + 1];
        }
        double c = -0.5 / (sigma * sigma);
        // Log-kernels per coordinate and their row maxima: ux[i][p] = −(x_i − αa_p)²/2σ².
        double[][] ux = new double[nx][n];
        double[][] uy = new double[ny][n];
        double[] mx = new double[nx];
        double[] my = new double[ny];
        for (int i = 0; i < nx; i++) {
            mx[i] = logKernelRow(spec.x(i), ax, c, ux[i]);
        }
        for (int j = 0; j < ny; j++) {
            my[j] = logKernelRow(spec.y(j), ay, c, uy[j]);
        }
        // Shifted kernels, ex stored transposed (N × nx) so the product's inner loop runs along a row.
        double[] exT = new double[n * nx];
        for (int i = 0; i < nx; i++) {
            double[] row = ux[i];
            for (int p = 0; p < n; p++) {
                exT[p * nx + i] = Math.exp(row[p] - mx[i]);
            }
        }
        double[] ey = new double[n];
        double[] sums = new double[nx];
        double[] out = new double[nx * ny];
        double logConst = -Math.log(n) - LOG_2PI - 2 * Math.log(sigma);
        for (int j = 0; j < ny; j++) {
            double[] rowY = uy[j];
            for (int p = 0; p < n; p++) {
                ey[p] = Math.exp(rowY[p] - my[j]);
            }
            java.util.Arrays.fill(sums, 0);
            for (int p = 0; p < n; p++) {
                double w = ey[p];
                if (w == 0) {
                    continue;
                }
                int base = p * nx;
                for (int i = 0; i < nx; i++) {
                    sums[i] += w * exT[base + i];
                }
            }
            for (int i = 0; i < nx; i++) {
                double lse = sums[i] >= UNDERFLOW_GUARD
                        ? mx[i] + my[j] + Math.log(sums[i])
                        : directLogSumExp(ux[i], rowY);
                out[j * nx + i] = logConst + lse;
            }
        }
        return new ScalarGrid(spec, out);
    }

    /** Fills row with c·(q − a_p)² and returns its maximum. */
    private static double logKernelRow(double q, double[] a, double c, double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < a.length; p++) {
            double d = q - a[p];
            double v = c * d * d;
            row[p] = v;
            max = Math.max(max, v);
        }
        return max;
    }

    /** LSE_p(u[p] + v[p]), skipping terms more than {@link #LOG_CUTOFF} below the largest. */
    private static double directLogSumExp(double[] u, double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < u.length; p++) {
            max = Math.max(max, u[p] + v[p]);
        }
        double floor = max - LOG_CUTOFF;
        double sum = 0;
        for (int p = 0; p < u.length; p++) {
            double s = u[p] + v[p];
            if (s > floor) {
                sum += Math.exp(s - max);
            }
        }
        return max + Math.log(sum);
    }
}
