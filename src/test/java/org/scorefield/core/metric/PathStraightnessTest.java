package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.Trajectories;

class PathStraightnessTest {

    @Test
    void straightConstantSpeedPathsScoreZeroOnUnevenGrids() {
        SeededRandom rng = new SeededRandom(1);
        double[] x0 = rng.gaussianPoints(50);
        double[] x1 = rng.gaussianPoints(50);
        double[] times = {1, 0.93, 0.7, 0.65, 0.31, 0.3, 0.05, 0.001, 0};
        // x_t = (1 − t) x0 + t x1 (docs/math.md §8.1), sampled from t = 1 down to t = 0.
        Trajectories paths = record(times, t -> lerp(x0, x1, t));
        assertEquals(0, PathStraightness.straightness(paths), 1e-12);
        assertEquals(0, PathStraightness.normalizedStraightness(paths), 1e-12);

        // Same over a span that does not reach t = 0 (T = 0.7): the speed is |x1 − x0| / T.
        double[] partial = {0.9, 0.8, 0.55, 0.2};
        Trajectories shorter = record(partial, t -> lerp(x0, x1, (t - 0.2) / 0.7));
        assertEquals(0, PathStraightness.straightness(shorter), 1e-12);
    }

    @Test
    void quarterCircleMatchesItsClosedForm() {
        // x(t) = R (cos(πt/2), sin(πt/2)): ‖dx/dt‖² = R²π²/4, chord x1 − x0 = R(−1, 1), T = 1, so
        // S = ∫‖dx/dt‖² dt − ‖x1 − x0‖² = R²(π²/4 − 2), C = 2R², S/C = π²/8 − 1.
        // On a uniform grid of step h each segment is a chord of angle πh/2, so the discrete value is
        // S_h = 4R² sin²(πh/4)/h² − 2R² = S − R²π⁴h²/192 + O(h⁴).
        double radius = 1.7;
        double exact = radius * radius * (Math.PI * Math.PI / 4 - 2);
        double previousError = Double.NaN;
        for (int steps : new int[] {10, 20, 40, 80, 1000}) {
            Trajectories arc = record(uniform(steps), t -> new double[] {
                radius * Math.cos(Math.PI * t / 2), radius * Math.sin(Math.PI * t / 2)});
            double h = 1.0 / steps;
            double discrete = 4 * radius * radius * Math.pow(Math.sin(Math.PI * h / 4), 2) / (h * h) - 2 * radius * radius;
            double s = PathStraightness.straightness(arc);
            assertEquals(discrete, s, 1e-12, steps + " steps");
            double error = exact - s;
            assertEquals(radius * radius * Math.pow(Math.PI, 4) * h * h / 192, error, 0.01 * error, steps + " steps");
            if (!Double.isNaN(previousError) && steps <= 80) {
                assertEquals(4, previousError / error, 0.01, "halving h quarters the error");
            }
            previousError = error;
            assertEquals(2 * radius * radius, PathStraightness.transportCost(arc), 1e-12);
            if (steps == 1000) {
                assertEquals(exact, s, 1e-5);
                assertEquals(Math.PI * Math.PI / 8 - 1, PathStraightness.normalizedStraightness(arc), 1e-5);
            }
        }
    }

    @Test
    void straightButAcceleratingPathsAreNotStraightInVelocity() {
        // x_t = x0 + t² (x1 − x0): a straight line, but dx/dt = 2t (x1 − x0), so
        // S = ∫ (2t − 1)² dt ‖x1 − x0‖² = ‖x1 − x0‖²/3.
        double[] x0 = {0.5, -1};
        double[] x1 = {2.5, 0.5}; // ‖x1 − x0‖² = 6.25
        Trajectories paths = record(uniform(2000), t -> lerp(x0, x1, t * t));
        assertEquals(6.25 / 3, PathStraightness.straightness(paths), 1e-5);
        assertEquals(6.25, PathStraightness.transportCost(paths), 1e-12);
        assertEquals(1.0 / 3, PathStraightness.normalizedStraightness(paths), 1e-5);
    }

