package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.LossWeighting;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * A model trained under VP keeps sampling when the process is switched to linear: the window reads it
 * through the change of time and scale (docs/math.md §2.10), checked here against VP's and linear's
 * formulas written out by hand.
 */
class RescheduledSamplingTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final TrainedModel trained;

    {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        model.sampling().countProperty().set(100);
        model.sampling().solverProperty().set(SamplerKind.HEUN);
        Trainer trainer = new Trainer(DatasetPreset.EIGHT_GAUSSIANS, new Parameterization(Objective.DEFAULT,
                ScheduleKind.VP.createDefault(), LossWeighting.UNIFORM, EdmPreconditioning.standard()),
                Architecture.defaults().withSize(32, 1), TrainingSettings.defaults(3), FlowSetup.standard());
        for (int i = 0; i < 5; i++) {
            trainer.step();
        }
        trained = trainer.snapshot();
        model.training().restore(trained);
        model.sampling().driverProperty().set(Driver.MODEL);
        manual.runAll();
    }

    @AfterEach
    void stop() {
        model.training().close();
    }

    /** VP (β from 0.1 to 20): the time at which the half log-SNR is λ, from B(t) = 0.1t + 9.95t² = log(1 + e^{−2λ}). */
    private static double vpTimeOf(double lambda) {
        double b = Math.log1p(Math.exp(-2 * lambda));
        return (-0.1 + Math.sqrt(0.01 + 4 * 9.95 * b)) / (2 * 9.95);
    }

    private static double vpAlpha(double t) {
        return Math.exp(-0.5 * (0.1 * t + 9.95 * t * t));
    }

    @Test
    void switchingTheProcessReadsTheModelUnderTheNewOne() {
        model.process().kindProperty().set(ScheduleKind.LINEAR);
        model.sampling().resample();
        manual.runAll();
        assertTrue(manual.errors.isEmpty(), manual.errors.toString());
        SamplingState.Run run = model.sampling().runsProperty().get().single();
        assertNotNull(run);
        assertTrue(run.source().endsWith(", read under linear (trained under vp)"), run.source());
        assertTrue(run.title().endsWith("  \u00b7  model read under linear (trained under vp)"), run.title());

        // sampling stops where linear (λ = log((1 − t)/t)) reaches VP's last half log-SNR, at its t_min = 0.001
        double b = 0.1 * 1e-3 + 9.95 * 1e-6;
        double lambdaEnd = Math.log(Math.exp(-b / 2) / Math.sqrt(-Math.expm1(-b)));
        double tEnd = 1 / (1 + Math.exp(lambdaEnd));
        double[] times = run.trajectories().times();
        double smallest = 1;
        for (double t : times) {
            if (t > 0) {
                smallest = Math.min(smallest, t);
            }
        }
        assertEquals(tEnd, smallest, 1e-9);

        // at a time inside VP's range, the recorded x̂0 is the network's at VP's time of the same λ, with the
        // point scaled by α_VP(t')/α_linear(t)
        int row = times.length / 2;
        double t = times[row];
        double tPrime = vpTimeOf(Math.log((1 - t) / t));
        double scale = vpAlpha(tPrime) / (1 - t);
        double[] x = run.trajectories().positions()[row];
        double[] moved = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            moved[i] = x[i] * scale;
        }
        double[] expected = trained.denoiser().denoise(moved, tPrime);
        double[] got = run.trajectories().denoised()[row];
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-5, "coordinate " + i + " at t = " + t);
        }

        // back under VP the model is its own again
        model.process().kindProperty().set(ScheduleKind.VP);
        model.sampling().resample();
        manual.runAll();
        SamplingState.Run own = model.sampling().runsProperty().get().single();
        assertFalse(own.source().contains("read under"), own.source());
        assertFalse(own.title().contains("read under"), own.title());
    }
}
