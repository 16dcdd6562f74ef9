package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.flow.FlowSetup;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.head.EdmPreconditioning;
import org.scorefield.core.likelihood.HeldOutData;
import org.scorefield.core.likelihood.Likelihood;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.LossWeighting;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.schedule.ScheduleKind;

/** The held-out NLL as the window schedules it (docs/math.md §7.6), with lanes run by hand. */
class HeldOutNllTest {

    private final ManualJobs manual = new ManualJobs();
    private final SettingValues values = new SettingValues();
    private final DataState data = new DataState(values);
    private final ProcessState process = new ProcessState(values);
    private final TrainingState[] self = new TrainingState[1];
    private final TrainingState training = new TrainingState(
            () -> self[0].inputs(data.data(), process.schedule()), manual.jobs, values);
    private final HeldOutNll nll;

    {
        self[0] = training;
        data.presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        nll = new HeldOutNll(manual.jobs, training);
    }

    @AfterEach
    void stop() {
        training.close();
    }

    /** A small model trained a few steps, from N(0, I) or from another source. */
    private static TrainedModel model(FlowSetup flow, Objective objective, ScheduleKind kind) {
        Trainer trainer = new Trainer(DatasetPreset.EIGHT_GAUSSIANS, new Parameterization(objective,
                kind.createDefault(), LossWeighting.UNIFORM, EdmPreconditioning.standard()),
                Architecture.defaults().withSize(32, 1), TrainingSettings.defaults(3), flow);
        for (int i = 0; i < 5; i++) {
            trainer.step();
        }
        return trainer.snapshot();
    }

    @Test
    void aModelOnScreenIsMeasuredOnTheHeldOutPointsOnTheComputeLane() {
        TrainedModel m = model(FlowSetup.standard(), Objective.DEFAULT, ScheduleKind.VP);
        training.restore(m);
        assertTrue(nll.curveProperty().get().points().isEmpty(), "nothing before the lane runs");
        assertEquals(1, manual.lane(Lane.COMPUTE).size());
        manual.runAll();
        HeldOutNll.Curve curve = nll.curveProperty().get();
        assertEquals(1, curve.points().size());
        HeldOutData held = HeldOutData.of(DatasetPreset.EIGHT_GAUSSIANS, HeldOutData.DEFAULT_POINTS);
        double expected = Likelihood.logDensity(m.denoiser(), held.points(), HeldOutData.WHILE_TRAINING,
                Likelihood.PathObserver.NONE).nll();
        assertEquals(expected, curve.latest().nll(), 1e-9);
        assertEquals(m.steps(), curve.latest().step());
        assertEquals(held.exactNll(), curve.exactNll(), 1e-12);
        assertTrue(curve.heldOut());
        assertEquals("", curve.unavailable());

        training.reset();
        assertTrue(nll.curveProperty().get().points().isEmpty(), "a reset starts the curve again");
    }

    @Test
    void aFlowFromAnotherSourceHasNoNllAndSaysWhy() {
        TrainedModel m = model(FlowSetup.of(FlowSource.of(DatasetPreset.MOONS), Coupling.independent()),
                Objective.FLOW_MATCHING, ScheduleKind.LINEAR);
        training.restore(m);
        assertEquals(0, manual.lane(Lane.COMPUTE).size(), "nothing to integrate");
        assertEquals("source not N(0, I)", nll.curveProperty().get().unavailable());
    }

    @Test
    void drawnPointsAreMeasuredOnThemselvesWithoutAnExactLine() {
        data.brush(0.5, 0.5, 0.3, 40, 0); // the data is now the edited points, not the preset
        TrainedModel m = model(FlowSetup.standard(), Objective.DEFAULT, ScheduleKind.VP);
        training.restore(m);
        manual.runAll();
        HeldOutNll.Curve curve = nll.curveProperty().get();
        assertEquals(1, curve.points().size());
        assertTrue(!curve.heldOut());
        assertTrue(Double.isNaN(curve.exactNll()));
    }
}
