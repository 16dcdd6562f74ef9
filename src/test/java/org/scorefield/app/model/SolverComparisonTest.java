package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.Job;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.core.data.DatasetPreset;

/** Compute, without a window: its own lane, its progress, its Cancel. */
class SolverComparisonTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);

    @AfterEach
    void close() {
        model.training().close();
    }

    @Test
    void aComparisonForAMixtureOracleFillsTheChartsResult() {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        model.comparison().compute();
        assertTrue(model.comparison().runningProperty().get());
        manual.runLane(Lane.COMPUTE);
        manual.deliver();
        assertFalse(model.comparison().runningProperty().get());
        var result = model.comparison().resultProperty().get();
        assertNotNull(result);
        assertEquals(SolverComparison.SOLVERS.size() * SolverComparison.STEPS.length, result.rows().size());
        model.process().set("beta_max", 10);
        assertNull(model.comparison().resultProperty().get(), "a new process makes the comparison stale");
    }

    @Test
    void computeDoesNotDelayTrainingAndACancelStopsItAtTheNextCall() throws Exception {
        model.data().pointCountProperty().set(200);
        model.comparison().compute();
        model.training().step();
        // training's lane runs while the comparison still waits on its own
        manual.runLane(Lane.TRAINING);
        manual.deliver();
        assertFalse(model.training().startingProperty().get(), "the trainer was built");
        for (int i = 0; i < 600 && manual.window.size() == 0; i++) {
            Thread.sleep(50);
        }
        manual.deliver();
        assertEquals(1, model.training().stepsProperty().get(), "a training step while Compute has not even begun");
        // waiting on the compute lane: the comparison, and the held-out NLL that the step asked for
        assertEquals(2, manual.lane(Lane.COMPUTE).size());

        Job<?> job = manual.jobs.current(SolverComparison.KEY);
        Thread lane = new Thread(() -> manual.runLane(Lane.COMPUTE));
        lane.start();
        for (int i = 0; i < 2000 && job.fraction() <= 0; i++) {
            Thread.sleep(5);
        }
        assertTrue(job.fraction() > 0, "it has begun");
        model.comparison().cancel();
        double atCancel = job.fraction();
        lane.join(60_000);
        assertFalse(lane.isAlive(), "it stopped");
        manual.deliver();
        assertTrue(job.fraction() < 1 && job.fraction() - atCancel < 0.1,
                "it stopped at the next denoiser call: " + atCancel + " then " + job.fraction());
        assertFalse(model.comparison().runningProperty().get());
        assertNull(model.comparison().resultProperty().get());
        assertTrue(model.comparison().statusProperty().get().startsWith("Cancelled"));
    }

    @Test
    void aLateResultOfAClearedComparisonIsDropped() {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        model.comparison().compute();
        manual.runLane(Lane.COMPUTE); // done, not yet handed over
        model.comparison().clear(); // the model was reset meanwhile
        manual.deliver();
        assertNull(model.comparison().resultProperty().get());
        assertFalse(model.comparison().runningProperty().get());
        assertEquals("", model.comparison().statusProperty().get());
    }
}
