package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.app.frame.FrameComposer;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.HeatmapLayer;
import org.scorefield.app.settings.Settings;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.Sampling;

/** "ω a vs b" as the window drives it, against the core's exact guidance run on its own. */
class GuidanceSplitTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final SamplingState sampling = model.sampling();
    private final GuidanceSplit split = model.guidanceSplit();

    {
        model.data().presetProperty().set(DatasetPreset.GMM_LABELLED);
        sampling.countProperty().set(300);
        sampling.solverProperty().set(SamplerKind.HEUN);
        sampling.stepsProperty().set(24);
        sampling.guidedClassProperty().set(2);
        sampling.omegaProperty().set(1);
        sampling.omegaBProperty().set(4);
        model.view().omegaSplitProperty().set(true);
        sampling.resample();
        manual.runAll();
    }

    private ExactGuidance exact() {
        return new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(), model.process().schedule());
    }

    private static double[] last(SamplingState.Run run) {
        double[][] rows = run.trajectories().positions();
        return rows[rows.length - 1];
    }

    @Test
    void bothPanesStartFromTheSameNoiseAndTheRightIsTheCoresRunAtOmegaB() {
        SamplingState.Run a = sampling.runsProperty().get().single();
        SamplingState.Run b = split.runProperty().get();
        assertEquals(1, a.guidance().omega());
        assertEquals(4, b.guidance().omega());
        assertArrayEquals(a.trajectories().positions()[0], b.trajectories().positions()[0], 0.0,
                "the first rows, the starting noise, are the same");
        assertEquals(a.settings(), b.settings());
        double[] core = Sampling.fromPrior(exact().guided(2, 4), sampling.settings(), 300,
                sampling.seedProperty().get(), Recording.NONE).samples();
        assertArrayEquals(core, last(b), 0.0, "the right pane is the core's guided oracle at ω = 4, bit for bit");
        assertNotEquals(last(a)[0], last(b)[0], "ω differs, and so do the samples");
        assertEquals(2 * a.nfe(), b.nfe(), "ω = 4 evaluates the class's and the whole's denoiser, ω = 1 one");
        // the figures are the core's, measured at ω of B
        var figures = b.guided().orElseThrow();
        var expected = org.scorefield.core.guidance.GuidanceQuality.of(exact(), last(b), 2, 4,
                sampling.seedProperty().get());
        assertEquals(expected.classFraction(), figures.classFraction());
        assertEquals(expected.sw2Tilted().ratio(), figures.sw2Tilted().ratio(), 0.0);
    }

    @Test
    void eitherOmegaSamplesAgainAndTheNewestRequestWins() {
        SamplingState.Run a = sampling.runsProperty().get().single();
        sampling.omegaBProperty().set(2);
        sampling.omegaBProperty().set(3); // before the first is done
        manual.runAll();
        SamplingState.Run b = split.runProperty().get();
        assertEquals(3, b.guidance().omega());
        assertSame(a, sampling.runsProperty().get().single(), "ω of B leaves the left pane alone");
        double[] core = Sampling.fromPrior(exact().guided(2, 3), sampling.settings(), 300,
                sampling.seedProperty().get(), Recording.NONE).samples();
        assertArrayEquals(core, last(b), 0.0);

        sampling.omegaProperty().set(0);
        sampling.resample(); // as the window does on any change of what the samples depend on
        manual.runAll();
        assertSame(b, split.runProperty().get(), "a new ω on the left: the right's run stands");
        double[] unguided = Sampling.fromPrior(exact().unconditional(), sampling.settings(), 300,
                sampling.seedProperty().get(), Recording.NONE).samples();
        assertArrayEquals(unguided, last(sampling.runsProperty().get().single()), 0.0, "ω = 0 is the whole data");
    }

    @Test
    void withoutAClassTheViewSaysWhatToDoInOneCanvas() {
        sampling.guidedClassProperty().set(Settings.NO_CLASS);
        sampling.resample();
        manual.runAll();
        assertNull(split.runProperty().get());
        String problem = split.problem().orElseThrow();
        assertTrue(problem.startsWith("Choose a class in Sampling \u25b8 Guidance"), problem);
        FrameComposer.Scene scene = new FrameComposer(model).shown(t -> model.layers().layersProperty().get());
        assertEquals(1, scene.panes().size(), "not two identical panes");
        assertTrue(scene.panes().get(0).onScreen(0).title().contains("Choose a class"));

        model.data().presetProperty().set(DatasetPreset.GAUSSIAN); // one class: nothing to guide to
        sampling.guidedClassProperty().set(0);
        sampling.resample();
        manual.runAll();
        assertNull(split.runProperty().get());
        assertTrue(split.problem().orElseThrow().contains("no classes"), split.problem().get());
    }

    @Test
    void eachPaneIsTitledWithItsOmegaOverItsFigures() {
        FrameComposer.Scene scene = new FrameComposer(model).shown(t -> model.layers().layersProperty().get());
        assertEquals(2, scene.panes().size());
        List<String> titles = scene.panes().stream().map(p -> p.onScreen(0).title()).toList();
        assertTrue(titles.get(0).startsWith("\u03c9 = 1  \u00b7  class 2"), titles.get(0));
        assertTrue(titles.get(1).startsWith("\u03c9 = 4  \u00b7  class 2"), titles.get(1));
        assertTrue(titles.get(1).contains("in class") && titles.get(1).contains("to tilted"), titles.get(1));
    }

    @Test
    void theRightPanesTiltedDensityIsThatOfItsOmega() {
        model.view().showDensityProperty().set(true);
        model.view().heatmapProperty().set(HeatmapLayer.TILTED);
        model.view().timeProperty().set(0.2);
        manual.runAll();
        var a = model.layers().layersProperty().get().density();
        var b = model.layers().layersBProperty().get().density();
        assertEquals(HeatmapLayer.TILTED, model.layers().layersBProperty().get().heat());
        assertArrayEquals(exact().tiltedLogDensity(2, 1, a.spec(), 0.2).values(), a.values(), 1e-12);
        assertArrayEquals(exact().tiltedLogDensity(2, 4, b.spec(), 0.2).values(), b.values(), 1e-12);
        model.view().omegaSplitProperty().set(false);
        manual.runAll();
        assertNull(model.layers().layersBProperty().get(), "nothing computed for a view that is off");
    }

    @Test
    void theFiveViewsExcludeEachOther() {
        model.view().compareProperty().set(true);
        assertFalse(model.view().omegaSplitProperty().get());
        model.view().omegaSplitProperty().set(true);
        assertFalse(model.view().compareProperty().get());
        model.view().splitProperty().set(true);
        assertFalse(model.view().omegaSplitProperty().get());
        manual.runAll();
        assertNull(split.runProperty().get(), "off: no second run");
    }
}
