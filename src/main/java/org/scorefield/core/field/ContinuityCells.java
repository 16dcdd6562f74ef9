package org.scorefield.core.field;

import java.util.Locale;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.schedule.Schedule;

/**
 * The continuity equation checked cell by cell (docs/math.md §8.10): for a block of n × n square
 * cells C, two numbers computed independently of each other,
 * <pre>
 *   rate    d/dt ∫_C p_t dx        from the exact mass at t ± h and t ± h/2 (Richardson: error O(h⁴)),
 *                                  or one-sided at t, t ± h, …, t ± 4h at an end of [tMin, tMax] (also O(h⁴))
 *   inflow  −∮_∂C p_t û·n ds        along the four edges, n the outward normal
 * </pre>
 * which the equation {@code ∂p_t/∂t + ∇·(p_t û) = 0} and the divergence theorem make equal. The
 * mass and the edge integrals are composite Gauss–Legendre quadratures whose pieces are at most one
 * standard deviation of the narrowest Gaussian in p_t long, so they are exact to rounding however
 * peaked p_t is. For memorised points the Gaussian kernel factorises over the coordinates and a
 * cell's mass is {@code (1/N) Σ_i (∫ k_x)(∫ k_y)}: one-dimensional quadratures only.
 *
 * <p>The density is the oracle's exact one (a Gaussian mixture or memorised points, from N(0, I));
 * the velocity is any denoiser's, for example the oracle with the divergence-free swirl of §8.11,
 * whose net flux through every closed edge is zero, so the inflow does not change.
 *
 * @param cx      the centre of the block, x
 * @param cy      the centre of the block, y
 * @param side    the side of one cell (world units)
 * @param n       cells per side of the block
 * @param t       the time
 * @param mass    ∫_C p_t dx of each cell, row by row from the bottom left (index j·n + i)
 * @param rate    d/dt of each cell's mass
 * @param inflow  the net inward flux of each cell
 */
