package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.ScheduleKind;

/** Convergence orders measured on the mixture oracle against a fine reference (docs/math.md §11.5). */
class ErrorVersusNfeTest {

    private static final int[] STEPS = {32, 64, 128};

    @Test
    void solversConvergeAtTheirOrdersOnTheEightGaussianOracle() {
        Denoiser oracle = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(),
                ScheduleKind.VP.createDefault());
        List<SamplerKind> kinds = List.of(SamplerKind.EULER, SamplerKind.HEUN, SamplerKind.DPM2M, SamplerKind.RK4);
        List<SamplerSettings> settings = kinds.stream()
                .map(k -> SamplerSettings.defaults(k).withGrid(GridKind.LOG_SNR)).toList();
        ErrorVersusNfe.Result result = ErrorVersusNfe.compute(oracle, settings, STEPS, 300, 1, 1024);
        assertEquals(kinds.size() * STEPS.length, result.rows().size());
        Map<SamplerKind, double[]> bands = Map.of(SamplerKind.EULER, new double[] {0.9, 1.1},
                SamplerKind.HEUN, new double[] {1.8, 2.3}, SamplerKind.DPM2M, new double[] {1.8, 2.3},
                SamplerKind.RK4, new double[] {3.5, 4.5});
        for (int s = 0; s < kinds.size(); s++) {
            double[] errors = new double[STEPS.length];
            for (int i = 0; i < STEPS.length; i++) {
                ErrorVersusNfe.Row row = result.rows().get(s * STEPS.length + i);
                assertEquals(kinds.get(s), row.solver());
                assertEquals(STEPS[i], row.steps());
                assertFalse(row.stochastic());
                errors[i] = row.error();
            }
            double order = -Math.log(errors[2] / errors[0]) / Math.log(4);
            double[] band = bands.get(kinds.get(s));
            assertTrue(order > band[0] && order < band[1], kinds.get(s) + " order " + order);
            assertTrue(result.referenceError() < 0.01 * errors[2], "the reference is far more accurate");
        }
        assertEquals(1.0, result.tStart());
        assertEquals(1e-3, result.tEnd());
    }

    @Test
    void stochasticRowsAreMarkedAndStartWhereEveryoneCan() {
        Denoiser oracle = new GaussianMixtureDenoiser(DatasetPreset.GAUSSIAN.mixture().orElseThrow(),
                ScheduleKind.LINEAR.createDefault());
        ErrorVersusNfe.Result result = ErrorVersusNfe.compute(oracle,
                List.of(SamplerSettings.defaults(SamplerKind.HEUN), SamplerSettings.defaults(SamplerKind.SDE)),
                new int[] {16}, 50, 2, 64);
        assertEquals(ScheduleKind.LINEAR.createDefault().tMax(), result.tStart(), 0.0,
                "the SDE needs a finite g, so both start where the linear schedule's g is finite");
        assertFalse(result.rows().get(0).stochastic());
        assertTrue(result.rows().get(1).stochastic());
    }

    @Test
    void progressCountsEveryCallAndACancelStopsTheComparison() {
        Denoiser oracle = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(),
                ScheduleKind.VP.createDefault());
        List<SamplerSettings> settings = List.of(SamplerSettings.defaults(SamplerKind.EULER),
                SamplerSettings.defaults(SamplerKind.HEUN));
        int[] steps = {8, 16};
        int reference = 64;
        // counted by hand: RK4 makes 4 calls a step (reference and half reference), Euler 1, Heun 2 but
        // 1 on its last step, where σ is not yet 0 here, so 2 a step
        long expected = 4L * reference + 4L * reference / 2 + (8 + 16) + 2L * (8 + 16);
        java.util.List<Double> fractions = new java.util.ArrayList<>();
        org.scorefield.core.denoise.CountingDenoiser counted = new org.scorefield.core.denoise.CountingDenoiser(oracle);
        ErrorVersusNfe.compute(counted, org.scorefield.core.flow.FlowSource.gaussian(), settings, steps, 20, 1,
                reference, (phase, fraction) -> fractions.add(fraction));
        assertEquals(expected, counted.calls(), "the hand count is right");
        assertEquals(expected / 16 + (expected % 16 == 0 ? 0 : 1), fractions.size(), "one report per 16 calls");
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) > fractions.get(i - 1));
        }
        assertTrue(fractions.get(fractions.size() - 1) <= 1);

        int[] calls = {0};
        org.scorefield.core.Progress cancelSoon = new org.scorefield.core.Progress() {
            @Override
            public void update(String phase, double fraction) {
            }

            @Override
            public boolean cancelled() {
                return ++calls[0] > 10;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> ErrorVersusNfe.compute(oracle, org.scorefield.core.flow.FlowSource.gaussian(), settings, steps,
                        20, 1, reference, cancelSoon));
        assertEquals(11, calls[0], "stopped at the first call after the cancel");
    }
}
