package org.scorefield.core.flow;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.schedule.LinearFlow;
import org.scorefield.core.schedule.Schedule;

/**
 * The time at which a {@link FlowOracle} is asked, on its linear path {@code x_t = (1−t)·x0 + t·x1}
 * (docs/math.md §8.1): it must lie in [0, 1], and it is raised to the linear schedule's tMin() where the
 * path has no density at t itself (point data: x_0 is a Dirac mass) or the velocity (x − x̂0)/t
 * is 0/0 (t = 0).
 */
final class LinearPathTime {

    /** The schedule of every flow oracle: α = 1 − t, σ = t. */
    static final Schedule SCHEDULE = new LinearFlow();

    private LinearPathTime() {
    }

    /** t itself, once it is known to lie in [0, 1]. */
    static double checked(double t) {
        InvalidInputException.require(t >= 0 && t <= 1, "t lies in [0, 1], got " + t + ".");
        return t;
    }

    /** t checked, then raised to the linear schedule's tMin(). */
    static double raised(double t) {
        return Math.max(checked(t), SCHEDULE.tMin());
    }
}
