package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

class TrainerTest {

    private static final Architecture SMALL = Architecture.defaults().withSize(32, 2);

    static Trainer trainer(Objective objective, DataDistribution data, TrainingSettings settings) {
        Schedule schedule = objective == Objective.FLOW_MATCHING
                ? ScheduleKind.LINEAR.createDefault() : ScheduleKind.VP.createDefault();
        return new Trainer(data, Parameterization.of(objective, schedule), SMALL, settings);
    }

    /**
     * Gaussian data N(μ, s²I) has the exact denoiser x̂0 = μ + αs²/(α²s² + σ²)·(x − αμ). Every
     * objective, trained briefly, must land near it at intermediate times: a wrong target, weight or
     * output conversion would not.
     */
    @ParameterizedTest
    @EnumSource(Objective.class)
    void everyObjectiveLearnsTheExactDenoiserOfGaussianData(Objective objective) {
        DatasetPreset data = DatasetPreset.GAUSSIAN;
        Trainer trainer = trainer(objective, data, TrainingSettings.defaults(3).withBatch(256));
        for (int k = 0; k < 800; k++) {
            trainer.step();
        }
        assertTrue(trainer.failure().isEmpty());
        Denoiser model = trainer.snapshot().denoiser();
        GaussianMixture mixture = data.mixture().orElseThrow();
        Denoiser exact = new GaussianMixtureDenoiser(mixture, model.schedule());
        for (double t : new double[] {0.2, 0.5, 0.8}) {
            var c = model.schedule().at(t);
            // points where p_t has its mass
            double[] x0 = data.sample(400, 5).xy();
            double[] noise = new SeededRandom(6).gaussianPoints(400);
            double[] xt = new double[x0.length];
            for (int i = 0; i < xt.length; i++) {
                xt[i] = c.alpha() * x0[i] + c.sigma() * noise[i];
            }
            // compared as ε̂ = (x_t − α x̂0)/σ, which has unit scale at every t (x̂0 itself is
            // ill-determined at high noise, where α is small)
            double[] learned = model.epsilon(xt, t);
            double[] truth = exact.epsilon(xt, t);
            double sum = 0;
            for (int i = 0; i < xt.length; i++) {
                sum += (learned[i] - truth[i]) * (learned[i] - truth[i]);
            }
            double rms = Math.sqrt(sum / xt.length);
            assertTrue(rms < 0.1, objective + " at t = " + t + ": RMS error of ε̂ " + rms);
        }
    }

    @Test
    void theLossFallsAndTheProfileCoversTime() {
        Trainer trainer = trainer(Objective.EPSILON, DatasetPreset.MOONS, TrainingSettings.defaults(1).withBatch(256));
        double first = trainer.step();
        for (int k = 0; k < 300; k++) {
            trainer.step();
        }
        assertTrue(trainer.smoothedLoss() < 0.8 * first, first + " → " + trainer.smoothedLoss());
        double[] profile = trainer.lossProfile();
        assertEquals(LossProfile.BINS, profile.length);
        assertTrue(Arrays.stream(profile).allMatch(Double::isFinite));
        // ε-prediction is hardest at small t, where x_t barely depends on ε
        assertTrue(profile[0] > profile[LossProfile.BINS - 1]);
        assertEquals(301, trainer.steps());
    }

    @Test
    void sameSeedSameRunOtherSeedOtherRun() {
        float[] a = run(7);
        assertArrayEquals(a, run(7));
        assertFalse(Arrays.equals(a, run(8)));
    }

