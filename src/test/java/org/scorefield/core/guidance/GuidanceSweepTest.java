package org.scorefield.core.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** A sweep of ω from the same noise, against sampling runs made one by one without it. */
class GuidanceSweepTest {

    private final Schedule schedule = ScheduleKind.VP.createDefault();
    private final ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
            schedule);
    private final SamplerSettings heun = SamplerKind.HEUN.settings(16, SamplerSettings.defaults(SamplerKind.HEUN)
            .grid(), 0);

    @Test
    void theGridRunsFromZeroToTheLargestScaleEvenly() {
        double[] grid = GuidanceSweep.grid(4, 41);
        assertEquals(41, grid.length);
        assertEquals(0, grid[0]);
        assertEquals(4, grid[40]);
        assertEquals(0.1, grid[1], 1e-15);
        assertEquals(2.0, grid[20], 1e-15);
        assertThrows(InvalidInputException.class, () -> GuidanceSweep.grid(0, 41));
        assertThrows(InvalidInputException.class, () -> GuidanceSweep.grid(Double.NaN, 41));
        assertThrows(InvalidInputException.class, () -> GuidanceSweep.grid(4, 1));
    }

    @Test
    void everyFrameIsTheRunAtItsOmegaFromTheSameNoiseAndOmegaZeroIsUnguided() {
        double[] omegas = GuidanceSweep.grid(3, 4);
        List<GuidanceSweep.Frame> frames = GuidanceSweep.run(w -> exact.guided(2, w),
                ExactGuidance::evaluationsPerCall, exact, 2, omegas, heun, 300, 5, Progress.NONE);
        assertEquals(4, frames.size());
        // ω = 0: the whole data's oracle, built on its own, from the prior of the same seed
        double[] unguided = Sampling.fromPrior(new GaussianMixtureDenoiser(DatasetPreset.GMM_LABELLED.mixture()
                .orElseThrow(), schedule), heun, 300, 5, Recording.NONE).samples();
        assertArrayEquals(unguided, frames.get(0).samples(), 0.0);
        for (int k = 1; k < 4; k++) {
            double w = omegas[k];
            double[] alone = Sampling.fromPrior(exact.guided(2, w), heun, 300, 5, Recording.NONE).samples();
            assertArrayEquals(alone, frames.get(k).samples(), 0.0, "ω = " + w);
            assertEquals(exact.classFraction(alone, 2), frames.get(k).classFraction());
        }
        long once = Sampling.fromPrior(exact.unconditional(), heun, 300, 5, Recording.NONE).nfe();
        assertEquals(once, frames.get(0).nfe());
        assertEquals(once, frames.get(1).nfe(), "ω = 1 is the class's own oracle: one evaluation a call");
        assertEquals(2 * once, frames.get(2).nfe(), "ω = 2: the class's and the whole's");
        assertTrue(frames.get(0).classFraction() < 0.5 && frames.get(3).classFraction() > 0.95,
                frames.get(0).classFraction() + " → " + frames.get(3).classFraction());
        assertEquals(frames.get(2), GuidanceSweep.at(frames, 0.6), "u = 0.6 of ω_max = 3 is nearest ω = 2");
    }

    @Test
    void aCancelStopsBetweenTwoRuns() {
        int[] runs = {0};
        Progress cancelAfterTwo = new Progress() {
            @Override
            public void update(String phase, double fraction) {
                runs[0]++;
            }

            @Override
            public boolean cancelled() {
                return runs[0] >= 2;
            }
        };
        assertThrows(CancellationException.class, () -> GuidanceSweep.run(w -> exact.guided(0, w),
                ExactGuidance::evaluationsPerCall, exact, 0, GuidanceSweep.grid(4, 41), heun, 50, 1, cancelAfterTwo));
        assertEquals(2, runs[0]);
    }
}
