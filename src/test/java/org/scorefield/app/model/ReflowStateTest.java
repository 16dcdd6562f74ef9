package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
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
import org.scorefield.core.schedule.ScheduleKind;

/** Reflow as the window drives it, without a window: what it refuses, and what a clear drops. */
class ReflowStateTest {

    private final ManualJobs manual = new ManualJobs();
    private final ReflowState reflow = new ReflowState(manual.jobs, new SettingValues());

    private static TrainedModel model(Objective objective) {
        var p = new Parameterization(objective, objective == Objective.FLOW_MATCHING
                ? ScheduleKind.LINEAR.createDefault() : ScheduleKind.VP.createDefault(), LossWeighting.UNIFORM,
                EdmPreconditioning.standard());
        return new Trainer(DatasetPreset.MOONS, p, Architecture.defaults().withSize(16, 1),
                TrainingSettings.defaults(1), FlowSetup.standard()).snapshot();
    }

    @Test
    void onlyAFlowMatchingModelIsStraightened() {
        reflow.nextRound(null, DatasetPreset.MOONS, 1);
        assertTrue(reflow.failureProperty().get().startsWith("Train a flow-matching model first"));
        reflow.nextRound(model(Objective.EDM), DatasetPreset.MOONS, 1);
        assertTrue(reflow.failureProperty().get().contains("flow-matching"), reflow.failureProperty().get());
        assertFalse(reflow.runningProperty().get());
        assertEquals(Optional.empty(), reflow.saved());
    }

    @Test
    void aRoundStillBeingMadeWhenTheRoundsAreClearedNeverShows() {
        reflow.nextRound(model(Objective.FLOW_MATCHING), DatasetPreset.MOONS, 1);
        assertTrue(reflow.runningProperty().get());
        assertEquals("Measuring round 0…", reflow.phaseProperty().get());
        reflow.clear(); // a reset of the model
        manual.runAll();
        assertFalse(reflow.runningProperty().get());
        assertTrue(reflow.rounds().isEmpty());
        assertEquals("", reflow.phaseProperty().get());
    }

    @Test
    void savedRoundsWhoseDrawingIsCancelledAreNotSavedAgain() {
        TrainedModel zero = model(Objective.FLOW_MATCHING);
        var metrics = new org.scorefield.core.flow.Reflow.Metrics(0, 1, 1, 1, 0.05, new double[] {1, 1, 1, 1, 1}, 0);
        var saved = new org.scorefield.core.session.Session.Rounds(3, 100, java.util.List.of(zero),
                java.util.List.of(metrics));
        reflow.restore(saved, DatasetPreset.MOONS);
        assertEquals(Optional.of(saved), reflow.saved(), "while they are drawn, a save writes them as they came");
        reflow.cancel();
        manual.runAll();
        assertFalse(reflow.runningProperty().get());
        assertEquals(Optional.empty(), reflow.saved(), "dropped: a new round 0 would not be saved beside them");
        assertTrue(reflow.rounds().isEmpty());
    }
}