    @Test
    void equalsWastedKineticEnergyOnArbitraryPaths() {
        // Independent computation: S = Σ|Δt|‖Δx/Δt‖² − ‖x1 − x0‖²/T, averaged over particles.
        SeededRandom rng = new SeededRandom(2);
        double[] times = {1, 0.8, 0.77, 0.5, 0.1, 0};
        double[][] positions = new double[times.length][];
        for (int r = 0; r < times.length; r++) {
            positions[r] = rng.gaussianPoints(30);
        }
        double kinetic = 0;
        for (int r = 0; r + 1 < times.length; r++) {
            double dt = times[r] - times[r + 1];
            for (int i = 0; i < 60; i++) {
                double v = (positions[r + 1][i] - positions[r][i]) / dt;
                kinetic += dt * v * v;
            }
        }
        double cost = 0;
        for (int i = 0; i < 60; i++) {
            double d = positions[0][i] - positions[times.length - 1][i];
            cost += d * d;
        }
        double expected = (kinetic - cost) / 30;
        assertEquals(expected, PathStraightness.straightness(times, positions), 1e-10 * expected);
        assertEquals(cost / 30, PathStraightness.transportCost(times, positions), 1e-12);
        assertEquals(expected / (cost / 30), PathStraightness.normalizedStraightness(times, positions), 1e-10);
    }

    @Test
    void normalizationIsUnchangedWhenTimeIsRescaled() {
        double[] times = uniform(50);
        Trajectories arc = record(times, t -> new double[] {Math.cos(t), Math.sin(2 * t)});
        double[] halved = times.clone();
        for (int r = 0; r < halved.length; r++) {
            halved[r] *= 0.5;
        }
        double s = PathStraightness.straightness(arc);
        assertEquals(2 * s, PathStraightness.straightness(halved, arc.positions()), 1e-12);
        assertEquals(PathStraightness.normalizedStraightness(arc),
                PathStraightness.normalizedStraightness(halved, arc.positions()), 1e-12);
    }

    @Test
    void zeroDurationSegmentsAreSkipped() {
        double[] times = {1, 0.6, 0.6, 0.2, 0};
        DoubleFunction<double[]> curve = t -> new double[] {t, t * t * t};
        Trajectories withRepeat = record(times, curve);
        Trajectories without = record(new double[] {1, 0.6, 0.2, 0}, curve);
        double s = PathStraightness.straightness(withRepeat);
        assertTrue(Double.isFinite(s) && s > 0, "S = " + s);
        assertEquals(PathStraightness.straightness(without), s, 1e-15);
    }

    @Test
    void rejectsPathsItCannotMeasure() {
        double[][] two = {{0, 0}, {1, 1}};
        assertThrows(IllegalArgumentException.class, () -> PathStraightness.straightness(new double[] {1}, new double[][] {{0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> PathStraightness.straightness(new double[] {0.5, 0.5}, two));
        assertThrows(IllegalArgumentException.class,
                () -> PathStraightness.straightness(new double[] {1, 0.2, 0.5}, new double[][] {{0, 0}, {1, 1}, {2, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> PathStraightness.straightness(new double[] {1, 0}, new double[][] {{0, 0}, {1, 1, 2, 2}}));
        assertThrows(IllegalArgumentException.class, () -> PathStraightness.straightness(new double[] {1, 0, -1}, two));
    }

    /** Times 1, 1 − h, …, 0. */
    private static double[] uniform(int steps) {
        double[] times = new double[steps + 1];
        for (int r = 0; r <= steps; r++) {
            times[r] = 1 - (double) r / steps;
        }
        times[steps] = 0;
        return times;
    }

    /** Every particle's position at each time, as the samplers record them. */
    private static Trajectories record(double[] times, DoubleFunction<double[]> at) {
        double[][] positions = new double[times.length][];
        for (int r = 0; r < times.length; r++) {
            positions[r] = at.apply(times[r]);
        }
        return new Trajectories(times, positions, null);
    }

    private static double[] lerp(double[] x0, double[] x1, double t) {
        double[] out = new double[x0.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - t) * x0[i] + t * x1[i];
        }
        return out;
    }
}
