package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.app.settings.FieldSource;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.flow.ConditionalVelocity;
import org.scorefield.core.flow.Coupling;
import org.scorefield.core.nn.Objective;

/** The computed layers, the velocity probe and the pairs follow their inputs, without a window. */
class LayersAndProbesTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);

    {
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        manual.runAll();
    }

    @Test
    void theDensityLayerIsTheExactLogDensityAtTheScrubbersTime() {
        model.view().timeProperty().set(0.4);
        model.view().showDensityProperty().set(true);
        manual.runAll();
        var grid = model.layers().layersProperty().get().density();
        assertNotNull(grid);
        var oracle = new org.scorefield.core.denoise.GaussianMixtureDenoiser(
                DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(), model.process().schedule());
        assertArrayEquals(ExactDensity.logDensityGrid(oracle, grid.spec(), 0.4).values(), grid.values(), 1e-12);
        model.view().showDensityProperty().set(false);
        manual.runAll();
        assertNull(model.layers().layersProperty().get().density());
    }

    @Test
    void anExportsLayersReachTheEdgesOfItsWiderFrame() {
        model.view().showDensityProperty().set(true);
        model.view().showFieldProperty().set(true);
        model.layers().setVisibleHalfSize(4, 4); // a square canvas on screen
        manual.runAll();
        var screen = model.layers().layersProperty().get().density().spec();
        var wide = model.layers().recipe(true, 64.0 / 9, 4).at(0.4); // a 1280×720 export shows x −7.1…7.1
        var spec = wide.density().spec();
        assertEquals(-64.0 / 9, spec.xMin(), 1e-12);
        assertEquals(64.0 / 9, spec.xMax(), 1e-12);
        assertEquals(-4, spec.yMin(), 1e-12);
        assertEquals(screen.ny(), spec.ny(), "as many cells on the short side as the screen's grid");
        assertEquals((spec.xMax() - spec.xMin()) / spec.nx(), (spec.yMax() - spec.yMin()) / spec.ny(), 0.01,
                "square cells");
        assertEquals(-64.0 / 9, wide.field().spec().xMin(), 1e-12, "the arrows too");
        var narrow = model.layers().recipe(true, 3.2, 5.5).at(0.4).density().spec();
        assertEquals(-4, narrow.xMin(), 1e-12, "never less than the screen's grid");
        assertEquals(5.5, narrow.yMax(), 1e-12);
    }

    /** The flux layer is the exact density times the exact velocity (docs/math.md §8.10), and the swirl turns it. */
    @Test
    void theFluxLayerIsTheExactDensityTimesTheVelocityAndTheSwirlTurnsIt() {
        model.view().timeProperty().set(0.3);
        model.view().fieldKindProperty().set(org.scorefield.core.field.FieldKind.FLUX);
        model.view().fieldSourceProperty().set(FieldSource.EXACT);
        model.view().showFieldProperty().set(true);
        manual.runAll();
        var layers = model.layers().layersProperty().get();
        var flux = layers.field();
        assertNotNull(flux);
        assertTrue(layers.caption().startsWith("exact flux p\u209c\u00b7\u00fb at t = 0.30"), layers.caption());
        var oracle = new org.scorefield.core.denoise.GaussianMixtureDenoiser(
                DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(), model.process().schedule());
        double[] u = oracle.velocity(flux.spec().points(), 0.3);
        double[] logP = oracle.logDensity(flux.spec().points(), 0.3);
        for (int k = 0; k < logP.length; k += 37) {
            double p = Math.exp(logP[k]);
            assertEquals(p * u[2 * k], flux.values()[2 * k], 1e-12 + 1e-9 * Math.abs(p * u[2 * k]));
            assertEquals(p * u[2 * k + 1], flux.values()[2 * k + 1], 1e-12 + 1e-9 * Math.abs(p * u[2 * k + 1]));
        }
        model.sampling().swirlProperty().set(2);
        manual.runAll();
        var turned = model.layers().layersProperty().get();
        assertTrue(turned.caption().contains("swirl") && turned.caption().contains("s = 2.00"), turned.caption());
        assertTrue(org.scorefield.core.field.FieldDifference.magnitude(flux, turned.field()).max()
                > 0.05 * flux.magnitudeMax(), "the swirl turns the flux");
    }

    @Test
    void aLearnedFieldWithoutAModelSaysWhatToDo() {
        model.view().fieldSourceProperty().set(FieldSource.LEARNED);
        model.view().showFieldProperty().set(true);
        manual.runAll();
        assertEquals("Train a model to see its learned field.", model.layers().layersProperty().get().caption());
        assertNull(model.layers().layersProperty().get().field());
        model.view().fieldSourceProperty().set(FieldSource.EXACT);
        manual.runAll();
        assertNotNull(model.layers().layersProperty().get().field());
        assertTrue(model.layers().layersProperty().get().caption().startsWith("exact score"));
    }

    @Test
    void aFieldStillBeingComputedIsNotShownOnceTheFieldNeedsAModel() {
        model.view().showFieldProperty().set(true);
        manual.runLanes(); // the exact field is computed; the window has not taken it yet
        model.view().fieldSourceProperty().set(FieldSource.LEARNED);
        manual.runAll();
        assertNull(model.layers().layersProperty().get().field(), "the exact field came too late");
        assertEquals("Train a model to see its learned field.", model.layers().layersProperty().get().caption());
    }

    @Test
    void theProbeIsTheConditionalVelocityOfTheDataThere() {
        model.training().objectiveProperty().set(Objective.FLOW_MATCHING);
        model.view().timeProperty().set(0.5);
        model.probe().pointProperty().set(new double[] {0.3, 0.4});
        manual.runAll();
        var probe = model.probe().probeProperty().get();
        assertNotNull(probe);
        var exact = ConditionalVelocity.at(model.data().data().points(), 0.3, 0.4, 0.5);
        assertArrayEquals(exact.marginal(), probe.marginal(), 1e-12);
        assertEquals(ProbeState.PROBE_TARGETS, probe.weights().length);
        assertNull(probe.learned(), "no model yet");
        model.probe().pointProperty().set(null);
        manual.runAll();
        assertNull(model.probe().probeProperty().get());
    }

    @Test
    void thePairsAreOneCouplingChunkWhileShown() {
        model.view().showPairsProperty().set(true);
        manual.runAll();
        var pairs = model.pairs().pairsProperty().get();
        assertNotNull(pairs);
        assertEquals(Coupling.CHUNK, pairs.particles());
        model.view().showPairsProperty().set(false);
        manual.runAll();
        assertNull(model.pairs().pairsProperty().get());
    }
}
