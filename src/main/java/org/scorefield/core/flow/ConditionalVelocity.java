package org.scorefield.core.flow;

import org.scorefield.core.data.PointSet;

/**
 * Conditional against marginal velocity at one point x_t (docs/math.md §8.2; Lipman et al. 2023): flow
 * matching regresses on the conditional targets {@code x1 − x0} of random pairs, and what it learns
 * is their posterior mean, the marginal velocity.
 *
 * <p>For data points a_i (the empirical distribution, weight 1/N each) and the source N(0, I) with
 * the independent coupling, a point x at time t is reached from a_i by exactly one source point,
 * {@code x1 = (x − (1−t) a_i)/t}, so the conditional target of that pair is
 * <pre>
 *   u_i = x1 − a_i = (x − a_i)/t,      w_i ∝ N(x; (1−t) a_i, t² I)     (posterior of a_i given x_t = x)
 *   u(x, t) = Σ_i w_i u_i = (x − x̂0)/t,   x̂0 = Σ_i w_i a_i
 * </pre>
 * which is the PF-ODE velocity of the exact (memorising) oracle on the linear path: the learned
 * velocity of a flow-matching model approaches it.
 *
 * @param x        where, x
 * @param y        where, y
 * @param t        when (clamped into [{@value #T_MIN}, 1])
 * @param targets  u_i for every data point, interleaved
 * @param weights  w_i, summing to 1
 * @param marginal u(x, t)
 */
public record ConditionalVelocity(double x, double y, double t, double[] targets, double[] weights,
                                  double[] marginal) {

    /** Times below this are raised to it: the targets grow as 1/t and the posterior becomes a single point. */
    public static final double T_MIN = 0.02;

    /** The conditional targets, their posterior weights and their mean at (x, y) at time t, from N(0, I). */
    public static ConditionalVelocity at(PointSet data, double x, double y, double t) {
        return at(data, (zx, zy) -> -0.5 * (zx * zx + zy * zy), x, y, t);
    }

    /**
     * The same from any source with log-density {@code logSource} (up to a constant): the pair of
     * a_i reaching x is {@code x1 = (x − (1−t) a_i)/t}, so {@code w_i ∝ p_1((x − (1−t) a_i)/t)}
     * (the Jacobian t⁻² is common to all i); for N(0, I) that is the weight above.
     */
    public static ConditionalVelocity at(PointSet data, java.util.function.DoubleBinaryOperator logSource, double x,
            double y, double t) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the conditional velocity needs data points");
        }
        double time = Math.max(T_MIN, Math.min(1, t));
        int n = data.size();
        double[] logW = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        double a = 1 - time;
        for (int i = 0; i < n; i++) {
            logW[i] = logSource.applyAsDouble((x - a * data.x(i)) / time, (y - a * data.y(i)) / time);
            max = Math.max(max, logW[i]);
        }
        double total = 0;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.exp(logW[i] - max);
            total += weights[i];
        }
        double[] targets = new double[2 * n];
        double ux = 0;
        double uy = 0;
        for (int i = 0; i < n; i++) {
            weights[i] /= total;
            targets[2 * i] = (x - data.x(i)) / time;
            targets[2 * i + 1] = (y - data.y(i)) / time;
            ux += weights[i] * targets[2 * i];
            uy += weights[i] * targets[2 * i + 1];
        }
        return new ConditionalVelocity(x, y, time, targets, weights, new double[] {ux, uy});
    }

    /** Indices of the k largest weights, largest first. */
    public int[] strongest(int k) {
        int n = weights.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(weights[q], weights[p]));
        int m = Math.min(k, n);
        int[] top = new int[m];
        for (int i = 0; i < m; i++) {
            top[i] = order[i];
        }
        return top;
    }
}
