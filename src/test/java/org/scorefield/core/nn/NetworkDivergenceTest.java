package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.scorefield.core.denoise.VelocityDivergence;
import org.scorefield.core.likelihood.Hutchinson;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The network's exact ∇·û (docs/math.md §7.2) against central differences of its velocity in double
 * precision, for every objective and for schedules of each kind; and Hutchinson's estimator against it.
 */
class NetworkDivergenceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Objective.EPSILON, ScheduleKind.VP, Activation.SILU),
                Arguments.of(Objective.DATA, ScheduleKind.SUB_VP, Activation.GELU),
                Arguments.of(Objective.SCORE, ScheduleKind.VE, Activation.SILU),
                Arguments.of(Objective.VELOCITY, ScheduleKind.VP_COSINE, Activation.SILU),
                Arguments.of(Objective.EDM, ScheduleKind.EDM, Activation.SILU),
                Arguments.of(Objective.EDM, ScheduleKind.VP, Activation.GELU),
                Arguments.of(Objective.FLOW_MATCHING, ScheduleKind.LINEAR, Activation.SILU));
    }

    private static NetworkDenoiser network(Objective objective, ScheduleKind kind, Activation activation, boolean residual) {
        Architecture arch = new Architecture(16, 3, activation, residual, TimeEmbedding.SINUSOIDAL, 4, 0, 0);
        Schedule schedule = kind.createDefault();
        return new NetworkDenoiser(new Mlp(arch, DataType.DOUBLE, 5), Parameterization.of(objective, schedule), 0, true);
    }

    /** ∂û_x/∂x + ∂û_y/∂y by central differences with step h, point by point. */
    private static double[] centralDifferences(NetworkDenoiser d, double[] xt, double t, double h) {
        int n = xt.length / 2;
        double[] div = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                double[] up = {xt[2 * i], xt[2 * i + 1]};
                double[] down = up.clone();
                up[c] += h;
                down[c] -= h;
                div[i] += (d.velocity(up, t)[c] - d.velocity(down, t)[c]) / (2 * h);
            }
        }
        return div;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void exactDivergenceMatchesCentralDifferencesInDoublePrecision(Objective objective, ScheduleKind kind,
            Activation activation) {
        for (boolean residual : new boolean[] {false, true}) {
            NetworkDenoiser d = network(objective, kind, activation, residual);
            double[] xt = new SeededRandom(4).gaussianPoints(9);
            for (double t : new double[] {0.05, 0.3, 0.7, 0.95}) {
                VelocityDivergence exact = d.velocityDivergence(xt, t);
                assertArrayEquals(d.velocity(xt, t), exact.velocity(), 1e-12);
                double[] numeric = centralDifferences(d, xt, t, 1e-5);
                double worst = 0;
                for (int i = 0; i < numeric.length; i++) {
                    worst = Math.max(worst, Math.abs(numeric[i] - exact.divergence()[i])
                            / Math.max(1e-3, Math.abs(numeric[i])));
                }
                assertTrue(worst < 1e-6, "relative error " + worst + " for " + objective + ", " + kind + " at t = " + t);
            }
        }
    }

    /** The same exact divergence in float, the working precision, is within float's rounding of it. */
    @Test
    void floatNetworkAgreesWithItsDoubleTwin() {
        Architecture arch = new Architecture(32, 3, Activation.SILU, false, TimeEmbedding.SINUSOIDAL, 4, 0, 0);
        Mlp twin = new Mlp(arch, DataType.DOUBLE, 9);
        Parameterization p = Parameterization.of(Objective.EDM, ScheduleKind.VP.createDefault());
        NetworkDenoiser inDouble = new NetworkDenoiser(twin, p, 0, true);
        NetworkDenoiser inFloat = new NetworkDenoiser(new Mlp(arch, DataType.FLOAT, twin.weights()), p, 0, true);
        double[] xt = new SeededRandom(2).gaussianPoints(50);
        double[] a = inDouble.velocityDivergence(xt, 0.4).divergence();
        double[] b = inFloat.velocityDivergence(xt, 0.4).divergence();
        for (int i = 0; i < a.length; i++) {
            assertTrue(Math.abs(a[i] - b[i]) < 1e-4 * (1 + Math.abs(a[i])), a[i] + " vs " + b[i]);
        }
    }

    /**
     * Hutchinson's mean over many Rademacher probes lies within 3 standard errors of the exact
     * divergence, and a single probe's spread is |J_xy + J_yx| (docs/math.md §7.2), with J from
     * central differences.
     */
    @Test
    void hutchinsonIsUnbiasedWithTheSpreadOfTheOffDiagonal() {
        NetworkDenoiser d = network(Objective.EPSILON, ScheduleKind.VP, Activation.SILU, false);
        double[] xt = new SeededRandom(6).gaussianPoints(5);
        double t = 0.3;
        int probes = 4000;
        double[] exact = d.velocityDivergence(xt, t).divergence();
        Hutchinson.Estimate e = Hutchinson.estimate(d, xt, t, Hutchinson.probes(5, probes, 11));
        double h = 1e-5;
        for (int i = 0; i < 5; i++) {
            double se = e.spread()[i] / Math.sqrt(probes);
            assertTrue(Math.abs(e.mean()[i] - exact[i]) <= 3 * se + 1e-12,
                    "point " + i + ": mean " + e.mean()[i] + " vs exact " + exact[i] + ", se " + se);
            double[] px = {xt[2 * i] + h, xt[2 * i + 1]};
            double[] mx = {xt[2 * i] - h, xt[2 * i + 1]};
            double[] py = {xt[2 * i], xt[2 * i + 1] + h};
            double[] my = {xt[2 * i], xt[2 * i + 1] - h};
            double jyx = (d.velocity(px, t)[1] - d.velocity(mx, t)[1]) / (2 * h); // ∂û_y/∂x
            double jxy = (d.velocity(py, t)[0] - d.velocity(my, t)[0]) / (2 * h); // ∂û_x/∂y
            double off = Math.abs(jxy + jyx);
            assertTrue(Math.abs(e.spread()[i] - off) < 1e-3 * off + 1e-9,
                    "point " + i + ": spread " + e.spread()[i] + " vs |J_xy + J_yx| " + off);
            assertTrue(off > 1e-3, "the off-diagonal must not vanish, or the spread test is empty");
        }
    }
}
