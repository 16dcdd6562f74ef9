package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.guidance.ExactGuidance;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.ScheduleKind;

/** The noisy classifier learns Bayes' rule of two Gaussians, which ExactGuidance computes in closed form. */
class ClassifierTrainerTest {

    /** Class 0 at (−1, 0) with std 0.5 and weight 0.4; class 1 at (1, 0.5) with std 0.7 and weight 0.6. */
    private static final GaussianMixture TWO = new GaussianMixture(List.of(Component.isotropic(0.4, -1, 0, 0.5, 0),
            Component.isotropic(0.6, 1, 0.5, 0.7, 1)));

    private static final DataDistribution DATA = new DataDistribution() {
        @Override
        public String id() {
            return "two-gaussians";
        }

        @Override
        public PointSet sample(int n, long seed) {
            return TWO.sample(n, new SeededRandom(SeededRandom.derive(seed, "data")));
        }

        @Override
        public Optional<GaussianMixture> mixture() {
            return Optional.of(TWO);
        }
    };

    @Test
    void aFewHundredStepsReachTheBayesAccuracyOfTwoGaussians() {
        Parameterization edm = Parameterization.of(Objective.EDM, ScheduleKind.VP.createDefault());
        TrainingSettings settings = TrainingSettings.defaults(3).withBatch(256);
        ClassifierTrainer trainer = new ClassifierTrainer(DATA, edm,
                NoisyClassifier.architectureFor(Architecture.defaults(), 2), settings);
        double first = trainer.step();
        for (int k = 1; k < 300; k++) {
            trainer.step();
        }
        assertTrue(trainer.failure().isEmpty());
        assertEquals(300, trainer.steps());
        assertTrue(trainer.smoothedLoss() < first, "the cross-entropy falls: " + first + " → " + trainer.smoothedLoss());
        NoisyClassifier classifier = trainer.snapshot();
        ExactGuidance exact = new ExactGuidance(TWO, edm.schedule());
        for (double t : new double[] {trainer.smallestTime(), 0.3, 0.5}) {
            ClassifierTrainer.NoisyPoints test = ClassifierTrainer.noisyPoints(DATA, edm, t, 4000, 11);
            double bayes = test.accuracy(NoisyClassifier.argmax(exact.classifier(test.xt(), t), 2));
            double learnt = test.accuracy(classifier.classify(test.xt(), t));
            assertTrue(learnt >= bayes - 0.015 && learnt <= bayes + 0.01, "t = " + t + ": accuracy " + learnt
                    + ", Bayes " + bayes);
        }
        // and the probabilities themselves, not only their argmax, at a middle time
        double t = 0.3;
        ClassifierTrainer.NoisyPoints test = ClassifierTrainer.noisyPoints(DATA, edm, t, 2000, 12);
        double[] p = exact.classifier(test.xt(), t);
        double[] log = classifier.logProbabilities(test.xt(), t);
        double error = 0;
        for (int i = 0; i < 2000; i++) {
            error += Math.abs(Math.exp(log[2 * i + 1]) - p[2 * i + 1]);
        }
        assertTrue(error / 2000 < 0.03, "mean |p̂(1|x) − p(1|x)| = " + error / 2000);
        // near the prior p_t(c | x) is almost the class weight whatever x: the gradient must vanish
        // there too, or it pushes every sample from the first step (the exact one is ŝ_c − ŝ)
        for (double late : new double[] {0.7, 0.9, 0.99}) {
            ClassifierTrainer.NoisyPoints noisy = ClassifierTrainer.noisyPoints(DATA, edm, late, 2000, 13);
            double[] g = classifier.gradLogProbability(noisy.xt(), late, 1);
            double[] sc = exact.conditional(1).score(noisy.xt(), late);
            double[] s = exact.unconditional().score(noisy.xt(), late);
            double squared = 0;
            double exactSquared = 0;
            for (int i = 0; i < g.length; i++) {
                squared += (g[i] - (sc[i] - s[i])) * (g[i] - (sc[i] - s[i]));
                exactSquared += (sc[i] - s[i]) * (sc[i] - s[i]);
            }
            assertTrue(Math.sqrt(squared / 2000) < 0.1, "t = " + late + ": rms error of ∇log p "
                    + Math.sqrt(squared / 2000) + ", exact rms " + Math.sqrt(exactSquared / 2000));
        }
    }
}