public record ContinuityCells(double cx, double cy, double side, int n, double t, double[] mass, double[] rate,
                              double[] inflow) {

    /** Gauss–Legendre nodes per piece. */
    private static final int NODES = 8;
    /** Most pieces along one side of a cell: beyond, a p_t too peaked for the cell is not worth the time. */
    static final int MAX_PIECES = 400;
    /** Eight-point Gauss–Legendre nodes on [−1, 1] (Abramowitz &amp; Stegun table 25.4). */
    private static final double[] GL_X = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
        -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL_W = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
        0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    /** Whether the cells can be computed for this density oracle. */
    public static boolean supports(Denoiser densityOracle) {
        return densityOracle instanceof GaussianMixtureDenoiser || densityOracle instanceof EmpiricalDenoiser;
    }

    /**
     * The block's figures at time t.
     *
     * @param velocity      where û comes from (any denoiser on the oracle's schedule)
     * @param densityOracle the exact p_t: a Gaussian mixture or memorised points
     * @throws InvalidInputException for another oracle, a block that is not one, or t outside the
     *                               schedule's [tMin(), min(1, tMax())]
     */
    public static ContinuityCells compute(Denoiser velocity, Denoiser densityOracle, double cx, double cy,
                                          double side, int n, double t) {
        InvalidInputException.require(supports(densityOracle), "The continuity cells need the exact density of a "
                + "diffusion from N(0, I): a Gaussian mixture or memorised points.");
        InvalidInputException.require(n >= 1 && n <= 9 && side > 0 && Double.isFinite(side)
                && Double.isFinite(cx) && Double.isFinite(cy), "The block of cells needs 1 to 9 cells of a finite "
                + "positive side at a finite centre.");
        Schedule schedule = densityOracle.schedule();
        double lo = schedule.tMin();
        double hi = Math.min(1, schedule.tMax());
        InvalidInputException.require(t >= lo && t <= hi, String.format(Locale.ROOT, "The continuity cells are "
                + "defined for t from %.4g to %.4g under the %s schedule, where σ(t) > 0: t = %.4g is outside.", lo,
                hi, schedule.kind().displayName(), t));
        ProbabilityFlux.requireDefined(velocity, t);
        double[] offsets = stencil(schedule, t, lo, hi);
        double h = offsets[offsets.length - 1];
        double x0 = cx - 0.5 * n * side;
        double y0 = cy - 0.5 * n * side;
        int pieces = pieces(densityOracle, side, t, offsets);
        double[] mass = masses(densityOracle, x0, y0, side, n, pieces, t);
        double[][] at = new double[offsets.length - 1][];
        for (int q = 0; q < at.length; q++) {
            at[q] = masses(densityOracle, x0, y0, side, n, pieces, t + offsets[q]);
        }
        double[] rate = new double[n * n];
        for (int k = 0; k < rate.length; k++) {
            if (offsets[0] < 0 && offsets[1] > 0) {
                // Central: Richardson extrapolation of two central differences, (4·D(h/2) − D(h))/3.
                double whole = (at[1][k] - at[0][k]) / (2 * h);
                double half = (at[3][k] - at[2][k]) / h;
                rate[k] = (4 * half - whole) / 3;
            } else {
                // One-sided at an end of the schedule's range, also O(h⁴):
                // f'(t) ≈ (−25 f(t) + 48 f(t±h) − 36 f(t±2h) + 16 f(t±3h) − 3 f(t±4h)) / (±12 h).
                rate[k] = (-25 * mass[k] + 48 * at[0][k] - 36 * at[1][k] + 16 * at[2][k] - 3 * at[3][k])
                        / (12 * offsets[0]);
            }
        }
        double[] inflow = inflows(velocity, densityOracle, x0, y0, side, n, pieces, t);
        return new ContinuityCells(cx, cy, side, n, t, mass, rate, inflow);
    }

    /** The largest |rate − inflow| over the cells. */
    public double largestMismatch() {
        double worst = 0;
        for (int k = 0; k < rate.length; k++) {
            worst = Math.max(worst, Math.abs(rate[k] - inflow[k]));
        }
        return worst;
    }

    /** The lower-left corner of cell (i, j), i along x and j along y from the bottom left. */
    public double[] corner(int i, int j) {
        return new double[] {cx - 0.5 * n * side + i * side, cy - 0.5 * n * side + j * side};
    }

    /**
     * The offsets from t at which the mass is taken, the step h last: {−h, h, −h/2, h/2, h} for the
     * central difference, or {±h, ±2h, ±3h, ±4h, h} for a one-sided one where t − h or t + h would
     * leave [lo, hi]. h is at most 2·10⁻³ and 1% of the time over which σ or α changes by a factor e,
     * so the Taylor terms stay small where σ(t) is small (near t = 0) or α(t) is (near t = 1).
     */
    static double[] stencil(Schedule schedule, double t, double lo, double hi) {
        double h = Math.min(2e-3, (hi - lo) / 8);
        double sigma = schedule.sigma(t);
        double alpha = schedule.alpha(t);
        double dSigma = Math.abs(schedule.dSigma(t));
        double dAlpha = Math.abs(schedule.dAlpha(t));
        if (dSigma > 0) {
            h = Math.min(h, 0.01 * sigma / dSigma);
        }
        if (dAlpha > 0 && alpha > 0) {
            h = Math.min(h, 0.01 * alpha / dAlpha);
        }
        if (t - h >= lo && t + h <= hi) {
            return new double[] {-h, h, -h / 2, h / 2, h};
        }
        double d = t + 4 * h <= hi ? h : -h;
        return new double[] {d, 2 * d, 3 * d, 4 * d, h};
    }

    /** Pieces per cell side: each at most one standard deviation of the narrowest Gaussian over the stencil. */
    private static int pieces(Denoiser oracle, double side, double t, double[] offsets) {
        double width = Double.POSITIVE_INFINITY;
        Schedule s = oracle.schedule();
        double[] times = new double[offsets.length];
        times[0] = t;
        for (int q = 0; q < offsets.length - 1; q++) {
            times[q + 1] = t + offsets[q];
        }
        for (double at : times) {
            double alpha = s.alpha(at);
            double sigma = s.sigma(at);
            if (oracle instanceof GaussianMixtureDenoiser m) {
                for (GaussianMixture.Component c : m.mixture().components()) {
                    // the smaller eigenvalue of the 2×2 covariance
                    double mean = 0.5 * (c.cxx() + c.cyy());
                    double dev = Math.sqrt(0.25 * (c.cxx() - c.cyy()) * (c.cxx() - c.cyy()) + c.cxy() * c.cxy());
                    double lambda = Math.max(0, mean - dev);
                    width = Math.min(width, Math.sqrt(alpha * alpha * lambda + sigma * sigma));
                }
            } else {
                width = Math.min(width, sigma);
            }
        }
        return (int) Math.max(1, Math.min(MAX_PIECES, Math.ceil(side / width)));
    }

    /** Composite Gauss–Legendre nodes and weights on [a, a + length] in {@code pieces} pieces. */
    private static double[][] rule(double a, double length, int pieces) {
        double[] x = new double[pieces * NODES];
        double[] w = new double[pieces * NODES];
        double step = length / pieces;
        for (int p = 0; p < pieces; p++) {
            double mid = a + (p + 0.5) * step;
            for (int q = 0; q < NODES; q++) {
                x[p * NODES + q] = mid + 0.5 * step * GL_X[q];
                w[p * NODES + q] = 0.5 * step * GL_W[q];
            }
        }
        return new double[][] {x, w};
    }

    /** ∫ p_t over each cell. */
    private static double[] masses(Denoiser oracle, double x0, double y0, double side, int n, int pieces, double t) {
        if (oracle instanceof EmpiricalDenoiser empirical) {
            return empiricalMasses(empirical, x0, y0, side, n, pieces, t);
        }
        double[] out = new double[n * n];
        for (int j = 0; j < n; j++) {
            double[][] ry = rule(y0 + j * side, side, pieces);
            for (int i = 0; i < n; i++) {
                double[][] rx = rule(x0 + i * side, side, pieces);
                int m = rx[0].length;
                double[] pts = new double[2 * m * m];
                for (int b = 0, k = 0; b < m; b++) {
                    for (int a = 0; a < m; a++, k++) {
                        pts[2 * k] = rx[0][a];
                        pts[2 * k + 1] = ry[0][b];
                    }
                }
                double[] logP = ExactDensity.logDensity(oracle, pts, t);
                double sum = 0;
                for (int b = 0, k = 0; b < m; b++) {
                    for (int a = 0; a < m; a++, k++) {
                        sum += rx[1][a] * ry[1][b] * Math.exp(logP[k]);
                    }
                }
                out[j * n + i] = sum;
            }
        }
        return out;
    }

    /** Memorised points: the kernel factorises, so each mass is (1/N) Σ_i (∫ k_x)(∫ k_y). */
    private static double[] empiricalMasses(EmpiricalDenoiser oracle, double x0, double y0, double side, int n,
                                            int pieces, double t) {
        Schedule s = oracle.schedule();
        double alpha = s.alpha(t);
        double sigma = s.sigma(t);
        double[] xy = oracle.data().xy();
        int count = xy.length / 2;
        double[][] ix = new double[n][];
        double[][] iy = new double[n][];
        for (int i = 0; i < n; i++) {
            ix[i] = kernelIntegrals(rule(x0 + i * side, side, pieces), xy, 0, alpha, sigma);
            iy[i] = kernelIntegrals(rule(y0 + i * side, side, pieces), xy, 1, alpha, sigma);
        }
        double[] out = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int p = 0; p < count; p++) {
                    sum += ix[i][p] * iy[j][p];
                }
                out[j * n + i] = sum / count;
            }
        }
        return out;
    }

    /** ∫ N(q; α a_p, σ²) dq over the rule's interval, for each point's coordinate a_p. */
    private static double[] kernelIntegrals(double[][] rule, double[] xy, int axis, double alpha, double sigma) {
        int count = xy.length / 2;
        double norm = 1 / (Math.sqrt(2 * Math.PI) * sigma);
        double c = -0.5 / (sigma * sigma);
        double lo = rule[0][0] - 40 * sigma;
        double hi = rule[0][rule[0].length - 1] + 40 * sigma;
        double[] out = new double[count];
        for (int p = 0; p < count; p++) {
            double centre = alpha * xy[2 * p + axis];
            if (centre < lo || centre > hi) {
                continue; // e^(−800): nothing
            }
            double sum = 0;
            for (int q = 0; q < rule[0].length; q++) {
                double d = rule[0][q] - centre;
                sum += rule[1][q] * Math.exp(c * d * d);
            }
            out[p] = norm * sum;
        }
        return out;
    }

    /** −∮ p_t û·n ds of each cell, every edge evaluated once and shared by its two cells. */
    private static double[] inflows(Denoiser velocity, Denoiser oracle, double x0, double y0, double side, int n,
                                    int pieces, double t) {
        // vertical[i][j]: ∫ p û_x dy along x = x0 + i·side, over row j (i = 0..n);
        // horizontal[i][j]: ∫ p û_y dx along y = y0 + j·side, over column i (j = 0..n).
        double[][] vertical = new double[n + 1][n];
        double[][] horizontal = new double[n][n + 1];
        int m = pieces * NODES;
        int edges = 2 * n * (n + 1);
        double[] pts = new double[2 * m * edges];
        double[] weights = new double[m * edges];
        int e = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j < n; j++, e++) {
                double[][] r = rule(y0 + j * side, side, pieces);
                for (int q = 0; q < m; q++) {
                    pts[2 * (e * m + q)] = x0 + i * side;
                    pts[2 * (e * m + q) + 1] = r[0][q];
                    weights[e * m + q] = r[1][q];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= n; j++, e++) {
                double[][] r = rule(x0 + i * side, side, pieces);
                for (int q = 0; q < m; q++) {
                    pts[2 * (e * m + q)] = r[0][q];
                    pts[2 * (e * m + q) + 1] = y0 + j * side;
                    weights[e * m + q] = r[1][q];
                }
            }
        }
        double[] u = velocity.velocity(pts, t);
        double[] logP = ExactDensity.logDensity(oracle, pts, t);
        e = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j < n; j++, e++) {
                vertical[i][j] = edgeIntegral(u, logP, weights, e, m, 0);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= n; j++, e++) {
                horizontal[i][j] = edgeIntegral(u, logP, weights, e, m, 1);
            }
        }
        double[] out = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                // In through the left and bottom edges, out through the right and top.
                out[j * n + i] = vertical[i][j] - vertical[i + 1][j] + horizontal[i][j] - horizontal[i][j + 1];
            }
        }
        return out;
    }

    /** Σ w·p·û_axis over the nodes of edge e. */
    private static double edgeIntegral(double[] u, double[] logP, double[] weights, int e, int m, int axis) {
        double sum = 0;
        for (int q = 0; q < m; q++) {
            int k = e * m + q;
            sum += weights[k] * Math.exp(logP[k]) * u[2 * k + axis];
        }
        return sum;
    }
}
