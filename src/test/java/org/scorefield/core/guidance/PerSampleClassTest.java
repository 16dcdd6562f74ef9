package org.scorefield.core.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.schedule.ScheduleKind;

/** Each particle follows its own class's denoiser, and the classes are drawn by their weights. */
class PerSampleClassTest {

    private final ExactGuidance exact = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(),
            ScheduleKind.VP.createDefault());

    @Test
    void eachParticleGetsItsOwnClasssAnswer() {
        double[] xt = {0.3, -0.2, -1.5, 0.8, 2.4, 0.1, 0, 0, 1.5, -1};
        int[] labels = new int[xt.length / 2];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 2 + 1) % exact.classes();
        }
        double omega = 2.5;
        PerSampleClass each = new PerSampleClass(exact.classes(), c -> exact.guided(c, omega), labels);
        for (double t : new double[] {0.05, 0.5, 0.9}) {
            double[] d = each.denoise(xt, t);
            double[] s = each.score(xt, t);
            for (int i = 0; i < labels.length; i++) {
                // the point alone through its class's guided oracle
                double[] one = {xt[2 * i], xt[2 * i + 1]};
                assertArrayEquals(exact.guided(labels[i], omega).denoise(one, t), new double[] {d[2 * i], d[2 * i + 1]},
                        1e-12, "x̂0 of particle " + i + " at t = " + t);
                assertArrayEquals(exact.guided(labels[i], omega).score(one, t), new double[] {s[2 * i], s[2 * i + 1]},
                        1e-12);
            }
        }
    }

    @Test
    void aBatchOfAnotherSizeTakesTheLabelsInTurn() {
        int[] labels = {2, 0};
        PerSampleClass each = new PerSampleClass(exact.classes(), c -> exact.guided(c, 1), labels);
        double[] xt = {0.1, 0.2, 0.3, 0.4, -0.5, 0.6};
        double[] d = each.denoise(xt, 0.4);
        assertArrayEquals(exact.conditional(0).denoise(new double[] {0.3, 0.4}, 0.4), new double[] {d[2], d[3]}, 1e-12);
        assertArrayEquals(exact.conditional(2).denoise(new double[] {-0.5, 0.6}, 0.4), new double[] {d[4], d[5]}, 1e-12);
    }

    @Test
    void classesAreDrawnByTheirWeightsFromTheSeed() {
        double[] weights = {0.2, 0, 0.5, 0.3};
        int n = 20_000;
        int[] labels = PerSampleClass.draw(weights, n, 7);
        int[] count = new int[weights.length];
        for (int label : labels) {
            count[label]++;
        }
        assertEquals(0, count[1], "a class of weight 0 is never drawn");
        for (int c = 0; c < weights.length; c++) {
            double p = weights[c];
            double sd = Math.sqrt(n * p * (1 - p));
            assertTrue(Math.abs(count[c] - n * p) <= 4 * sd + 1e-9, "class " + c + ": " + count[c] + " of " + n);
        }
        assertArrayEquals(labels, PerSampleClass.draw(weights, n, 7), "the same seed, the same classes");
        assertTrue(!java.util.Arrays.equals(labels, PerSampleClass.draw(weights, n, 8)));
    }

    @Test
    void badClassesAreOneSentence() {
        assertThrows(InvalidInputException.class, () -> new PerSampleClass(2, c -> exact.guided(c, 1), new int[] {0, 2}));
        assertThrows(InvalidInputException.class, () -> PerSampleClass.draw(new double[] {0, 0}, 3, 1));
        assertThrows(InvalidInputException.class, () -> PerSampleClass.draw(new double[] {-1, 2}, 3, 1));
    }
}
