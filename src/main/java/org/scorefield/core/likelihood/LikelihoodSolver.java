package org.scorefield.core.likelihood;

import org.scorefield.core.Identified;

/**
 * The explicit Runge–Kutta methods the likelihood ODE is integrated with (docs/math.md §7.4), by the
 * ids of the samplers of the same order: Euler (1 evaluation per step), Heun (2) and the classical
 * fourth-order method (4).
 */
public enum LikelihoodSolver implements Identified {
    EULER("euler", new double[] {0}, new double[][] {{}}, new double[] {1}),
    HEUN("heun", new double[] {0, 1}, new double[][] {{}, {1}}, new double[] {0.5, 0.5}),
    RK4("rk4", new double[] {0, 0.5, 0.5, 1}, new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
            new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6});

    private final String id;
    private final double[] nodes;
    private final double[][] stages;
    private final double[] weights;

    LikelihoodSolver(String id, double[] nodes, double[][] stages, double[] weights) {
        this.id = id;
        this.nodes = nodes;
        this.stages = stages;
        this.weights = weights;
    }

    @Override
    public String id() {
        return id;
    }

    /** Evaluations of û and ∇·û per step. */
    public int stages() {
        return nodes.length;
    }

    /** c_s: where in the step stage s evaluates, as a fraction of h. */
    double node(int s) {
        return nodes[s];
    }

    /** a_sj of the Butcher tableau (j &lt; s). */
    double stage(int s, int j) {
        return stages[s][j];
    }

    /** b_s. */
    double weight(int s) {
        return weights[s];
    }

    public static LikelihoodSolver fromId(String id) {
        return Identified.byId(LikelihoodSolver.class, id, "likelihood solver");
    }
}
