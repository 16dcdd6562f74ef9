package org.scorefield.app.canvas;

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
}
