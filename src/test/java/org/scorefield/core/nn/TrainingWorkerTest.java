package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;

class TrainingWorkerTest {

    private final LinkedBlockingQueue<TrainingWorker.Update> updates = new LinkedBlockingQueue<>();

    private TrainingWorker.Update next() throws InterruptedException {
        TrainingWorker.Update u = updates.poll(10, TimeUnit.SECONDS);
        assertTrue(u != null, "no update within 10 s");
        return u;
    }

    private static Trainer trainer() {
        return TrainerTest.trainer(Objective.EPSILON, DatasetPreset.MOONS, TrainingSettings.defaults(1).withBatch(128));
    }

    @Test
    void runsPausesStepsResetsAndStopsWithinAHundredMilliseconds() throws Exception {
        Trainer trainer = trainer();
        float[] initial = trainer.snapshot().weights();
        try (TrainingWorker worker = new TrainingWorker(trainer, 10, updates::add)) {
            assertEquals(TrainingWorker.State.PAUSED, worker.state());
            worker.stepOnce();
            TrainingWorker.Update one = next();
            assertEquals(1, one.steps());
            assertEquals(1, one.recentLosses().length);

            worker.resume();
            TrainingWorker.Update u;
            do {
                u = next();
            } while (u.steps() < 50);
            assertEquals(TrainingWorker.State.RUNNING, u.state());
            assertTrue(u.stepsPerSecond() > 0);
            assertTrue(u.recentLosses().length >= 1);
            assertTrue(Double.isFinite(u.smoothedLoss()));

            worker.pause();
            while (worker.state() != TrainingWorker.State.PAUSED) {
                Thread.sleep(1);
            }
            Thread.sleep(50);
            updates.clear();
            long pausedAt = trainer.steps();
            Thread.sleep(100);
            assertEquals(pausedAt, trainer.steps(), "training went on while paused");

            worker.stepOnce();
            assertEquals(pausedAt + 1, next().steps());

            worker.reset();
            TrainingWorker.Update afterReset = next();
            assertEquals(0, afterReset.steps());
            assertArrayEquals(initial, afterReset.model().weights());

            worker.resume();
            next();
            long start = System.nanoTime();
            worker.close();
            double ms = (System.nanoTime() - start) / 1e6;
            assertTrue(worker.isStopped());
            assertTrue(ms < 100, "stopping took " + ms + " ms");
            assertEquals(TrainingWorker.State.CLOSED, worker.state());
        }
    }

    @Test
    void aFailurePausesTheSessionWithTheReason() throws Exception {
        Trainer trainer = TrainerTest.trainer(Objective.DATA, TrainerTest.poisoned(),
                TrainingSettings.defaults(4).withBatch(512));
        try (TrainingWorker worker = new TrainingWorker(trainer, 1000, updates::add)) {
            worker.resume();
            TrainingWorker.Update u = next();
            assertEquals(TrainingWorker.State.FAILED, u.state());
            assertTrue(u.failure().orElseThrow().startsWith("Training stopped at step"));
            assertEquals(TrainingWorker.State.FAILED, worker.state());
            worker.resume(); // ignored until reset
            Thread.sleep(30);
            assertEquals(TrainingWorker.State.FAILED, worker.state());
            worker.reset();
            assertEquals(0, next().steps());
            assertEquals(TrainingWorker.State.PAUSED, worker.state());
        }
    }
}
