package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.schedule.ScheduleKind;

class ConditionalVelocityTest {

    @Test
    void theWeightedMeanOfTheTargetsIsTheOraclesVelocityOnTheLinearPath() {
        PointSet data = DatasetPreset.MOONS.sample(300, 4);
        EmpiricalDenoiser oracle = new EmpiricalDenoiser(data, ScheduleKind.LINEAR.createDefault());
        for (double t : new double[] {0.1, 0.4, 0.9}) {
            double[] at = {0.3, -0.2};
            ConditionalVelocity v = ConditionalVelocity.at(data, at[0], at[1], t);
            double[] exact = oracle.velocity(at, t);
            assertEquals(exact[0], v.marginal()[0], 1e-9 * (1 + Math.abs(exact[0])), "t = " + t);
            assertEquals(exact[1], v.marginal()[1], 1e-9 * (1 + Math.abs(exact[1])), "t = " + t);
            double sum = 0;
            for (double w : v.weights()) {
                sum += w;
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void eachTargetIsTheChordOfThePairThroughThePoint() {
        PointSet data = PointSet.of(new double[] {1, 0, -1, 2});
        double t = 0.25;
        ConditionalVelocity v = ConditionalVelocity.at(data, 0.5, 0.5, t);
        // the source point that reaches (0.5, 0.5) from a_0 = (1, 0) at t: x1 = (x − (1 − t) a)/t
        double x1x = (0.5 - 0.75 * 1) / t;
        double x1y = (0.5 - 0.75 * 0) / t;
        assertEquals(x1x - 1, v.targets()[0], 1e-12);
        assertEquals(x1y - 0, v.targets()[1], 1e-12);
        // posterior ∝ N(x; (1 − t) a_i, t²I): a_0 is closer, so it weighs more
        assertTrue(v.weights()[0] > v.weights()[1]);
        assertEquals(0, v.strongest(1)[0]);
        assertEquals(ConditionalVelocity.T_MIN, ConditionalVelocity.at(data, 0, 0, 0).t());
    }
}
