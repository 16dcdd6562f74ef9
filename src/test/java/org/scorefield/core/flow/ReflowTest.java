package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.nn.Architecture;
import org.scorefield.core.nn.Objective;
import org.scorefield.core.nn.Parameterization;
import org.scorefield.core.nn.TrainedModel;
import org.scorefield.core.nn.Trainer;
import org.scorefield.core.nn.TrainingSettings;
import org.scorefield.core.schedule.ScheduleKind;

class ReflowTest {

    private static final Architecture SMALL = Architecture.defaults().withSize(32, 2);
    private static final Parameterization FM = Parameterization.of(Objective.FLOW_MATCHING,
            ScheduleKind.LINEAR.createDefault());
    private static final Reflow.Settings SETTINGS = new Reflow.Settings(2000, 8, 600, true, 500, 3);

    private static TrainedModel independent;

    /**
     * N(0, I) → N(m, s²I) with s ≠ 1 (the {@code gaussian} preset): the flow of independent flow
     * matching is affine in z at every t, {@code x_t = a(t) z + (1 − t) m} with
     * {@code a = sqrt((1−t)²s² + t²)}, curved because a is not linear in t; the Reflow pairs
     * (m + s z, z) give the straight paths {@code (1 − t)(m + s z) + t z} exactly, which do not cross.
     */
    @BeforeAll
    static void train() {
        Trainer trainer = new Trainer(DatasetPreset.GAUSSIAN, FM, SMALL, TrainingSettings.defaults(1).withBatch(256));
        for (int k = 0; k < 800; k++) {
            trainer.step();
        }
        independent = trainer.snapshot();
    }

    @Test
    void oneRoundStraightensTheGaussianFlowAndKeepsItsTransportCost() {
        Reflow reflow = new Reflow(DatasetPreset.GAUSSIAN, FlowSource.gaussian(), SETTINGS);
        Reflow.Round zero = reflow.measure(independent, 0, 0);
        // the exact flow's S: E‖z‖² ∫ (1 − s − a'(t))² dt with s = 0.5, about 0.055; the model's is near it
        double s = 0.5;
        double exact = 0;
        int n = 100_000;
        for (int k = 0; k < n; k++) {
            double t = (k + 0.5) / n;
            double a = Math.sqrt((1 - t) * (1 - t) * s * s + t * t);
            double da = (t - (1 - t) * s * s) / a;
            exact += 2 * Math.pow(1 - s - da, 2) / n;
        }
        assertEquals(exact, zero.metrics().straightness(), 0.3 * exact, "round 0's S against the exact flow's");

        Reflow.Round one = reflow.next(zero, Progress.NONE);
        assertEquals(1, one.metrics().round());
        assertEquals(1, one.model().flow().round());
        assertTrue(one.metrics().normalizedStraightness() < zero.metrics().normalizedStraightness() / 5,
                zero.metrics() + " → " + one.metrics());
        assertEquals(zero.metrics().transportCost(), one.metrics().transportCost(),
                0.1 * zero.metrics().transportCost(), "Reflow keeps the coupling, so the cost");
        assertTrue(one.metrics().sw2OneStep() < zero.metrics().sw2OneStep(), "1-step sampling improves");
        assertTrue(one.metrics().seconds() > 0);
        assertEquals(SETTINGS.evalPoints(), one.paths().particles());
        assertEquals(Reflow.PATH_STEPS + 1, one.paths().length());
    }

    @Test
    void minibatchOtTrainsAStraighterFlowThanIndependentPairs() {
        Reflow reflow = new Reflow(DatasetPreset.MOONS, FlowSource.gaussian(), SETTINGS);
        double[] straightness = new double[2];
        CouplingKind[] kinds = {CouplingKind.INDEPENDENT, CouplingKind.OT};
        for (int k = 0; k < 2; k++) {
            Trainer trainer = new Trainer(DatasetPreset.MOONS, FM, SMALL, TrainingSettings.defaults(2).withBatch(256),
                    FlowSetup.of(FlowSource.gaussian(), Coupling.of(kinds[k])));
            for (int step = 0; step < 600; step++) {
                trainer.step();
            }
            straightness[k] = reflow.measure(trainer.snapshot(), 0, 0).metrics().normalizedStraightness();
        }
        // measured 1.96 against 0.013 with the default network after 3,000 steps (README)
        assertTrue(straightness[1] < straightness[0] / 5, "OT " + straightness[1] + " vs independent "
                + straightness[0]);
    }

    @Test
    void theSameSeedGivesTheSamePairsAndAnotherRoundOthers() {
        Reflow reflow = new Reflow(DatasetPreset.GAUSSIAN, FlowSource.gaussian(), SETTINGS.withPairs(64));
        double[][] a = reflow.pairs(independent, 1);
        double[][] b = new Reflow(DatasetPreset.GAUSSIAN, FlowSource.gaussian(), SETTINGS.withPairs(64))
                .pairs(independent, 1);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        assertTrue(a[1][0] != reflow.pairs(independent, 2)[1][0]);
        // the pairs are the model's RK4 solution: for this near-affine flow, close to m + s z
        double mx = 0.8;
        double my = -0.4;
        double error = 0;
        for (int i = 0; i < 64; i++) {
            error += Math.hypot(a[0][2 * i] - (mx + 0.5 * a[1][2 * i]), a[0][2 * i + 1] - (my + 0.5 * a[1][2 * i + 1]));
        }
        assertTrue(error / 64 < 0.15, "mean distance to the exact map " + error / 64);
    }

    @Test
    void cancellingStopsTheRoundAndADiffusionModelIsRefused() {
        Reflow reflow = new Reflow(DatasetPreset.GAUSSIAN, FlowSource.gaussian(), SETTINGS.withPairs(64));
        Reflow.Round zero = reflow.measure(independent, 0, 0);
        int[] updates = new int[1];
        Progress cancelAfterTwo = new Progress() {
            @Override
            public void update(String phase, double fraction) {
                updates[0]++;
            }

            @Override
            public boolean cancelled() {
                return updates[0] >= 2;
            }
        };
        assertThrows(CancellationException.class, () -> reflow.next(zero, cancelAfterTwo));
        Trainer eps = new Trainer(DatasetPreset.GAUSSIAN, Parameterization.of(Objective.EPSILON,
                ScheduleKind.VP.createDefault()), SMALL, TrainingSettings.defaults(1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> reflow.measure(eps.snapshot(), 0, 0));
        assertTrue(e.getMessage().contains("flow-matching model"), e.getMessage());
    }
}
