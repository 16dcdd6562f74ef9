package org.scorefield.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The time axes of the scrubber: ends fixed, strictly increasing, inverse of each other, and even in λ. */
class TimeWarpTest {

    private static final Schedule VP = ScheduleKind.VP.createDefault();

    @Test
    void everyAxisKeepsItsEndsAndIsInvertedByTime() {
        for (ScheduleKind kind : ScheduleKind.values()) {
            Schedule schedule = kind.createDefault();
            for (TimeWarp.Kind axis : TimeWarp.Kind.values()) {
                TimeWarp warp = TimeWarp.of(axis, schedule);
                assertEquals(0, warp.position(0), 0);
                assertEquals(1, warp.position(1), 0);
                double previous = -1;
                for (int i = 0; i <= 1000; i++) {
                    double t = i / 1000.0;
                    double u = warp.position(t);
                    assertTrue(u > previous, kind + " " + axis + ": strictly increasing at t = " + t);
                    previous = u;
                    assertEquals(t, warp.time(u), 1e-9, kind + " " + axis + " at t = " + t);
                }
            }
        }
    }

    /**
     * Under VP linear (β 0.1 → 20), λ runs from the cap 5 to λ(1) = −5.02 (clamped to −5), so the
     * log-SNR axis puts λ = 0 (α = σ, where B(t) = 0.1 t + 9.95 t² = ln 2) at
     * u = 0.95 · 1/2 + 0.05 · t; and equal steps of u away from the ends are equal steps of λ.
     */
    @Test
    void theLogSnrAxisIsEvenInLambdaUnderVp() {
        double crossing = (-0.1 + Math.sqrt(0.01 + 4 * 9.95 * Math.log(2))) / (2 * 9.95);
        assertEquals(0.2589, crossing, 1e-4);
        TimeWarp warp = TimeWarp.of(TimeWarp.Kind.LOG_SNR, VP);
        double u = 0.95 * 0.5 + 0.05 * crossing;
        assertEquals(crossing, warp.time(u), 1e-4);
        double[] lambdas = new double[9];
        double[] times = new double[9];
        for (int k = 0; k < 9; k++) {
            times[k] = warp.time(0.1 + 0.1 * k);
            double a = VP.alpha(times[k]);
            double s = VP.sigma(times[k]);
            lambdas[k] = 0.5 * Math.log(a * a / (s * s));
        }
        for (int k = 1; k < 9; k++) {
            // a step Δu = 0.1 is 0.95·|Δλ|/10 + 0.05·Δt where λ is not clamped
            double expected = -(0.1 - 0.05 * (times[k] - times[k - 1])) * 10 / 0.95;
            assertEquals(expected, lambdas[k] - lambdas[k - 1], 1e-3, "step " + k);
        }
        // the plain-t axis would put α = σ at u = 0.26; σ(0.08) = 0.26 sits at about a third here
        assertTrue(warp.position(0.08) > 0.3, "u(0.08) = " + warp.position(0.08));
    }

    @Test
    void theTimeAxisIsTheIdentity() {
        TimeWarp warp = TimeWarp.of(TimeWarp.Kind.TIME, VP);
        for (double t : new double[] {0, 0.013, 0.5, 0.97, 1}) {
            assertEquals(t, warp.position(t), 1e-12);
            assertEquals(t, warp.time(t), 1e-12);
        }
    }
}
