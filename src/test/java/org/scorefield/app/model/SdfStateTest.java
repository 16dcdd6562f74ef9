package org.scorefield.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.app.jobs.ManualJobs;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.KernelDenoiser;
import org.scorefield.core.flow.FlowSource;
import org.scorefield.core.metric.SampleQuality;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sdf.ScoreDifferenceFlow;

/**
 * The SDF view's run as the window drives it (docs/math.md §10.3), against the core's flow, the
 * kernel denoisers and SampleQuality called on their own.
 */
class SdfStateTest {

    private final ManualJobs manual = new ManualJobs();
    private final ExplorerModel model = new ExplorerModel(manual.jobs);
    private final SdfState sdf = model.sdf();

    {
        model.data().pointCountProperty().set(300);
        sdf.iterationsProperty().set(40);
        sdf.seedProperty().set(3);
        manual.runAll();
    }

    private SdfState.Snapshot runToTheEnd() {
        model.view().sdfProperty().set(true); // the view coming on runs the flow
        manual.runAll();
        SdfState.Snapshot s = sdf.snapshotProperty().get();
        assertNotNull(s);
        assertTrue(s.done());
        assertFalse(sdf.runningProperty().get());
        return s;
    }

    /** The particles after K iterations are ScoreDifferenceFlow.run's from the same source and seed. */
    @Test
    void theParticlesAreTheCoresFlowFromTheSameSeed() {
        SdfState.Snapshot s = runToTheEnd();
        double[] target = model.data().data().points().xy();
        double[] start = new SeededRandom(SeededRandom.derive(3, "sdf-source")).gaussianPoints(300);
        double[] direct = new ScoreDifferenceFlow(1.0, 0.05, true, 0.5, 40).run(target, start, 3,
                ScoreDifferenceFlow.Observer.NONE);
        assertArrayEquals(direct, s.particles(), 0.0);
        assertArrayEquals(target, s.target(), 0.0);
        assertEquals(40, s.iteration());
        assertEquals(0.05, s.sigma(), 1e-12, "σ of the last iteration");
    }

    /** SW2/floor at every iteration, from 5-ish at N(0, I) down; the last is SampleQuality's own figure. */
    @Test
    void theRatioIsMeasuredAtEveryIterationAndFalls() {
        SdfState.Snapshot s = runToTheEnd();
        assertEquals(41, s.iterations().length);
        for (int k = 0; k <= 40; k++) {
            assertEquals(k, s.iterations()[k]);
        }
        double floor = SampleQuality.floor(DatasetPreset.MOONS, 300, 3);
        assertEquals(floor, s.floor(), 0.0);
        assertEquals(SampleQuality.of(s.particles(), DatasetPreset.MOONS, 3, floor).sw2().ratio(), s.ratio(), 1e-12);
        assertTrue(s.ratios()[0] > 2, "N(0, I) is far from two moons: " + s.ratios()[0]);
        assertTrue(s.ratio() < 0.5 * s.ratios()[0], "the ratio falls: " + s.ratios()[0] + " -> " + s.ratio());
        assertTrue(s.ratio() < 2, "close to the floor after 40 annealed iterations: " + s.ratio());
    }

    /** Flow matching from the very same particles lands on the data, measured the same way. */
    @Test
    void flowMatchingStartsFromTheSameParticles() {
        SdfState.Snapshot s = runToTheEnd();
        SdfState.FlowComparison flow = s.flow();
        assertNotNull(flow);
        double[] start = ScoreDifferenceFlow.startingPoints(FlowSource.gaussian(), 300, 3);
        assertArrayEquals(java.util.Arrays.copyOf(start, 2 * SdfState.TRAILS), flow.paths().positions()[0], 0.0);
        assertEquals(SdfState.FLOW_STEPS + 1, flow.paths().length());
        assertEquals(SampleQuality.of(flow.samples(), DatasetPreset.MOONS, 3, s.floor()).sw2().ratio(),
                flow.sw2Ratio(), 1e-12);
        assertTrue(flow.sw2Ratio() < 2, "exact flow matching lands on the data: " + flow.sw2Ratio());
        assertEquals("flow matching  (exact velocity, 100 steps)", flow.label());
    }

