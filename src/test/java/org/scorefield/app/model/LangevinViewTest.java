package org.scorefield.app.model;

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
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.metric.ModeWeights;
import org.scorefield.core.sample.LangevinDynamics;
import org.scorefield.core.sample.LangevinStart;

/**
 * The Langevin view as the window drives it (docs/math.md §5.13), on the labelled mixture (weights 0.5,
 * 0.3, 0.2) with the exact score, from 500 particles uniform in the square: the three runs, their mode
 * shares against the weights, and the panes that show them.
 */
class LangevinViewTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final LangevinView view = model.langevin();
    private final GaussianMixture mixture = DatasetPreset.GMM_LABELLED.mixture().orElseThrow();

    {
        model.data().presetProperty().set(DatasetPreset.GMM_LABELLED);
        model.sampling().driverProperty().set(Driver.EXACT);
        model.view().langevinProperty().set(true);
        manual.runAll();
    }

    /**
     * Plain Langevin keeps the basins' shares of the square (error 0.14 measured, over 0.08 asked), score
     * ascent the same and collapses every particle onto a point within 0.05 of one of three (the modes of
     * p_σ), annealed Langevin gets the weights to within 0.05; the shares are recomputed here from the end
     * points by {@link ModeWeights}, and the start is the seeded uniform start.
     */
    @Test
    void theThreeRunsTellTheStoryOnTheLabelledMixture() {
        LangevinView.Runs runs = view.runsProperty().get();
        assertNotNull(runs);
        assertTrue(runs.done());
        assertTrue(manual.errors.isEmpty(), manual.errors.toString());
        assertEquals("exact score", runs.scoreName());
        assertEquals(LangevinStart.UNIFORM, runs.start());
        double sigma = runs.settings().sigma();
        assertEquals(0.1, sigma);
        double[] start = LangevinStart.UNIFORM.draw(LangevinView.PARTICLES, runs.seed(), java.util.Optional.of(mixture),
                model.data().data().points());
        LangevinView.Pane plain = runs.panes().get(0);
        LangevinView.Pane ascent = runs.panes().get(1);
        LangevinView.Pane annealed = runs.panes().get(2);
        for (LangevinView.Pane p : runs.panes()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(start, p.run().paths().positions()[0], 0.0,
                    "all three start from the same points");
            assertEquals(1000, p.run().iterations()[p.run().iterations().length - 1]);
            ModeWeights w = ModeWeights.of(p.run().end(), mixture, sigma);
            assertEquals(w, p.weights().orElseThrow(), "the shares of the end points under p_σ");
            assertEquals(3, p.coverage().orElseThrow().modesHit());
        }
        assertTrue(plain.weights().orElseThrow().error() > 0.08, "plain: " + plain.weights());
        assertTrue(ascent.weights().orElseThrow().error() > 0.08, "ascent: " + ascent.weights());
        assertTrue(annealed.weights().orElseThrow().error() < 0.05, "annealed: " + annealed.weights());
        assertTrue(annealed.sw2().ratio() < plain.sw2().ratio(), "annealed is nearer p_σ in SW2 too");
        double[] end = ascent.run().end();
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < end.length; i += 2) {
            double x = end[i];
            double y = end[i + 1];
            if (points.stream().noneMatch(q -> Math.hypot(q[0] - x, q[1] - y) < 0.05)) {
                points.add(new double[] {x, y});
            }
        }
        assertEquals(3, points.size(), "score ascent collapses onto three points");
        assertEquals(LangevinDynamics.Rule.ANNEALED, annealed.run().rule());
        assertEquals(3.0, annealed.run().levels()[1], 1e-12);
    }

    /** A new σ runs again at that level; switching the view off drops the runs. */
    @Test
    void aNewSettingRunsAgainAndTheViewOffDropsTheRuns() {
        view.sigmaProperty().set(0.2);
        manual.runAll();
        assertEquals(0.2, view.runsProperty().get().settings().sigma());
        view.stepsProperty().set(200);
        manual.runAll();
        assertEquals(200, view.runsProperty().get().panes().get(0).run().iterations()[100]);
        model.view().likelihoodProperty().set(true); // another view: Langevin goes off
        assertTrue(!model.view().langevinProperty().get());
        assertNull(view.runsProperty().get());
    }

    /** The panes: each titled with its rule's name, the update rule on its first line, then its figures. */
    @Test
    void eachPaneIsTitledWithItsUpdateRuleOverItsFigures() {
        FrameComposer.Scene scene = new FrameComposer(model).shown(t -> null);
        assertEquals(3, scene.panes().size());
        LangevinDynamics.Rule[] rules = LangevinDynamics.Rule.values();
        for (int k = 0; k < 3; k++) {
            String[] lines = scene.panes().get(k).onScreen(0).title().split("\n");
            assertEquals(rules[k].label(), lines[0]);
            assertEquals(rules[k].update(), lines[1]);
            assertTrue(lines[2].startsWith("step 1,000 of 1,000"), lines[2]);
            assertTrue(lines[3].startsWith("shares "), lines[3]);
            assertTrue(lines[4].startsWith("weights error "), lines[4]);
        }
        assertEquals("x \u2190 x + (\u03b5/2)\u00b7\u2207log p_\u03c3(x)  + \u221a\u03b5\u00b7z", rules[0].update());
        assertEquals("x \u2190 x + (\u03b5/2)\u00b7\u2207log p_\u03c3(x)", rules[1].update());
        // at the scrubber's t = 1 the start is drawn: step 0
        assertTrue(scene.panes().get(2).onScreen(1).title().split("\n")[2].startsWith("step 0 of 1,000  \u00b7  \u03c3 = 3"));
    }

    /** Cancelled (the status bar's button), the panes not yet run say so; Run starts again. */
    @Test
    void aCancelledRunSaysSoAndRunStartsAgain() {
        view.seedProperty().set(2);
        manual.jobs.cancel(LangevinView.KEY);
        manual.runAll();
        assertEquals("cancelled:  Run starts again", view.failureProperty().get());
        FrameComposer.Scene scene = new FrameComposer(model).shown(t -> null);
        assertTrue(scene.panes().get(2).onScreen(0).title().contains("cancelled"));
        view.refresh();
        manual.runAll();
        assertEquals("", view.failureProperty().get());
        assertTrue(view.runsProperty().get().done());
        assertEquals(2, view.runsProperty().get().seed());
    }

    /** A flow from another source has no score: one pane says so. */
    @Test
    void aFlowWithoutAScoreSaysSo() {
        model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
        model.training().sourceProperty().set(SourceOption.all().stream()
                .filter(o -> !o.source().isGaussian()).findFirst().orElseThrow());
        manual.runAll();
        assertTrue(view.problem().isPresent());
        assertNull(view.runsProperty().get());
        FrameComposer.Scene scene = new FrameComposer(model).shown(t -> null);
        assertEquals(1, scene.panes().size());
        assertTrue(scene.panes().get(0).onScreen(0).title().contains("needs a score"));
    }
}
