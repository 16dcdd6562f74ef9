package org.scorefield.core.flow;

import java.util.Arrays;

/**
 * The exact minimum-cost perfect matching of a square cost matrix (the linear assignment problem):
 * the permutation π minimising {@code Σ_i C[i][π(i)]}. Minibatch optimal transport pairs a batch
 * of data with a batch of source points by it (docs/math.md §8.4; OT-CFM, Tong et al. 2024).
 *
 * <p>The method is the shortest augmenting path algorithm of Jonker and Volgenant (1987) in the
 * form of Crouse (2016), the one SciPy's {@code linear_sum_assignment} uses: rows are added one at a
 * time, each by a Dijkstra search over reduced costs {@code C[i][j] − u[i] − v[j] ≥ 0}, after which
 * the dual potentials u, v are updated so that every assigned pair has reduced cost 0. At the end
 * the dual certifies optimality. O(n³) in the worst case; on random points in the plane far less.
 * No Java library on Maven Central offers this in a maintained form, so it is implemented here and
 * tested against brute force.
 */
public final class Assignment {

    private Assignment() {
    }

    /**
     * The optimal assignment of a square cost matrix given row-major.
     *
     * @param cost n × n finite costs, {@code cost[i * n + j]}
     * @param n    the number of rows and columns
     * @return {@code col[i]}, the column assigned to row i (a permutation of 0..n−1)
     * @throws IllegalArgumentException if the matrix is not n × n or holds a cost that is not finite
     */
    public static int[] solve(double[] cost, int n) {
        if (n < 0 || cost.length != (long) n * n) {
            throw new IllegalArgumentException("an assignment needs an n × n matrix, got " + cost.length
                    + " costs for n = " + n);
        }
        for (int k = 0; k < cost.length; k++) {
            if (!Double.isFinite(cost[k])) {
                throw new IllegalArgumentException("cost " + k + " is " + cost[k]);
            }
        }
        double[] u = new double[n];
        double[] v = new double[n];
        double[] shortest = new double[n];
        int[] path = new int[n];
        int[] colForRow = new int[n];
        int[] rowForCol = new int[n];
        int[] remaining = new int[n];
        boolean[] rowSeen = new boolean[n];
        boolean[] colSeen = new boolean[n];
        Arrays.fill(colForRow, -1);
        Arrays.fill(rowForCol, -1);
        for (int current = 0; current < n; current++) {
            // Dijkstra from the free row `current` until a free column (the sink) is reached.
            Arrays.fill(shortest, Double.POSITIVE_INFINITY);
            Arrays.fill(rowSeen, false);
            Arrays.fill(colSeen, false);
            int left = n;
            for (int k = 0; k < n; k++) {
                remaining[k] = n - k - 1;
            }
            double minimum = 0;
            int sink = -1;
            int i = current;
            while (sink < 0) {
                rowSeen[i] = true;
                int best = -1;
                double lowest = Double.POSITIVE_INFINITY;
                int row = i * n;
                for (int k = 0; k < left; k++) {
                    int j = remaining[k];
                    double reduced = minimum + cost[row + j] - u[i] - v[j];
                    if (reduced < shortest[j]) {
                        path[j] = i;
                        shortest[j] = reduced;
                    }
                    // ties go to a free column: the search ends sooner
                    if (shortest[j] < lowest || (shortest[j] == lowest && rowForCol[j] < 0)) {
                        lowest = shortest[j];
                        best = k;
                    }
                }
                minimum = lowest;
                int j = remaining[best];
                colSeen[j] = true;
                remaining[best] = remaining[--left];
                if (rowForCol[j] < 0) {
                    sink = j;
                } else {
                    i = rowForCol[j];
                }
            }
            // Update the dual, then flip the alternating path that ends at the sink.
            u[current] += minimum;
            for (int r = 0; r < n; r++) {
                if (rowSeen[r] && r != current) {
                    u[r] += minimum - shortest[colForRow[r]];
                }
            }
            for (int c = 0; c < n; c++) {
                if (colSeen[c]) {
                    v[c] -= minimum - shortest[c];
                }
            }
            int j = sink;
            while (true) {
                int r = path[j];
                rowForCol[j] = r;
                int previous = colForRow[r];
                colForRow[r] = j;
                j = previous;
                if (r == current) {
                    break;
                }
            }
        }
        return colForRow;
    }

    /** The total cost {@code Σ_i C[i][col[i]]} of an assignment. */
    public static double cost(double[] cost, int n, int[] col) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += cost[i * n + col[i]];
        }
        return total;
    }

    /**
     * The squared-distance cost matrix {@code C[i][j] = ‖a_i − b_j‖²} of two interleaved point sets,
     * row-major (|a| rows, |b| columns).
     */
    public static double[] squaredDistances(double[] a, double[] b) {
        int n = a.length / 2;
        int m = b.length / 2;
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            double ax = a[2 * i];
            double ay = a[2 * i + 1];
            int row = i * m;
            for (int j = 0; j < m; j++) {
                double dx = ax - b[2 * j];
                double dy = ay - b[2 * j + 1];
                c[row + j] = dx * dx + dy * dy;
            }
        }
        return c;
    }
}