    /** The arrows are the kernel denoisers as scores, by the core's KernelDenoiser at the snapshot's σ. */
    @Test
    void theFieldsAreTheTwoDenoisersAndTheirDifference() {
        double[] target = {0, 0, 1, 0};
        double[] particles = {0.5, 1, -0.5, 0.2};
        SdfState.Fields f = SdfState.fields(target, particles, 0.8);
        var spec = f.difference().spec();
        for (int k : new int[] {0, spec.size() / 2, spec.size() - 1}) {
            double[] z = {spec.points()[2 * k], spec.points()[2 * k + 1]};
            boolean near = false;
            for (double[] set : new double[][] {target, particles}) {
                for (int i = 0; i < 2; i++) {
                    near |= Math.hypot(set[2 * i] - z[0], set[2 * i + 1] - z[1]) <= 3 * 0.8;
                }
            }
            double[] dp = KernelDenoiser.denoise(target, z, 0.8);
            double[] dq = KernelDenoiser.denoise(particles, z, 0.8);
            for (int c = 0; c < 2; c++) {
                double s2 = 0.64;
                assertEquals(near ? (dp[c] - z[c]) / s2 : 0, f.target().values()[2 * k + c], 1e-12);
                assertEquals(near ? (dq[c] - z[c]) / s2 : 0, f.particles().values()[2 * k + c], 1e-12);
                assertEquals(near ? (dp[c] - dq[c]) / s2 : 0, f.difference().values()[2 * k + c], 1e-12);
            }
        }
    }

    @Test
    void resetForgetsTheRunAndNewDataRunsAgain() {
        runToTheEnd();
        sdf.reset();
        assertNull(sdf.snapshotProperty().get());
        model.data().presetProperty().set(DatasetPreset.EIGHT_GAUSSIANS);
        manual.runAll();
        SdfState.Snapshot s = sdf.snapshotProperty().get();
        assertNotNull(s, "the view is on: new data runs again");
        assertArrayEquals(model.data().data().points().xy(), s.target(), 0.0);
    }

    @Test
    void aLastSigmaAboveTheFirstIsOneSentence() {
        sdf.sigmaProperty().set(0.1);
        sdf.sigmaEndProperty().set(0.5);
        sdf.run();
        manual.runAll();
        assertNull(sdf.snapshotProperty().get());
        assertEquals("\u03c3_end (0.50) must not exceed \u03c3 (0.10) when \u03c3 is annealed.",
                sdf.statusProperty().get());
    }

    /**
     * Drawn points made the source start the particles: the flow's start is drawn from those points, and without
     * any drawn source the run is one sentence.
     */
    @Test
    void drawnPointsCanBeTheSource() {
        sdf.sourceProperty().set(org.scorefield.app.settings.Settings.SOURCE_POINTS);
        sdf.run();
        manual.runAll();
        assertNull(sdf.snapshotProperty().get());
        assertTrue(sdf.statusProperty().get().startsWith("No drawn points are the source yet"),
                sdf.statusProperty().get());
        // a ring of 12 points as the source, then two moons (300 points) as the target
        double[] ring = new double[24];
        for (int i = 0; i < 12; i++) {
            ring[2 * i] = 3 * Math.cos(2 * Math.PI * i / 12);
            ring[2 * i + 1] = 3 * Math.sin(2 * Math.PI * i / 12);
        }
        model.training().useAsSource(org.scorefield.core.data.PointSet.of(ring));
        sdf.run();
        manual.runAll();
        SdfState.Snapshot s = sdf.snapshotProperty().get();
        assertNotNull(s);
        assertTrue(s.done());
        // the start: 300 draws from the ring's 12 points, as the core draws them from that seed
        double[] start = ScoreDifferenceFlow.startingPoints(FlowSource.of(
                new org.scorefield.core.data.EmpiricalDistribution("ring", org.scorefield.core.data.PointSet.of(ring))),
                300, 3);
        for (int i = 0; i < 300; i++) {
            assertEquals(3, Math.hypot(start[2 * i], start[2 * i + 1]), 1e-9, "every start is a ring point");
        }
        double[] direct = new ScoreDifferenceFlow(1.0, 0.05, true, 0.5, 40).run(model.data().data().points().xy(),
                start, 3, ScoreDifferenceFlow.Observer.NONE);
        assertArrayEquals(direct, s.particles(), 0.0);
    }
}
