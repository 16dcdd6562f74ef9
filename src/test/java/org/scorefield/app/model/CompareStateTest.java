package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.ComparedSetting;
import org.scorefield.core.flow.CouplingKind;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.schedule.ScheduleKind;

/** The compare view's model B, without a window: what it is built from, and what the commands reach. */
class CompareStateTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final TrainingState a = model.training();
    private final CompareState compare = model.compare();

    {
        a.widthProperty().set(32);
        a.depthProperty().set(1);
        a.seedProperty().set(42);
        model.data().pointCountProperty().set(200);
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void theCompareViewExcludesTheSplitAndTheRoundsViews() {
        model.view().splitProperty().set(true);
        model.view().compareProperty().set(true);
        assertFalse(model.view().splitProperty().get());
        model.view().roundsViewProperty().set(true);
        assertFalse(model.view().compareProperty().get());
        model.view().compareProperty().set(true);
        assertFalse(model.view().roundsViewProperty().get());
    }

    @Test
    void bIsAWithADifferentObjectiveAndTheSameSeed() {
        compare.variesProperty().set(ComparedSetting.OBJECTIVE);
        compare.objectiveProperty().set(Objective.FLOW_MATCHING);
        TrainingState.Inputs in = a.replayInputs();
        TrainingState.Inputs out = compare.inputsB();
        assertEquals(Objective.EDM, in.objective());
        assertEquals(Objective.FLOW_MATCHING, out.objective());
        assertSame(in.data(), out.data(), "the same data, not a copy drawn again");
        assertEquals(ScheduleKind.VP, out.schedule().kind());
        assertEquals(32, out.architecture().width());
        assertEquals(1, out.architecture().depth());
        assertEquals(42L, out.settings().seed(), "A's training seed");
        assertEquals(in.settings(), out.settings());
        assertTrue(out.flow().source().isGaussian(), "the source shown, N(0, I)");
        assertEquals(CouplingKind.INDEPENDENT, out.flow().coupling().kind(), "the coupling shown");
        assertEquals(ScheduleKind.LINEAR, out.parameterization().schedule().kind(), "B learns the straight path");
        assertEquals("A  \u00b7  EDM denoiser", compare.titleA());
        assertEquals("B  \u00b7  flow matching", compare.titleB());
        assertEquals("", compare.problemProperty().get());
    }

    @Test
    void bIsAWithAnotherScheduleWidthOrCoupling() {
        TrainingState.Inputs in = a.replayInputs();
        compare.variesProperty().set(ComparedSetting.SCHEDULE);
        compare.scheduleProperty().set(ScheduleKind.VE);
        TrainingState.Inputs out = compare.inputsB();
        assertEquals(ScheduleKind.VE, out.schedule().kind());
        assertEquals(in.objective(), out.objective());
        assertEquals(in.architecture(), out.architecture());
        assertEquals(in.settings(), out.settings());
        assertEquals("B  \u00b7  VE geometric", compare.titleB());

        compare.variesProperty().set(ComparedSetting.WIDTH);
        compare.widthProperty().set(64);
        out = compare.inputsB();
        assertEquals(64, out.architecture().width());
        assertEquals(1, out.architecture().depth(), "A's depth");
        assertEquals(in.architecture().activation(), out.architecture().activation());
        assertEquals(in.schedule(), out.schedule());
        assertEquals(in.objective(), out.objective());
        assertEquals(42L, out.settings().seed());
        assertEquals("B  \u00b7  64 units", compare.titleB());

        a.objectiveProperty().set(Objective.FLOW_MATCHING);
        compare.variesProperty().set(ComparedSetting.COUPLING);
        compare.couplingProperty().set(CouplingKind.OT);
        in = a.replayInputs();
        out = compare.inputsB();
        assertEquals(CouplingKind.INDEPENDENT, in.flow().coupling().kind());
        assertEquals(CouplingKind.OT, out.flow().coupling().kind());
        assertEquals(in.flow().source(), out.flow().source());
        assertEquals(in.architecture(), out.architecture());
        assertEquals(in.settings(), out.settings());
        assertEquals("A  \u00b7  independent", compare.titleA());
        assertEquals("B  \u00b7  minibatch OT", compare.titleB());
    }

    @Test
    void aComparisonThatShowsNothingSaysSoAndBDoesNotTrain() {
        model.view().compareProperty().set(true);
        compare.variesProperty().set(ComparedSetting.WIDTH);
        compare.widthProperty().set(32); // A's
        assertEquals(CompareState.SAME, compare.problemProperty().get());
        compare.variesProperty().set(ComparedSetting.COUPLING); // A is EDM: no coupling
        assertTrue(compare.problemProperty().get().startsWith("Only flow matching pairs its batches"),
                compare.problemProperty().get());
        a.objectiveProperty().set(Objective.FLOW_MATCHING);
        assertEquals("", compare.problemProperty().get(), "OT against A's independent pairs");
        compare.variesProperty().set(ComparedSetting.SCHEDULE);
        assertTrue(compare.problemProperty().get().startsWith("Flow matching ignores the schedule"),
                compare.problemProperty().get());
        assertEquals("A  \u00b7  straight path (flow matching)", compare.titleA(), "not the VP it ignores");
        assertEquals("B  \u00b7  straight path (flow matching)", compare.titleB());
        compare.step();
        assertTrue(a.startingProperty().get());
        assertFalse(compare.b().startingProperty().get(), "B would be A: it does not train");
    }

    @Test
    void bIsComparedWithAsModelNotWithTheSettingsShownSinceItStarted() throws InterruptedException {
        model.view().compareProperty().set(true);
        compare.variesProperty().set(ComparedSetting.SCHEDULE);
        compare.scheduleProperty().set(ScheduleKind.VE);
        compare.step();
        manual.runLanes();
        manual.deliverWaiting();
        for (int i = 0; i < 600 && a.model().isEmpty(); i++) {
            Thread.sleep(50);
            manual.deliverWaiting();
        }
        assertTrue(a.model().isPresent());
        a.objectiveProperty().set(Objective.FLOW_MATCHING); // A's model stays EDM until Reset
        assertEquals("", compare.problemProperty().get(), "VE against the VP of A's EDM model");
        assertEquals(Objective.EDM, compare.inputsB().objective());
        assertEquals(ScheduleKind.VE, compare.inputsB().schedule().kind());
        assertEquals("A  \u00b7  VP linear", compare.titleA());
        compare.reset();
        assertTrue(compare.problemProperty().get().startsWith("Flow matching ignores the schedule"),
                "the next A is flow matching: " + compare.problemProperty().get());
    }

    @Test
    void theCommandsReachBothModelsOnlyWhileTheViewIsOn() {
        compare.variesProperty().set(ComparedSetting.WIDTH);
        compare.widthProperty().set(64);
        compare.step();
        assertTrue(a.startingProperty().get());
        assertFalse(compare.b().startingProperty().get(), "the view is off: A alone");
        compare.reset();

        model.view().compareProperty().set(true);
        compare.toggle();
        assertTrue(a.running() && compare.b().running(), "Train starts both");
        compare.toggle(); // Pause while both are being built
        manual.runLanes();
        manual.deliverWaiting();
        assertFalse(a.running(), "Pause stops A");
        assertFalse(compare.b().running(), "and B");
        compare.reset();
        assertFalse(a.startingProperty().get());
        assertFalse(compare.b().startingProperty().get());
    }

    @Test
    void aStepTrainsBothOnTheirOwnJobsAndResetThrowsBothAway() throws InterruptedException {
        model.view().compareProperty().set(true);
        compare.variesProperty().set(ComparedSetting.WIDTH);
        compare.widthProperty().set(64);
        compare.step();
        assertNotNull(manual.jobs.current("trainer"), "A's trainer is being built");
        assertNotNull(manual.jobs.current("trainer B"), "and B's, not superseding A's");
        manual.runLanes();
        manual.deliverWaiting(); // both runs built: two workers, two update jobs
        assertNotNull(manual.jobs.current("training"));
        assertNotNull(manual.jobs.current("training B"));
        for (int i = 0; i < 600 && (a.stepsProperty().get() < 1 || compare.b().stepsProperty().get() < 1); i++) {
            Thread.sleep(50);
            manual.deliverWaiting();
        }
        assertEquals(1, a.stepsProperty().get());
        assertEquals(1, compare.b().stepsProperty().get());
        assertEquals(32, a.model().orElseThrow().architecture().width());
        assertEquals(64, compare.b().model().orElseThrow().architecture().width());
        assertEquals(42L, compare.b().model().orElseThrow().settings().seed());
        assertTrue(compare.b().runInputs().isPresent());
        assertSame(a.runInputs().orElseThrow().data(), compare.b().runInputs().orElseThrow().data());

        compare.reset();
        assertEquals(0, a.stepsProperty().get());
        assertEquals(0, compare.b().stepsProperty().get());
        assertNull(compare.b().modelProperty().get());
        var updates = manual.jobs.current("training B");
        assertTrue(updates == null || updates.cancelled(), "B's updates retired");
    }

    @Test
    void bIsSampledAsAsRunWasFromTheSameNoise() {
        model.view().compareProperty().set(true);
        compare.variesProperty().set(ComparedSetting.WIDTH);
        compare.widthProperty().set(64);
        model.sampling().resample();
        manual.runAll();
        SamplingState.Run runA = model.sampling().runsProperty().get().single();
        SamplingState.Run runB = compare.runProperty().get();
        assertNotNull(runA);
        assertNotNull(runB, "A's new run samples B");
        assertEquals(runA.settings(), runB.settings());
        assertEquals(runA.seed(), runB.seed());
        assertEquals(runA.trajectories().particles(), runB.trajectories().particles());
        // Untrained, both are the exact oracle on one path, which the width does not change: the same
        // seed and noise give the very same samples.
        double[][] endA = runA.trajectories().positions();
        double[][] endB = runB.trajectories().positions();
        assertArrayEquals(endA[endA.length - 1], endB[endB.length - 1]);
        assertTrue(runB.sw2OverFloor().isPresent(), "measured as A's run is");

        compare.variesProperty().set(ComparedSetting.SCHEDULE);
        compare.scheduleProperty().set(ScheduleKind.VE); // samples B anew, as A's run was
        manual.runAll();
        runB = compare.runProperty().get();
        assertEquals(runA.seed(), runB.seed());
        assertEquals(ScheduleKind.VE, compare.pathB().schedule().kind());
        double[][] vb = runB.trajectories().positions();
        assertNotEquals(endA[endA.length - 1][0], vb[vb.length - 1][0], "another path, other samples");

        model.view().compareProperty().set(false);
        assertNull(compare.runProperty().get(), "off: no B run");
    }

    /** Changing what B is while B is untrained shows the new B's samples, not the old B's under a new title. */
    @Test
    void aNewComparisonSamplesTheNewB() {
        model.view().compareProperty().set(true);
        compare.variesProperty().set(ComparedSetting.SCHEDULE);
        compare.scheduleProperty().set(ScheduleKind.VP_COSINE);
        model.sampling().resample();
        manual.runAll();
        SamplingState.Run before = compare.runProperty().get();
        assertNotNull(before);
        compare.scheduleProperty().set(ScheduleKind.VE);
        manual.runAll();
        assertEquals("B  \u00b7  VE geometric", compare.titleB());
        SamplingState.Run after = compare.runProperty().get();
        assertNotNull(after);
        assertNotSame(before, after);
        // VE's samples start from σ_max·ε: at t = 1 they spread far wider than VP cosine's N(0, I)
        double[] start = after.trajectories().positions()[0];
        double sum = 0;
        for (double v : start) {
            sum += v * v;
        }
        assertTrue(Math.sqrt(sum / start.length) > 3, "the run starts from VE's wide noise");
    }

    /** Whatever starts A (here the guide's "Train a model") starts B beside it, and A's pause pauses B. */
    @Test
    void bTrainsWhenAStartsFromAnyButtonAndPausesWithIt() {
        model.view().compareProperty().set(true);
        compare.variesProperty().set(ComparedSetting.WIDTH);
        compare.widthProperty().set(64);
        model.guide().act(CanvasGuide.Action.TRAIN);
        assertTrue(a.trainsOn());
        assertTrue(compare.b().trainsOn(), "B is built to train beside A");
        a.pause();
        assertFalse(compare.b().trainsOn(), "A paused: B too");
        a.step(); // a step of A alone is not a reason for B to train
        assertFalse(compare.b().trainsOn());
    }

    /** A thrown away while both are still being built takes B with it (a session opened, "Train a new model"). */
    @Test
    void aResetWhileBothAreBeingBuiltResetsB() {
        model.view().compareProperty().set(true);
        compare.variesProperty().set(ComparedSetting.WIDTH);
        compare.widthProperty().set(64);
        compare.train();
        assertTrue(compare.b().startingProperty().get());
        a.reset();
        assertFalse(compare.b().startingProperty().get(), "B is not built from the old inputs");
        assertFalse(compare.b().trainsOn());
    }
}
