package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.sample.Recording;

/** Sampling as the window drives it, without a window. */
class SamplingStateTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final SamplingState sampling = model.sampling();

    {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        sampling.countProperty().set(200);
    }

    @Test
    void withoutAModelTheExactOracleSamplesAsTheCoreWould() {
        sampling.solverProperty().set(SamplerKind.HEUN);
        sampling.resample();
        assertTrue(sampling.busyProperty().get());
        manual.runAll();
        assertFalse(sampling.busyProperty().get());
        SamplingState.Run run = sampling.runsProperty().get().single();
        assertNotNull(run);
        assertEquals("exact oracle (mixture)", run.source());
        // the same run, from the core directly: an independent computation of the same samples
        var oracle = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(),
                model.process().schedule());
        SamplerSettings settings = SamplerKind.HEUN.settings(sampling.stepsProperty().get(),
                sampling.gridProperty().get(), sampling.etaProperty().get());
        double[] expected = Sampling.fromPrior(oracle, settings, 200, sampling.seedProperty().get(), Recording.NONE)
                .samples();
        double[][] rows = run.trajectories().positions();
        assertArrayEquals(expected, rows[rows.length - 1], 0.0);
        // counted by hand (docs/math.md §5.15): Heun calls the denoiser twice a step, σ(t_min) > 0 so on
        // its last step too, then once more for the final denoise
        assertEquals(2 * sampling.stepsProperty().get() + 1, run.nfe());
        assertEquals(run.nfe(), sampling.nfe(), "the NFE shown before sampling is the NFE of the run");
    }

    @Test
    void aLateRunFromAJobThatWasDroppedNeverShows() {
        sampling.resample();
        manual.runLanes(); // the run is made, not yet handed over
        sampling.clearRuns(); // the data changed meanwhile
        manual.deliver();
        assertNull(sampling.runsProperty().get().single());
        assertFalse(sampling.busyProperty().get());
    }

    @Test
    void theNewestOfTwoQuickRequestsWinsAndTheOlderNeverRuns() {
        sampling.seedProperty().set(11);
        sampling.resample();
        sampling.seedProperty().set(12);
        sampling.resample();
        manual.runAll();
        assertEquals(12, sampling.runsProperty().get().single().seed());
    }

    @Test
    void twoQuickClicksBothStay() {
        sampling.startAt(1, 1);
        sampling.startAt(-1, -1);
        assertEquals(2, sampling.clickPoints().size(), "the second click keeps the first, still being computed");
        manual.runAll();
        assertEquals(2, sampling.clicksProperty().get().size());
        sampling.clearClicks();
        assertTrue(sampling.clicksProperty().get().isEmpty());
    }

    @Test
    void theSplitViewSamplesTheOdeAndTheSdeFromTheSameNoise() {
        model.view().splitProperty().set(true);
        sampling.resample();
        manual.runAll();
        SamplingState.Runs runs = sampling.runsProperty().get();
        assertEquals("PF-ODE  (η = 0)", runs.ode().title());
        assertEquals("reverse SDE  (η = 1)", runs.sde().title(), "η = 0 on the slider: the split view shows η = 1");
        assertArrayEquals(runs.ode().trajectories().positions()[0], runs.sde().trajectories().positions()[0], 0.0,
                "the same start");
        assertEquals(Driver.MODEL, sampling.driverProperty().get());
        assertTrue(model.samplingFallsBack(), "no model yet: the oracle samples");
    }

    @Test
    void aSwirlSamplesAModelOfAFlowFromAnotherSourceUnswirledAndSaysSo() throws InterruptedException {
        // A model of a flow from 8gaussians has no score (its x1 is not Gaussian noise), so the swirl
        // cannot follow the level sets of p_t (docs/math.md §8.11); the exact flow oracle has one.
        model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
        model.training().sourceProperty().set(SourceOption.named("8gaussians").orElseThrow());
        sampling.solverProperty().set(SamplerKind.EULER);
        sampling.swirlProperty().set(1.5);
        manual.runAll();
        sampling.resample();
        manual.runAll();
        assertTrue(sampling.runsProperty().get().single().source().endsWith("from 8 Gaussians + swirl s = 1.50"),
                "the exact flow oracle has a score: " + sampling.runsProperty().get().single().source());
        TrainingState training = model.training();
        training.widthProperty().set(32);
        training.depthProperty().set(1);
        training.step();
        manual.runLanes();
        manual.deliverWaiting();
        for (int i = 0; i < 600 && training.model().isEmpty(); i++) {
            Thread.sleep(50);
            manual.deliverWaiting();
        }
        sampling.driverProperty().set(Driver.MODEL);
        sampling.resample();
        manual.runAll();
        SamplingState.Run off = sampling.runsProperty().get().single();
        assertNotNull(off, "sampling still works: " + model.messageProperty().get());
        assertTrue(off.source().startsWith("trained model") && off.source().endsWith(" (swirl off: no score)"),
                off.source());
        sampling.swirlProperty().set(0);
        sampling.resample();
        manual.runAll();
        SamplingState.Run plain = sampling.runsProperty().get().single();
        assertFalse(plain.source().contains("swirl"), plain.source());
        double[][] a = plain.trajectories().positions();
        double[][] b = off.trajectories().positions();
        assertArrayEquals(a[a.length - 1], b[b.length - 1], 0.0, "the unswirled run bit for bit");
        sampling.swirlProperty().set(1.5);
        sampling.startAt(0.5, 0.5);
        manual.runAll();
        assertEquals(1, sampling.clicksProperty().get().size(), "clicked paths run too");
    }

    @Test
    void aSwirlTurnsTheOraclesPathsFromNoiseAndSaysHowMuch() {
        sampling.resample();
        manual.runAll();
        SamplingState.Run plain = sampling.runsProperty().get().single();
        sampling.swirlProperty().set(1.5);
        sampling.resample();
        manual.runAll();
        SamplingState.Run turned = sampling.runsProperty().get().single();
        assertEquals("exact oracle (mixture) + swirl s = 1.50", turned.source());
        double[][] a = plain.trajectories().positions();
        double[][] b = turned.trajectories().positions();
        assertFalse(java.util.Arrays.equals(a[a.length - 1], b[b.length - 1]), "the paths turn");
    }
}
