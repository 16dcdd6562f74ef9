package org.scorefield.core.flow;

/**
 * What the velocity probe draws at one point x_t (docs/math.md §8.2): the conditional targets
 * {@code x1 − x0} of the pairs through it, each as faint as its posterior weight is small, their
 * weighted mean (the exact marginal velocity), and the learned velocity there.
 *
 * @param x        the point, x
 * @param y        the point, y
 * @param targets  conditional targets to draw, interleaved
 * @param weights  their posterior weights relative to the largest (1 for the strongest)
 * @param marginal the exact marginal velocity
 * @param learned  the model's velocity, or null without a flow-matching model
 */
public record VelocityProbe(double x, double y, double[] targets, double[] weights, double[] marginal,
                            double[] learned) {

    public VelocityProbe {
        if (targets.length != 2 * weights.length || marginal.length != 2 || (learned != null && learned.length != 2)) {
            throw new IllegalArgumentException("a probe needs one weight per target and 2D velocities");
        }
    }

    /**
     * The probe of a conditional velocity: its {@code maxTargets} likeliest targets, weighted
     * relative to the likeliest, its marginal, and the learned velocity there.
     *
     * @param learned the model's velocity at the point, or null
     */
    public static VelocityProbe of(ConditionalVelocity v, double x, double y, int maxTargets, double[] learned) {
        int[] top = v.strongest(maxTargets);
        double[] targets = new double[2 * top.length];
        double[] weights = new double[top.length];
        double strongest = v.weights()[top[0]];
        for (int k = 0; k < top.length; k++) {
            targets[2 * k] = v.targets()[2 * top[k]];
            targets[2 * k + 1] = v.targets()[2 * top[k] + 1];
            weights[k] = v.weights()[top[k]] / strongest;
        }
        return new VelocityProbe(x, y, targets, weights, v.marginal(), learned);
    }
}
