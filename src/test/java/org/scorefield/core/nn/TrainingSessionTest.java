package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;

class TrainingSessionTest {

    private final LinkedBlockingQueue<TrainingSession.Update> updates = new LinkedBlockingQueue<>();

    private TrainingSession.Update next() throws InterruptedException {
        TrainingSession.Update u = updates.poll(10, TimeUnit.SECONDS);
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
        try (TrainingSession session = new TrainingSession(trainer, 10, updates::add)) {
            assertEquals(TrainingSession.State.PAUSED, session.state());
            session.stepOnce();
            TrainingSession.Update one = next();
            assertEquals(1, one.steps());
            assertEquals(1, one.recentLosses().length);

            session.resume();
            TrainingSession.Update u;
            do {
                u = next();
            } while (u.steps() < 50);
            assertEquals(TrainingSession.State.RUNNING, u.state());
            assertTrue(u.stepsPerSecond() > 0);
            assertTrue(u.recentLosses().length >= 1);
            assertTrue(Double.isFinite(u.smoothedLoss()));

            session.pause();
            while (session.state() != TrainingSession.State.PAUSED) {
                Thread.sleep(1);
            }
            Thread.sleep(50);
            updates.clear();
            long pausedAt = trainer.steps();
            Thread.sleep(100);
            assertEquals(pausedAt, trainer.steps(), "training went on while paused");

            session.stepOnce();
            assertEquals(pausedAt + 1, next().steps());

            session.reset();
            TrainingSession.Update afterReset = next();
            assertEquals(0, afterReset.steps());
            assertArrayEquals(initial, afterReset.model().weights());

            session.resume();
            next();
            long start = System.nanoTime();
            session.close();
            double ms = (System.nanoTime() - start) / 1e6;
            assertTrue(session.isStopped());
            assertTrue(ms < 100, "stopping took " + ms + " ms");
            assertEquals(TrainingSession.State.CLOSED, session.state());
        }
    }

    @Test
    void aFailurePausesTheSessionWithTheReason() throws Exception {
        Trainer trainer = TrainerTest.trainer(Objective.DATA, TrainerTest.poisoned(),
                TrainingSettings.defaults(4).withBatch(512));
        try (TrainingSession session = new TrainingSession(trainer, 1000, updates::add)) {
            session.resume();
            TrainingSession.Update u = next();
            assertEquals(TrainingSession.State.FAILED, u.state());
            assertTrue(u.failure().orElseThrow().startsWith("Training stopped at step"));
            assertEquals(TrainingSession.State.FAILED, session.state());
            session.resume(); // ignored until reset
            Thread.sleep(30);
            assertEquals(TrainingSession.State.FAILED, session.state());
            session.reset();
            assertEquals(0, next().steps());
            assertEquals(TrainingSession.State.PAUSED, session.state());
        }
    }
}
