package org.scorefield.core.flow;

/**
 * The entropic optimal transport plan between two uniform point clouds (docs/math.md §8.5; Cuturi 2013):
 * <pre>
 *   P = argmin_{P ∈ Π(a, b)}  Σ_ij P_ij C_ij − ε H(P),    P = diag(u) e^{−C/ε} diag(v),
 *   a_i = 1/n,  b_j = 1/m,  H(P) = −Σ P_ij (log P_ij − 1)
 * </pre>
 * found by alternately rescaling rows and columns (Sinkhorn–Knopp). ε is in the units of the cost
 * (squared distance). As ε → 0 the plan approaches the exact assignment ({@link Assignment}); as
 * ε → ∞ it approaches the independent plan {@code a bᵀ}.
 *
 * <p>Small ε makes {@code e^{−C/ε}} underflow and the plain iteration slow. Two standard remedies
 * keep it exact and quick (Schmitzer 2019): the scalings are absorbed into log-domain potentials
 * f, g whenever they grow large, so the kernel in use is {@code exp((f_i + g_j − C_ij)/ε)}, whose
 * entries stay near 1 where the plan has mass; and ε is annealed from the largest cost down to the
 * asked value, each stage warm-started from the previous potentials.
 */
public final class Sinkhorn {

    /** Scalings beyond e^±ABSORB are moved into the potentials. */
    private static final double ABSORB = 30;
    /** Each annealing stage divides ε by this, down to the asked value. */
    private static final double ANNEAL = 4;
    /** The marginal error at which an intermediate stage hands over to the next. */
    private static final double STAGE_TOLERANCE = 1e-3;

    private Sinkhorn() {
    }

    /**
     * The plan: {@code P_ij} row-major, its dual potentials, and how well it meets the marginals.
     *
     * @param rows           n
     * @param cols           m
     * @param plan           P, row-major; every entry ≥ 0, total mass 1
     * @param iterations     row-and-column rescalings done, over all stages
     * @param marginalError  {@code Σ_i |Σ_j P_ij − 1/n| + Σ_j |Σ_i P_ij − 1/m|}
     */
    public record Plan(int rows, int cols, double[] plan, int iterations, double marginalError) {

        public double at(int i, int j) {
            return plan[i * cols + j];
        }