    /**
     * A batch is split into fixed shards whatever the thread count, so two threads train the same
     * bits as one (and each step's shards sum to the batch's gradient: MlpTest).
     */
    @Test
    void twoThreadsTrainTheSameBitsAsOne() {
        float[][] weights = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Trainer trainer = trainer(Objective.EDM, DatasetPreset.MOONS, TrainingSettings.defaults(3).withBatch(96))
                    .onThreads(threads);
            assertEquals(threads, trainer.threads());
            for (int k = 0; k < 30; k++) {
                trainer.step();
            }
            weights[threads - 1] = trainer.snapshot().weights();
        }
        assertArrayEquals(weights[0], weights[1]);
    }

    private static float[] run(long seed) {
        Trainer trainer = trainer(Objective.EDM, DatasetPreset.EIGHT_GAUSSIANS, TrainingSettings.defaults(seed).withBatch(64));
        for (int k = 0; k < 20; k++) {
            trainer.step();
        }
        return trainer.snapshot().weights();
    }

    @Test
    void resetReturnsToTheSeededStart() {
        Trainer trainer = trainer(Objective.DATA, DatasetPreset.MOONS, TrainingSettings.defaults(2).withBatch(64));
        float[] initial = trainer.rawWeights();
        for (int k = 0; k < 5; k++) {
            trainer.step();
        }
        assertFalse(Arrays.equals(initial, trainer.rawWeights()));
        trainer.reset();
        assertArrayEquals(initial, trainer.rawWeights());
        assertEquals(0, trainer.steps());
    }

    /** Moons with one point at 1e30: the first batch that draws it overflows the network. */
    static DataDistribution poisoned() {
        return new DataDistribution() {
            @Override
            public String id() {
                return "poisoned";
            }

            @Override
            public PointSet sample(int n, long seed) {
                double[] xy = DatasetPreset.MOONS.sample(n, seed).xy();
                xy[0] = 1e30;
                return PointSet.of(xy);
            }

            @Override
            public Optional<GaussianMixture> mixture() {
                return Optional.empty();
            }
        };
    }

    @Test
    void aNonFiniteLossStopsTrainingAndKeepsTheLastGoodWeights() {
        Trainer trainer = trainer(Objective.DATA, poisoned(), TrainingSettings.defaults(4).withBatch(512).withEma(false));
        float[] before = null;
        int k = 0;
        while (trainer.failure().isEmpty() && k++ < 2000) {
            before = trainer.rawWeights();
            trainer.step();
        }
        assertTrue(trainer.failure().isPresent(), "the poisoned point was never drawn");
        String why = trainer.failure().get();
        assertTrue(why.startsWith("Training stopped at step " + (trainer.steps() + 1)), why);
        assertTrue(why.contains("weights of step " + trainer.steps() + " are kept"), why);
        assertArrayEquals(before, trainer.rawWeights());
        assertArrayEquals(before, trainer.snapshot().weights());
        assertTrue(Double.isNaN(trainer.step()));
        assertArrayEquals(before, trainer.rawWeights());
    }

    /**
     * Label dropout decides which labels the network is fed: at 0 every point keeps its own label, at
     * 0.5 about half become "none" and the rest keep theirs. The same seed draws the same points, so
     * only the dropout differs. Checked for ε on its own draws and for flow matching on OT pairs.
     */
    @Test
    void labelDropoutReplacesTheLabelsTheTrainerFeedsByNone() {
        // six labelled points, classes 0, 1, 2
        PointSet points = PointSet.of(new double[] {-1, 0, -0.5, 0.2, 1, 1, 1.2, 0.8, 0, -1, 0.1, -1.3},
                new int[] {0, 0, 1, 1, 2, 2});
        var data = new org.scorefield.core.data.EmpiricalDistribution("six", points);
        Architecture conditional = SMALL.withClasses(3);
        int none = conditional.noneLabel();
        int b = 4096;
        Parameterization eps = Parameterization.of(Objective.EPSILON, ScheduleKind.VP.createDefault());
        Parameterization fm = Parameterization.of(Objective.FLOW_MATCHING, ScheduleKind.LINEAR.createDefault());
        var ot = org.scorefield.core.flow.FlowSetup.of(org.scorefield.core.flow.FlowSource.gaussian(),
                org.scorefield.core.flow.Coupling.of(org.scorefield.core.flow.CouplingKind.OT));
        for (boolean flow : new boolean[] {false, true}) {
            int[][] labels = new int[2][];
            int[][] index = new int[2][];
            PointSet pool = null;
            double[] dropouts = {0, 0.5};
            for (int r = 0; r < 2; r++) {
                TrainingSettings s = TrainingSettings.defaults(11).withBatch(b).withLabelDropout(dropouts[r]);
                Trainer trainer = flow ? new Trainer(data, fm, conditional, s, ot)
                        : new Trainer(data, eps, conditional, s);
                trainer.step();
                labels[r] = trainer.lastBatchLabels();
                index[r] = trainer.lastBatchIndices();
                pool = trainer.pool();
            }
            assertArrayEquals(index[0], index[1], "the same seed draws the same points");
            int dropped = 0;
            int[] perClass = new int[3];
            for (int i = 0; i < b; i++) {
                int own = pool.label(index[0][i]);
                assertEquals(own, labels[0][i], "dropout 0 keeps every label");
                assertTrue(labels[1][i] == own || labels[1][i] == none, "a label is kept or dropped");
                dropped += labels[1][i] == none ? 1 : 0;
                perClass[own]++;
            }
            // Binomial(4096, 0.5): standard deviation 32, so ±160 is five of them
            assertEquals(b / 2.0, dropped, 160, "flow matching: " + flow);
            for (int c = 0; c < 3; c++) {
                assertTrue(perClass[c] > b / 4, "every class is drawn: " + Arrays.toString(perClass));
            }
        }
    }
}
