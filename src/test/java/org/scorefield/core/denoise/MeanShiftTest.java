package org.scorefield.core.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * Issue 19's bar: the mean-shift weights are the memorising oracle's posterior, and x̂0 is their
 * weighted mean, to 1e-12 (docs/math.md §4.1, §6.2).
 */
class MeanShiftTest {

    @Test
    void weightsAreThePosteriorAndTheGuessIsTheOraclesDenoiser() {
        PointSet data = DatasetPreset.MOONS.sample(300, 4);
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR, ScheduleKind.VE}) {
            Schedule schedule = kind.createDefault();
            EmpiricalDenoiser oracle = new EmpiricalDenoiser(data, schedule);
            for (double t : new double[] {0.02, 0.3, 0.8}) {
                double x = 0.4;
                double y = -0.2;
                MeanShift m = MeanShift.at(data, schedule, x, y, t);
                // the posterior by Bayes' rule by hand: prior 1/N, likelihood N(x_t; α x_i, σ² I)
                double a = schedule.alpha(t);
                double s = schedule.sigma(t);
                double[] post = new double[data.size()];
                double sum = 0;
                double ref = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < data.size(); i++) {
                    double dx = x - a * data.xy()[2 * i];
                    double dy = y - a * data.xy()[2 * i + 1];
                    ref = Math.max(ref, -(dx * dx + dy * dy) / (2 * s * s));
                }
                for (int i = 0; i < data.size(); i++) {
                    double dx = x - a * data.xy()[2 * i];
                    double dy = y - a * data.xy()[2 * i + 1];
                    post[i] = Math.exp(-(dx * dx + dy * dy) / (2 * s * s) - ref);
                    sum += post[i];
                }
                double mx = 0;
                double my = 0;
                for (int i = 0; i < data.size(); i++) {
                    post[i] /= sum;
                    mx += post[i] * data.xy()[2 * i];
                    my += post[i] * data.xy()[2 * i + 1];
                }
                assertArrayEquals(post, m.weights(), 1e-12, kind + " t=" + t);
                assertArrayEquals(new double[] {mx, my}, m.denoised(), 1e-12);
                assertArrayEquals(oracle.denoise(new double[] {x, y}, t), m.denoised(), 1e-12, kind + " t=" + t);
                assertEquals(s / a, m.bandwidth(), 1e-15);
                // the Euler step equals the oracle's own velocity step
                double[] u = oracle.velocity(new double[] {x, y}, t);
                double[] step = m.eulerStep(schedule, x, y, t, t - 0.01);
                assertArrayEquals(new double[] {x - 0.01 * u[0], y - 0.01 * u[1]}, step, 1e-12);
            }
        }
    }
}