        /** Σ_j P_ij for every row. */
        public double[] rowSums() {
            double[] s = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    s[i] += plan[i * cols + j];
                }
            }
            return s;
        }

        /** Σ_i P_ij for every column. */
        public double[] colSums() {
            double[] s = new double[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    s[j] += plan[i * cols + j];
                }
            }
            return s;
        }

        /** The transport cost Σ P_ij C_ij of this plan under a cost matrix of the same shape. */
        public double cost(double[] cost) {
            double total = 0;
            for (int k = 0; k < plan.length; k++) {
                total += plan[k] * cost[k];
            }
            return total;
        }
    }

    /**
     * The entropic plan of a cost matrix.
     *
     * @param cost          n × m finite costs, row-major
     * @param n             rows
     * @param m             columns
     * @param epsilon       the entropic regularisation ε &gt; 0, in cost units
     * @param tolerance     the marginal error to reach ({@link Plan#marginalError()})
     * @param maxIterations rescalings allowed in the last stage; the plan is returned even if the
     *                      tolerance was not reached (its error says so)
     */
    public static Plan solve(double[] cost, int n, int m, double epsilon, double tolerance, int maxIterations) {
        if (n < 1 || m < 1 || cost.length != (long) n * m) {
            throw new IllegalArgumentException("Sinkhorn needs an n × m matrix, got " + cost.length + " costs for "
                    + n + " × " + m);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("ε must be positive and finite, got " + epsilon);
        }
        double largest = 0;
        for (double c : cost) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("a cost is " + c);
            }
            largest = Math.max(largest, Math.abs(c));
        }
        double[] f = new double[n];
        double[] g = new double[m];
        double[] kernel = new double[n * m];
        double[] u = new double[n];
        double[] v = new double[m];
        double a = 1.0 / n;
        double b = 1.0 / m;
        int iterations = 0;
        double stage = Math.max(epsilon, largest);
        boolean first = true;
        while (true) {
            boolean last = stage <= epsilon;
            double eps = last ? epsilon : stage;
            if (first) {
                // later stages start from the previous stage's potentials, close enough not to underflow
                logDomainStep(cost, n, m, eps, f, g, a, b);
                first = false;
            }
            fillKernel(cost, n, m, eps, f, g, kernel);
            java.util.Arrays.fill(u, 1);
            java.util.Arrays.fill(v, 1);
            double target = last ? tolerance : Math.max(tolerance, STAGE_TOLERANCE);
            int budget = last ? maxIterations : Math.max(50, maxIterations / 4);
            for (int k = 0; k < budget; k++) {
                double rowError = 0;
                boolean bad = false;
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    int row = i * m;
                    for (int j = 0; j < m; j++) {
                        s += kernel[row + j] * v[j];
                    }
                    rowError += Math.abs(u[i] * s - a);
                    u[i] = a / s;
                    bad |= !(u[i] > Math.exp(-ABSORB) && u[i] < Math.exp(ABSORB));
                }
                // the columns are exact after their rescaling, so the row error is the whole error
                if (rowError <= target && k > 0) {
                    break;
                }
                double[] colSums = new double[m];
                for (int i = 0; i < n; i++) {
                    int row = i * m;
                    double ui = u[i];
                    for (int j = 0; j < m; j++) {
                        colSums[j] += kernel[row + j] * ui;
                    }
                }
                for (int j = 0; j < m; j++) {
                    v[j] = b / colSums[j];
                    bad |= !(v[j] > Math.exp(-ABSORB) && v[j] < Math.exp(ABSORB));
                }
                iterations++;
                if (bad) {
                    absorb(n, m, eps, f, g, u, v);
                    logDomainStep(cost, n, m, eps, f, g, a, b);
                    fillKernel(cost, n, m, eps, f, g, kernel);
                    java.util.Arrays.fill(u, 1);
                    java.util.Arrays.fill(v, 1);
                }
            }
            absorb(n, m, eps, f, g, u, v);
            if (last) {
                // one exact column step in the log domain, so the columns hold to rounding
                fillKernel(cost, n, m, eps, f, g, kernel);
                double[] colSums = new double[m];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        colSums[j] += kernel[i * m + j];
                    }
                }
                for (int j = 0; j < m; j++) {
                    double scale = b / colSums[j];
                    for (int i = 0; i < n; i++) {
                        kernel[i * m + j] *= scale;
                    }
                }
                return new Plan(n, m, kernel, iterations, marginalError(kernel, n, m, a, b));
            }
            stage = Math.max(epsilon, stage / ANNEAL);
        }
    }

    /** Moves the scalings into the potentials: f += ε log u, g += ε log v. */
    private static void absorb(int n, int m, double eps, double[] f, double[] g, double[] u, double[] v) {
        for (int i = 0; i < n; i++) {
            f[i] += eps * Math.log(u[i]);
            u[i] = 1;
        }
        for (int j = 0; j < m; j++) {
            g[j] += eps * Math.log(v[j]);
            v[j] = 1;
        }
    }

    /**
     * One row and one column update computed with log-sum-exp, which never underflows:
     * {@code f_i = ε log a − ε LSE_j((g_j − C_ij)/ε)}, then the same for g.
     */
    private static void logDomainStep(double[] cost, int n, int m, double eps, double[] f, double[] g, double a,
                                      double b) {
        double logA = Math.log(a);
        double logB = Math.log(b);
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                max = Math.max(max, (g[j] - cost[i * m + j]) / eps);
            }
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += Math.exp((g[j] - cost[i * m + j]) / eps - max);
            }
            f[i] = eps * (logA - max - Math.log(s));
        }
        for (int j = 0; j < m; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, (f[i] - cost[i * m + j]) / eps);
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.exp((f[i] - cost[i * m + j]) / eps - max);
            }
            g[j] = eps * (logB - max - Math.log(s));
        }
    }

    private static void fillKernel(double[] cost, int n, int m, double eps, double[] f, double[] g, double[] kernel) {
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int j = 0; j < m; j++) {
                kernel[row + j] = Math.exp((f[i] + g[j] - cost[row + j]) / eps);
            }
        }
    }

    private static double marginalError(double[] p, int n, int m, double a, double b) {
        double error = 0;
        double[] cols = new double[m];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += p[i * m + j];
                cols[j] += p[i * m + j];
            }
            error += Math.abs(s - a);
        }
        for (int j = 0; j < m; j++) {
            error += Math.abs(cols[j] - b);
        }
        return error;
    }
}
