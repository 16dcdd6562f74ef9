package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.app.frame.FrameComposer;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.Driver;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.likelihood.Likelihood;

/**
 * The log p₀ view as the window drives it (docs/math.md §7.5), on the 8gaussians oracle, against
 * the mixture's own density and the core's likelihood ODE run on their own.
 */
class LikelihoodViewTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final LikelihoodView view = model.likelihood();

    {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        model.sampling().driverProperty().set(Driver.EXACT);
        model.view().likelihoodProperty().set(true);
        manual.runAll();
    }

    private GaussianMixtureDenoiser oracle() {
        return new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(),
                model.process().schedule());
    }

    @Test
    void theMapsAreTheOraclesOdeTheMixtureAndTheirDifference() {
        LikelihoodView.Maps maps = view.mapsProperty().get();
        assertNotNull(maps);
        assertTrue(maps.done());
        assertTrue(manual.errors.isEmpty(), manual.errors.toString());
        GridSpec spec = LikelihoodView.grid();
        assertEquals(spec, maps.model().spec());
        // the exact map is the mixture's density at t = 0, by its own method
        double[] mixture = oracle().logDensity(spec.points(), 0);
        assertArrayEquals(mixture, maps.exact().values(), 1e-12);
        assertEquals("exact log p\u2080", maps.exactTitle());
        assertEquals("oracle's ODE log p\u2080", maps.modelName());
        // the oracle's ODE gives the mixture's density wherever the heatmap colours it
        double top = maps.exact().max();
        double sum = 0;
        int shown = 0;
        for (int k = 0; k < mixture.length; k++) {
            double d = maps.model().values()[k] - mixture[k];
            if (mixture[k] > top - 8) {
                assertTrue(Math.abs(d) < 0.8, "cell " + k + ": " + d); // 0.53 at most, far down the range
                sum += Math.abs(d);
                shown++;
                assertEquals(d, maps.difference().values()[k], 1e-12, "model − exact where it shows");
            }
        }
        assertTrue(sum / shown < 0.06, "mean |Δ| " + sum / shown);
        // far out, where neither map shows, the difference is 0 (the background)
        assertEquals(0, maps.difference().values()[spec.index(0, 0)]);
        // KL(exact ‖ oracle's ODE) by hand over the cells
        double kl = 0;
        for (int k = 0; k < mixture.length; k++) {
            kl += Math.exp(mixture[k]) * (mixture[k] - maps.model().values()[k]) * spec.dx() * spec.dy();
        }
        assertEquals(kl, maps.klExactModel(), 1e-9);
        // next to nothing: what is left is the map's Heun-24 error weighted by the mass, −0.022 nats
        assertTrue(Math.abs(kl) < 0.03, "KL " + kl);
        // a negative sum is no KL: the title says ≈ 0 and gives the integration error beside it
        assertTrue(kl < -0.005, "the oracle's sum is below zero: " + kl);
        assertEquals("KL(exact \u2016 model)  \u2248 0  (integration error \u2212"
                + String.format(java.util.Locale.ROOT, "%.2f", -kl) + ")", maps.klLine());
    }

    @Test
    void aClickClimbsToThePriorAndTheCounterEndsAtThePointsLogDensity() {
        view.climbFrom(0.9, 1.6);
        manual.runAll();
        LikelihoodView.Climb climb = view.climbProperty().get();
        assertNotNull(climb);
        Likelihood.Result alone = Likelihood.logDensity(oracle(), new double[] {0.9, 1.6},
                LikelihoodView.climbSettings(), Likelihood.PathObserver.NONE);
        assertEquals(alone.logDensity()[0], climb.logDensity(), 0.0);
        assertEquals(65, climb.times().length);
        assertEquals(alone.tMin(), climb.times()[0], 0.0);
        assertEquals(alone.tTop(), climb.times()[64], 0.0);
        assertEquals(0, climb.ellAt(0), 0.0, "no ℓ before the climb starts");
        assertEquals(alone.logDet()[0], climb.ellAt(1), 1e-12, "all of ℓ at the top");
        // the path drawn at the top ends where the integration ended, and starts at α(t_min)·x0
        var path = climb.upTo(1);
        double[][] rows = path.positions();
        assertArrayEquals(alone.end(), rows[rows.length - 1], 1e-12);
        double a = model.process().schedule().alpha(alone.tMin());
        assertArrayEquals(new double[] {a * 0.9, a * 1.6}, rows[0], 1e-12);
        assertEquals(2, climb.upTo(climb.times()[0]).length(), "at t_min: the start alone (twice)");
        // the counter: its last line is log p₀ of the point, and the sum of the three lines above
        List<String> counter = FrameComposer.climbCounter(climb, 1);
        assertEquals(String.format(java.util.Locale.ROOT, "= log p\u2080  %.3f", alone.logDensity()[0])
                .replace('-', '\u2212'), counter.get(5));
        double terms = alone.logPrior()[0] + alone.logDet()[0] + 2 * Math.log(a);
        assertEquals(alone.logDensity()[0], terms, 1e-12);
        // and half way, ℓ so far is ℓ at that step
        double tHalf = climb.times()[32];
        assertEquals(String.format(java.util.Locale.ROOT, "\u2113 so far %+.3f", climb.ell()[32]).replace('-', '\u2212'),
                FrameComposer.climbCounter(climb, tHalf).get(1));
    }

    @Test
    void theSentenceAboveTheCanvasSaysWhatAClickDoes() {
        assertEquals("The exact oracle samples: the ideal model of these points. Click a point: it climbs to the "
                + "prior as t grows.", model.guide().adviceProperty().get().text());
        model.view().likelihoodProperty().set(false);
        assertEquals("The exact oracle samples: the ideal model of these points.",
                model.guide().adviceProperty().get().text());
    }

    @Test
    void switchingTheViewOffDropsTheMapsAndTheClimb() {
        view.climbFrom(0.1, 0.2);
        manual.runAll();
        model.view().likelihoodProperty().set(false);
        manual.runAll();
        assertNull(view.mapsProperty().get());
        assertNull(view.climbProperty().get());
        model.view().splitProperty().set(true); // another view, and this one stays off
        assertTrue(!model.view().likelihoodProperty().get());
    }

    /**
     * The map is a job of the compute lane, never the FX thread's: it shows the coarse map first, and a
     * cancel in the middle leaves that map, saying so.
     */
    @Test
    void theMapRunsOnTheComputeLaneCoarseFirstAndCanBeCancelled() {
        LikelihoodView.Maps before = view.mapsProperty().get(); // shown until the new coarse map comes
        view.refresh();
        assertEquals(1, manual.lane(org.scorefield.app.jobs.Lane.COMPUTE).size(), "one map job waits on its lane");
        var job = model.jobs().current(LikelihoodView.MAP_KEY);
        assertEquals(org.scorefield.app.jobs.Lane.COMPUTE, job.lane());
        manual.lane(org.scorefield.app.jobs.Lane.COMPUTE).runNext(); // the work: coarse map published, then done
        // the coarse map reaches the window before the refined one
        while (view.mapsProperty().get() == before && manual.window.runNext()) {
            // deliveries one at a time
        }
        assertTrue(!view.mapsProperty().get().done());
        assertTrue(view.mapsProperty().get().modelTitle().endsWith("refining\u2026"));
        job.cancel(); // Cancel in the status bar before the refined map is handed over
        manual.runAll();
        LikelihoodView.Maps shown = view.mapsProperty().get();
        assertTrue(!shown.done(), "the coarse map");
        assertEquals("", shown.klLine(), "no KL from the coarse map");
        assertTrue(shown.modelTitle().endsWith("coarse:  cancelled"), shown.modelTitle());
        assertNotNull(shown.model());
    }

    /** A flow from another source has no Gaussian prior: the view says so in one sentence. */
    @Test
    void aFlowFromAnotherSourceHasNoLogDensityHere() {
        model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
        model.training().sourceProperty().set(SourceOption.all().stream()
                .filter(o -> !o.source().isGaussian()).findFirst().orElseThrow());
        manual.runAll();
        assertTrue(view.problem().orElseThrow().startsWith("log p\u2080 needs a flow from N(0, I)"));
        assertNull(view.mapsProperty().get());
    }

    /** A small flow-matching model from N(0, I) with this setup, trained a few steps. */
    private static org.scorefield.core.nn.TrainedModel flowModel(org.scorefield.core.flow.FlowSetup flow) {
        var trainer = new org.scorefield.core.nn.Trainer(DatasetPreset.EIGHT_GAUSSIANS,
                new org.scorefield.core.nn.Parameterization(org.scorefield.core.nn.Objective.FLOW_MATCHING,
                        org.scorefield.core.schedule.ScheduleKind.LINEAR.createDefault(),
                        org.scorefield.core.nn.LossWeighting.UNIFORM,
                        org.scorefield.core.head.EdmPreconditioning.standard()),
                org.scorefield.core.nn.Architecture.defaults().withSize(32, 1),
                org.scorefield.core.nn.TrainingSettings.defaults(3), flow);
        for (int i = 0; i < 5; i++) {
            trainer.step();
        }
        return trainer.snapshot();
    }

    /**
     * A flow from N(0, I) ends in the Gaussian prior whatever its coupling or Reflow round: a
     * minibatch-OT model and a Reflow model have a log p₀ (as the held-out NLL measures it), and
     * the map is made.
     */
    @Test
    void minibatchOtAndReflowModelsFromTheGaussianHaveALogDensity() {
        var ot = org.scorefield.core.flow.FlowSetup.of(org.scorefield.core.flow.FlowSource.gaussian(),
                org.scorefield.core.flow.Coupling.of(org.scorefield.core.flow.CouplingKind.OT));
        var reflow = org.scorefield.core.flow.FlowSetup.standard().withRound(1);
        for (var flow : List.of(ot, reflow)) {
            assertTrue(!flow.isStandard(), "not the standard setup: " + flow);
            model.training().restore(flowModel(flow));
            model.sampling().driverProperty().set(Driver.MODEL);
            assertTrue(model.modelSamples());
            assertTrue(view.problem().isEmpty(), view.problem().toString());
            assertNotNull(model.jobs().current(LikelihoodView.MAP_KEY), "a map is being made");
        }
        manual.runAll();
        LikelihoodView.Maps maps = view.mapsProperty().get();
        assertNotNull(maps);
        assertTrue(maps.done());
        assertEquals("model log p\u2080", maps.modelName());
        assertEquals(String.format(java.util.Locale.ROOT, "model log p\u2080  of step %d", maps.step()),
                maps.modelPaneTitle());
        assertEquals(5, maps.step());
        assertTrue(Double.isFinite(maps.model().max()));
        model.training().close();
    }

    /** Delivers what the training thread publishes until {@code until} holds (30 s at most). */
    private void deliverUntil(java.util.function.BooleanSupplier until) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!until.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            manual.deliverWaiting();
            Thread.sleep(5);
        }
    }

    /**
     * While training runs, the models it publishes every 25 steps do not replace the map being made
     * (it would never finish); at the pause the last model is mapped at once, and its pane says of
     * which step.
     */
    @Test
    void modelsPublishedWhileTrainingDoNotCancelTheMapBeingMade() throws InterruptedException {
        model.sampling().driverProperty().set(Driver.MODEL);
        manual.runAll(); // the oracle's map, until a model comes
        var training = model.training();
        try {
            training.train();
            manual.runLane(org.scorefield.app.jobs.Lane.TRAINING); // the trainer is built
            deliverUntil(() -> training.model().isPresent() && model.jobs().current(LikelihoodView.MAP_KEY) != null);
            var job = model.jobs().current(LikelihoodView.MAP_KEY);
            long first = training.model().get().steps();
            deliverUntil(() -> training.stepsProperty().get() >= first + 4 * TrainingState.PUBLISH_EVERY);
            assertTrue(training.stateProperty().get() == org.scorefield.core.nn.TrainingWorker.State.RUNNING);
            assertTrue(job == model.jobs().current(LikelihoodView.MAP_KEY), "the same map job");
            assertTrue(!job.cancelled());
            // the map started at the first publication finishes and is shown, of its step
            manual.runLane(org.scorefield.app.jobs.Lane.COMPUTE);
            deliverUntil(() -> view.mapsProperty().get() != null && view.mapsProperty().get().done()
                    && view.mapsProperty().get().step() > 0);
            assertTrue(view.mapsProperty().get().step() <= first, "the model of the first publication");
            assertTrue(training.stepsProperty().get() > first + 3 * TrainingState.PUBLISH_EVERY);
            training.pause();
            deliverUntil(() -> training.stateProperty().get() == org.scorefield.core.nn.TrainingWorker.State.PAUSED);
            manual.runAll();
            LikelihoodView.Maps maps = view.mapsProperty().get();
            assertTrue(maps.done());
            long last = training.model().get().steps();
            assertTrue(last >= first + 4 * TrainingState.PUBLISH_EVERY);
            assertEquals(last, maps.step(), "the map is of the model paused on");
            assertEquals(String.format(java.util.Locale.ROOT, "model log p\u2080  of step %,d", last),
                    maps.modelPaneTitle());
        } finally {
            training.close();
        }
    }

    /** A KL at or above zero is shown to two decimals, and only for a refined map. */
    @Test
    void theKlLineShowsAPositiveSumToTwoDecimalsOnceRefined() {
        LikelihoodView.Maps m = view.mapsProperty().get();
        LikelihoodView.Maps positive = new LikelihoodView.Maps(m.model(), m.exact(), m.difference(), m.modelName(),
                m.modelTitle(), m.exactTitle(), 0.337, true, 1, -1);
        assertEquals("KL(exact \u2016 model)  \u2248 0.34", positive.klLine());
        LikelihoodView.Maps tiny = new LikelihoodView.Maps(m.model(), m.exact(), m.difference(), m.modelName(),
                m.modelTitle(), m.exactTitle(), -0.004, true, 1, -1);
        assertEquals("KL(exact \u2016 model)  \u2248 0.00", tiny.klLine());
        LikelihoodView.Maps coarse = new LikelihoodView.Maps(m.model(), m.exact(), m.difference(), m.modelName(),
                m.modelTitle(), m.exactTitle(), 0.337, false, 1, -1);
        assertEquals("", coarse.klLine());
    }
}
