package org.scorefield.core.metric;

/**
 * Solver error (docs/math.md §11.5): the mean endpoint distance to a reference solve, the same start
 * points integrated with many steps.
 *
 * <pre>
 *   error = (1/n) Σ_i ‖x_i − x_i^ref‖
 * </pre>
 *
 * <p>Unlike the distribution metrics this pairs point i with point i: it asks whether the solver
 * followed the ODE, not whether the cloud looks right, and only makes sense when both solves start
 * from the same noise. The plain (not squared) distance keeps the value in the units of the data,
 * so a convergence plot in log–log axes shows the solver's order as its slope.
 */
public final class SolverError {

    private SolverError() {
    }

    /** The mean Euclidean distance between corresponding points of {@code a} and {@code b}. */
    public static double meanEndpointDistance(double[] a, double[] b) {
        int n = InterleavedPoints.equalCount(a, b, "solver error");
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.hypot(a[2 * i] - b[2 * i], a[2 * i + 1] - b[2 * i + 1]);
        }
        return total / n;
    }
}
