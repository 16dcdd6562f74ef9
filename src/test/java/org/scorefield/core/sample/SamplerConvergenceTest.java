package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * Measured convergence orders of the deterministic solvers against the exact PF-ODE solution for
 * Gaussian data (docs/math.md §4.4): Euler and DDIM ≈ 1, Heun and DPM-Solver++(2M) ≈ 2, RK4 ≈ 4.
 */
class SamplerConvergenceTest {

    private static final int[] STEPS = {64, 128, 256};

    /** The expected order of each solver, with the band a measurement must fall in. */
    private static final Map<SamplerKind, double[]> BANDS = Map.of(
            SamplerKind.EULER, new double[] {0.9, 1.1},
            SamplerKind.DDIM, new double[] {0.9, 1.1},
            SamplerKind.HEUN, new double[] {1.8, 2.2},
            SamplerKind.DPM2M, new double[] {1.8, 2.2},
            SamplerKind.RK4, new double[] {3.6, 4.4});

    static Stream<Arguments> cases() {
        Stream<Arguments> logSnr = Stream.of(ScheduleKind.values())
                .map(k -> Arguments.of(k.createDefault(), GridKind.LOG_SNR));
        Stream<Arguments> natural = Stream.of(
                Arguments.of(ScheduleKind.LINEAR.createDefault(), GridKind.UNIFORM),
                Arguments.of(ScheduleKind.VP.createDefault(), GridKind.UNIFORM),
                Arguments.of(ScheduleKind.EDM.createDefault(), GridKind.EDM),
                Arguments.of(ScheduleKind.VE.createDefault(), GridKind.EDM));
        return Stream.concat(logSnr, natural);
    }

    /** Mean endpoint error at t_min (no final denoising) for K steps. */
    static double error(Schedule schedule, SamplerSettings settings) {
        Denoiser d = ClosedForm.denoiser(schedule);
        double[] start = Sampling.prior(schedule, settings, 200, 42);
        double[] end = Sampling.fromPoints(d, settings, start, 42, Recording.NONE).samples();
        double[] exact = ClosedForm.flow(schedule, start, Sampling.startTime(schedule, settings),
                Sampling.endTime(schedule, settings));
        return ClosedForm.meanDistance(end, exact);
    }

    @ParameterizedTest(name = "{0} on {1} grid")
    @MethodSource("cases")
    void deterministicSolversConvergeAtTheirOrder(Schedule schedule, GridKind grid) {
        StringBuilder report = new StringBuilder();
        for (SamplerKind kind : List.of(SamplerKind.EULER, SamplerKind.DDIM, SamplerKind.HEUN, SamplerKind.DPM2M,
                SamplerKind.RK4)) {
            double[] errors = new double[STEPS.length];
            for (int i = 0; i < STEPS.length; i++) {
                SamplerSettings s = SamplerSettings.defaults(kind).withGrid(grid).withSteps(STEPS[i])
                        .withFinalDenoise(false);
                errors[i] = error(schedule, s);
            }
            double order = ClosedForm.order(STEPS, errors);
            double[] band = BANDS.get(kind);
            report.append(String.format("%s %.2f (err %.1e at K=%d); ", kind.id(), order, errors[2], STEPS[2]));
            assertTrue(order >= band[0] && order <= band[1],
                    kind.id() + " on " + schedule.describe() + "/" + grid.id() + ": measured order " + order);
        }
        System.out.println(schedule.kind().id() + "/" + grid.id() + ": " + report);
    }
}
