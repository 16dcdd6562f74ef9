package org.scorefield.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.Progress;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;

/**
 * Euler–Maruyama paths of the forward SDE dx = f·x dt + g dW (docs/math.md §1.4) have the marginals of
 * the fixed-ε paths, x_t ~ N(α·x0, σ²I), at every t, and the joint law of a Brownian process, not of a
 * smooth curve.
 */
class ForwardSdePathsTest {

    private static final int N = 20_000;
    private static final double X0 = 0.8;
    private static final double Y0 = -0.4;

    private static ForwardSdePaths paths(Schedule s, long seed) {
        double[] data = new double[2 * N];
        for (int i = 0; i < N; i++) {
            data[2 * i] = X0;
            data[2 * i + 1] = Y0;
        }
        double[] eps = new SeededRandom(1).gaussianPoints(N);
        return ForwardSdePaths.draw(data, eps, s, seed, Progress.NONE);
    }

    /**
     * 20,000 paths from one x0 under VP, VE, the linear path and EDM: at t = 0.05, 0.2, 0.5 and 0.9 the mean
     * of each coordinate is α(t)·x0 within 4 standard errors (4σ/√N ≈ 0.03σ), and the pooled variance is
     * σ(t)² within 4 standard errors of a variance (4·√(1/N) ≈ 2.8 %) plus 1 % for the scheme's error
     * in the variance (O(|Δλ|), |Δλ| about 0.005 with 2,000 steps).
     */
    @Test
    void theMarginalAtEveryTimeIsTheFixedEpsilonMarginal() {
        for (ScheduleKind kind : List.of(ScheduleKind.VP, ScheduleKind.VE, ScheduleKind.LINEAR, ScheduleKind.EDM)) {
            Schedule s = kind.createDefault();
            ForwardSdePaths p = paths(s, 5);
            for (double t : new double[] {0.05, 0.2, 0.5, 0.9}) {
                double[] x = p.at(t);
                double a = s.alpha(t);
                double sd = s.sigma(t);
                double mx = 0;
                double my = 0;
                for (int i = 0; i < N; i++) {
                    mx += x[2 * i] / N;
                    my += x[2 * i + 1] / N;
                }
                double var = 0;
                for (int i = 0; i < N; i++) {
                    var += (Math.pow(x[2 * i] - mx, 2) + Math.pow(x[2 * i + 1] - my, 2)) / (2.0 * (N - 1));
                }
                String at = kind.id() + " t = " + t;
                assertEquals(a * X0, mx, 4 * sd / Math.sqrt(N), at + ": mean x");
                assertEquals(a * Y0, my, 4 * sd / Math.sqrt(N), at + ": mean y");
                assertEquals(sd * sd, var, (4 * Math.sqrt(1.0 / N) + 0.01) * sd * sd, at + ": variance");
            }
        }
    }

    /**
     * The joint law differs: a fixed-ε path's standardised noise (x_t − α x0)/σ is the same ε at every t
     * (correlation 1 between two times), while for the SDE, Markov and linear, Cov(x_s, x_t) =
     * (α_t/α_s)·σ_s² for s &lt; t, a correlation of α_t σ_s/(α_s σ_t) (VP: 0.10 between t = 0.1 and 0.5),
     * matched within 0.03 (4 standard errors of a correlation, 4/√N, plus the scheme's error).
     */
    @Test
    void theJointLawIsBrownianNotASmoothCurve() {
        Schedule vp = ScheduleKind.VP.createDefault();
        ForwardSdePaths p = paths(vp, 9);
        double s = 0.1;
        double t = 0.5;
        double[] xs = p.at(s);
        double[] xt = p.at(t);
        double cov = 0;
        double vs = 0;
        double vt = 0;
        for (int i = 0; i < 2 * N; i++) {
            double x0 = i % 2 == 0 ? X0 : Y0;
            double a = xs[i] - vp.alpha(s) * x0;
            double b = xt[i] - vp.alpha(t) * x0;
            cov += a * b;
            vs += a * a;
            vt += b * b;
        }
        double correlation = cov / Math.sqrt(vs * vt);
        double expected = vp.alpha(t) * vp.sigma(s) / (vp.alpha(s) * vp.sigma(t));
        assertTrue(expected < 0.5, "a telling pair of times: " + expected);
        assertEquals(expected, correlation, 0.03);
    }

    /**
     * Each path starts on its fixed-ε path (at t = 0, the data point itself under VP), the same seed draws the
     * same paths, and the points follow them through {@link ForwardNoising#along} under their schedule only.
     */
    @Test
    void pathsStartOnTheFixedPathAndForwardNoisingFollowsThemUnderTheirSchedule() {
        PointSet data = PointSet.of(new double[] {0.5, 0.5, -1, 2, 1.5, -0.3});
        ForwardNoising fixed = new ForwardNoising(data, 3);
        Schedule vp = ScheduleKind.VP.createDefault();
        ForwardSdePaths p = ForwardSdePaths.draw(data.xy(), fixed.noise(), vp, 4, Progress.NONE);
        assertArrayEquals(data.xy(), p.at(0), 0.0);
        assertArrayEquals(fixed.at(vp, vp.tMin()), p.at(vp.tMin()), 1e-15);
        assertArrayEquals(p.at(0.4), ForwardSdePaths.draw(data.xy(), fixed.noise(), vp, 4, Progress.NONE).at(0.4), 0.0);
        ForwardNoising brownian = fixed.along(p);
        assertArrayEquals(p.at(0.4), brownian.at(vp, 0.4), 0.0);
        Schedule ve = ScheduleKind.VE.createDefault();
        assertArrayEquals(fixed.at(ve, 0.4), brownian.at(ve, 0.4), 0.0, "another schedule: the fixed-ε paths");
        var reversed = p.reversed(2);
        assertEquals(2, reversed.particles());
        assertEquals(1.0, reversed.times()[0], "the data point at 1 − 0");
        assertTrue(reversed.times()[1] < reversed.times()[0], "times fall as a canvas draws paths");
    }
}
