package org.scorefield.app.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.scorefield.app.canvas.TrajectoryRole;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.model.ExplorerModel;
import org.scorefield.app.model.SamplingState;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;

/** The window's state as panes, without a window: what each pane draws at a t. */
class FrameComposerTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final FrameComposer composer = new FrameComposer(model);

    {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        model.sampling().countProperty().set(200);
        model.view().showDensityProperty().set(true);
    }

    @Test
    void theSplitViewsPanesAreTheOdeAndTheSdeOverTheirEndPointsDensities() {
        model.view().splitProperty().set(true);
        model.sampling().resample();
        manual.runAll();
        SamplingState.Runs runs = model.sampling().runsProperty().get();
        var ends = model.layers().endpointDensitiesProperty().get();
        FrameComposer.Scene scene = composer.shown(model.layers().recipe(false));
        assertEquals(2, scene.panes().size());
        assertEquals(2, scene.columns());
        var ode = scene.panes().get(0).at().apply(0.5).frame();
        var sde = scene.panes().get(1).at().apply(0.5).frame();
        assertSame(ends[0], ode.heatmap(), "each pane over its own run's end points");
        assertSame(ends[1], sde.heatmap());
        assertEquals(TrajectoryRole.ODE, ode.role());
        assertEquals(TrajectoryRole.SDE, sde.role());
        assertSame(runs.ode().trajectories(), ode.trajectories());
        assertEquals(runs.ode().title(), scene.panes().get(0).runTitle());
        assertEquals(runs.ode().title() + "  ·  NFE " + runs.ode().nfe(), scene.panes().get(0).overlayTitle());
    }

    @Test
    void theProbeIsDrawnOnlyInThePaneWhereItWasMade() {
        model.view().splitProperty().set(true);
        model.view().toolProperty().set(org.scorefield.app.settings.CanvasTool.PROBE);
        model.probe().place(0.3, 0.4, 1);
        manual.runAll();
        assertNotNull(model.probe().probeProperty().get());
        FrameComposer.Scene scene = composer.shown(model.layers().recipe(false));
        assertNull(scene.panes().get(0).at().apply(0.5).frame().probe(), "not in the ODE pane");
        assertSame(model.probe().probeProperty().get(), scene.panes().get(1).at().apply(0.5).frame().probe(),
                "made in the SDE pane, drawn there");
        assertEquals(java.util.List.of(), scene.panes().get(0).at().apply(0.5).notes().stream()
                .filter(n -> n.startsWith("red:")).toList(), "its legend only where it is drawn");
        model.probe().place(0.3, 0.4, 0);
        manual.runAll();
        scene = composer.shown(model.layers().recipe(false));
        assertNotNull(scene.panes().get(0).at().apply(0.5).frame().probe());
        assertNull(scene.panes().get(1).at().apply(0.5).frame().probe());
    }

    @Test
    void inACompareViewTheProbeIsDrawnInAsPaneOnlyWhenMadeThere() {
        model.view().compareProperty().set(true);
        model.view().toolProperty().set(org.scorefield.app.settings.CanvasTool.PROBE);
        model.probe().place(0.3, 0.4, 1); // clicked in B's pane
        manual.runAll();
        assertNotNull(model.probe().probeProperty().get());
        FrameComposer.Scene scene = composer.shown(model.layers().recipe(true));
        assertNull(scene.panes().get(0).at().apply(0.5).frame().probe(), "not drawn in A's pane");
        assertNull(scene.panes().get(1).at().apply(0.5).frame().probe(), "B's pane has no probe of its own");
        assertTrue(scene.panes().get(1).at().apply(0.5).notes().contains("the velocity probe is A\u2019s: click in "
                + "A\u2019s pane"));
        model.probe().place(0.3, 0.4, 0);
        manual.runAll();
        scene = composer.shown(model.layers().recipe(true));
        assertSame(model.probe().probeProperty().get(), scene.panes().get(0).at().apply(0.5).frame().probe());
        assertFalse(scene.panes().get(1).at().apply(0.5).notes().stream().anyMatch(n -> n.contains("probe")));
    }

    @Test
    void theCompareViewsBPaneDrawsOnlyWhatIsBsOwn() {
        model.view().compareProperty().set(true);
        model.view().showFieldProperty().set(true);
        model.compare().variesProperty().set(org.scorefield.app.settings.ComparedSetting.SCHEDULE);
        model.compare().scheduleProperty().set(org.scorefield.core.schedule.ScheduleKind.VE);
        model.sampling().resample();
        manual.runAll();
        FrameComposer.Scene scene = composer.shown(model.layers().recipe(true));
        assertEquals(2, scene.panes().size());
        assertEquals(2, scene.columns());
        assertEquals("A  \u00b7  VP linear", scene.panes().get(0).runTitle());
        assertEquals("B  \u00b7  VE geometric", scene.panes().get(1).runTitle());
        var a = scene.panes().get(0).at().apply(0.5);
        var b = scene.panes().get(1).at().apply(0.5);
        assertNotNull(a.frame().heatmap(), "A over the density of its path");
        assertNull(b.frame().heatmap(), "the density and the field are A's: not drawn over B");
        assertNull(b.frame().field());
        assertEquals(java.util.List.of("not trained  \u00b7  oracle's SW2/floor " + String.format(java.util.Locale.ROOT,
                "%.2f", model.compare().runProperty().get().sw2OverFloor().getAsDouble()),
                "density and field: A\u2019s only"), b.notes());
        assertSame(model.compare().runProperty().get().trajectories(), b.frame().trajectories());
        // The data noised along B's own path: at t = 1, VE's default σ_max = 5 against VP's σ ≈ 1, α ≈ 0.006.
        double spreadA = spread(scene.panes().get(0).at().apply(1).frame().particles());
        double spreadB = spread(scene.panes().get(1).at().apply(1).frame().particles());
        assertEquals(1, spreadA, 0.1);
        assertEquals(true, spreadB > 4.5, spreadA + " vs " + spreadB);

        model.training().objectiveProperty().set(org.scorefield.core.nn.Objective.FLOW_MATCHING);
        scene = composer.shown(model.layers().recipe(true));
        assertEquals("flow matching ignores the schedule  \u00b7  B would be A",
                scene.panes().get(1).at().apply(0.5).notes().get(0));
        assertNull(scene.panes().get(1).at().apply(0.5).frame().trajectories(), "no samples of a B that is A");
    }

    private static double spread(double[] xy) {
        double sum = 0;
        for (double v : xy) {
            sum += v * v;
        }
        return Math.sqrt(sum / xy.length);
    }

    @Test
    void theSplitViewsOdeRunAloneIsDrawnOverTheDensityAtEachT() {
        model.view().splitProperty().set(true);
        model.sampling().resample();
        manual.runAll();
        SamplingState.Run ode = model.sampling().runsProperty().get().ode();
        var frame = composer.single(ode, model.layers().recipe(true)).panes().get(0).at().apply(0.3).frame();
        assertNotNull(frame.heatmap(), "a one-pane animation of the ODE run keeps the density layer");
        var oracle = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(),
                model.process().schedule());
        assertArrayEquals(ExactDensity.logDensityGrid(oracle, frame.heatmap().spec(), 0.3).values(),
                frame.heatmap().values(), 1e-12, "p_t at the frame's own t");
    }

    @Test
    void withoutARunThePaneDrawsTheDataAndNoTitle() {
        model.view().showSamplesProperty().set(false);
        FrameComposer.Pane pane = composer.single(null, t -> model.layers().layersProperty().get()).panes().get(0);
        assertNull(pane.runTitle());
        var frame = pane.onScreen(0.0);
        assertNull(frame.title());
        assertArrayEquals(model.data().data().points().xy(), frame.particles(), 1e-12, "the data at t = 0");
    }

    @Test
    void theNoisingSweepIsTheDataLayerOverTheDensityAtEachT() {
        var pane = composer.noising(model.layers().recipe(true)).panes().get(0);
        var frame = pane.at().apply(0.6).frame();
        assertArrayEquals(model.noising().at(model.exactPath().schedule(), 0.6), frame.particles(), 0.0,
                "the particles the canvas draws at that t");
        assertNotNull(frame.heatmap());
        assertEquals("forward noising  ·  x_t = α(t)·x₀ + σ(t)·ε  ·  vp", pane.overlayTitle());
    }

    @Test
    void onScreenTheLastBlockOfCellsStaysUntilTheNextArrives() {
        // during playback every frame supersedes the quick job of the one before: no blinking
        model.view().timeProperty().set(0.3);
        model.view().continuityProperty().set(true);
        manual.runAll();
        var first = model.continuity().cellsProperty().get();
        assertNotNull(first);
        assertEquals(0.3, first.t(), 0.0);
        model.view().timeProperty().set(0.35); // its job is queued, not run
        var pane = composer.shown(model.layers().recipe(false)).panes().get(0);
        assertSame(first, pane.at().apply(0.35).frame().cells(), "the block of t = 0.3 until the next arrives");
        manual.runAll();
        var next = composer.shown(model.layers().recipe(false)).panes().get(0).at().apply(0.35).frame().cells();
        assertEquals(0.35, next.t(), 0.0);
        assertSame(model.continuity().cellsProperty().get(), next);
    }

    @Test
    void theDenoisingModesPathsAreCalledTheFirstSamplesNotPathsFromAClick() {
        model.denoising().onProperty().set(true);
        model.sampling().resample();
        manual.runAll();
        var run = model.sampling().runsProperty().get().single().trajectories();
        var frame = composer.shown(model.layers().recipe(false)).panes().get(0).at().apply(0.3).frame();
        assertEquals("first 5 samples", frame.clickedLabel(), "the key names them as what they are");
        assertEquals(5, frame.clicked().particles());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(run.path(i), frame.clicked().path(i), 0.0, "particle " + i + " of the run");
            assertArrayEquals(run.denoisedPath(i), frame.clicked().denoisedPath(i), 0.0, "its guesses");
        }
        assertTrue(frame.showDenoised());
        assertEquals(5, frame.landings().size());

        model.denoising().onProperty().set(false);
        frame = composer.shown(model.layers().recipe(false)).panes().get(0).at().apply(0.3).frame();
        assertNull(frame.clicked(), "without the mode and without clicks no bold paths");
        assertNull(frame.clickedLabel());
        assertEquals("first 5 samples, paths from clicks", FrameComposer.firstSamplesLabel(5, true));
        assertEquals("first sample", FrameComposer.firstSamplesLabel(1, false));
    }
}
