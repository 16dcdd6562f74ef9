package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.Lane;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.schedule.ScheduleKind;

/** Training as the window drives it, without a window: runs, their updates, and what is out of date. */
class TrainingStateTest {

    private final ManualJobs manual = new ManualJobs();
    private final SettingValues values = new SettingValues();
    private final DataState data = new DataState(values);
    private final ProcessState process = new ProcessState(values);
    private final TrainingState[] self = new TrainingState[1];
    private final TrainingState training = new TrainingState(
            () -> self[0].inputs(data.data(), process.schedule()), manual.jobs, values);

    {
        self[0] = training;
        training.widthProperty().set(32);
        training.depthProperty().set(1);
        data.pointCountProperty().set(200);
    }

    @AfterEach
    void stop() {
        training.close();
    }

    /**
     * Builds the run and hands it to the window, but not its first update: the worker may publish
     * that before a test's delivery loop ends, and {@link #awaitUpdate()} would then wait for nothing.
     */
    private void buildRun() {
        manual.runLanes();
        manual.deliverWaiting();
    }

    /** Waits for the worker's thread to hand something to the window. */
    private void awaitUpdate() throws InterruptedException {
        for (int i = 0; i < 600 && manual.window.size() == 0; i++) {
            Thread.sleep(50);
        }
        if (manual.window.size() == 0) {
            // once in CI the worker published nothing for 30 s: say where it was, for the next time
            StringBuilder where = new StringBuilder();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().startsWith("scorefield-")) {
                    where.append("\n").append(thread.getName()).append(" ").append(thread.getState());
                    for (int i = 0; i < Math.min(12, stack.length); i++) {
                        where.append("\n    at ").append(stack[i]);
                    }
                }
            });
            throw new AssertionError("the worker published no update in 30 s" + where);
        }
    }

    @Test
    void conditionalTrainingGivesTheNetworkTheDatasClassesAndItsLabelDropout() {
        data.presetProperty().set(org.scorefield.core.data.DatasetPreset.GMM_LABELLED);
        assertEquals(0, training.inputs(data.data(), process.schedule()).architecture().classes(),
                "off by default: the network has no class input");
        TrainingState.Inputs plain = training.inputs(data.data(), process.schedule());
        training.labelDropoutProperty().set(0.3);
        assertEquals(plain, training.inputs(data.data(), process.schedule()),
                "label dropout changes nothing of an unconditional model (it is not made out of date)");
        training.conditionalProperty().set(true);
        training.labelDropoutProperty().set(0.25);
        TrainingState.Inputs in = training.inputs(data.data(), process.schedule());
        assertEquals(data.data().points().labelCount(), in.architecture().classes());
        assertEquals(3, in.architecture().classes(), "gmm-labelled has three clusters");
        assertEquals(0.25, in.settings().labelDropout(), 0.0);
        data.presetProperty().set(org.scorefield.core.data.DatasetPreset.GAUSSIAN);
        assertEquals(0, training.inputs(data.data(), process.schedule()).architecture().classes(),
                "one class: nothing to condition on");
    }

    @Test
    void aStepBuildsARunAndItsUpdateReachesTheWindow() throws InterruptedException {
        training.step();
        assertTrue(training.startingProperty().get(), "building the trainer is a job");
        manual.runLane(Lane.TRAINING); // warm-up-free: only the trainer
        manual.deliverWaiting();
        assertFalse(training.startingProperty().get());
        awaitUpdate();
        manual.deliver();
        assertEquals(1, training.stepsProperty().get());
        assertTrue(training.model().isPresent());
        assertEquals(1, training.losses().total(), "the step's loss is kept for the chart and the CSV");
    }

    @Test
    void aListenerToTheStepsSeesTheModelOfThoseSteps() throws InterruptedException {
        // the window samples again when the steps cross a refresh: it must find that model, not none
        long[] modelSteps = {-1};
        training.stepsProperty().addListener((obs, old, n) ->
                modelSteps[0] = training.model().map(m -> m.steps()).orElse(0L));
        training.step();
        buildRun();
        awaitUpdate();
        manual.deliver();
        assertEquals(1, training.stepsProperty().get());
        assertEquals(1, modelSteps[0], "the model of step 1, there when the steps said 1");
    }

    @Test
    void theLossesAreEmptyWhenTheStepsGoBackToZero() throws InterruptedException {
        training.step();
        buildRun();
        awaitUpdate();
        manual.deliver();
        long[] seenAtZero = {-1};
        training.stepsProperty().addListener((obs, old, n) -> {
            if (n.longValue() == 0) {
                seenAtZero[0] = training.losses().total(); // what a chart redrawing now would draw
            }
        });
        training.reset();
        assertEquals(0, seenAtZero[0], "a chart redrawn at step 0 shows no loss of the old run");
    }

    @Test
    void anUpdateFromARunThatWasResetIsIgnored() throws InterruptedException {
        training.step();
        buildRun();
        awaitUpdate(); // run 1's step, published, not yet taken by the window
        training.reset();
        manual.deliver();
        assertEquals(0, training.stepsProperty().get(), "the old run's step does not come back after the reset");
        assertNull(training.modelProperty().get());
        assertEquals(0, training.losses().total());
    }

    @Test
    void settingsChangedSinceTheRunStartedMakeItOutOfDate() throws InterruptedException {
        training.step();
        buildRun();
        awaitUpdate();
        manual.deliver();
        assertFalse(training.outOfDateProperty().get());
        training.learningRateProperty().set(3e-3);
        assertTrue(training.outOfDateProperty().get(), "a new learning rate takes effect at the next Reset");
        training.learningRateProperty().set(1e-2);
        assertFalse(training.outOfDateProperty().get());
        process.kindProperty().set(ScheduleKind.VE);
        training.checkOutOfDate(); // the model calls this when the process changes
        assertTrue(training.outOfDateProperty().get(), "EDM depends on the process");
    }

    @Test
    void flowMatchingIgnoresTheProcessAndANewRunStartsFromTheSettingsShown() {
        training.objectiveProperty().set(Objective.FLOW_MATCHING);
        TrainingState.Inputs inputs = training.inputs(data.data(), process.schedule());
        assertEquals(ScheduleKind.LINEAR, inputs.parameterization().schedule().kind(),
                "flow matching trains on its linear path whatever the process");
    }

    @Test
    void withoutDataNothingStartsAndTheUserIsTold() {
        data.clear();
        training.train();
        assertFalse(training.startingProperty().get());
        assertTrue(training.failureProperty().get().startsWith("There are no data points"));
    }
}
