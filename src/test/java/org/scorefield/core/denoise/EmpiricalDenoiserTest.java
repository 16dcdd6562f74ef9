package org.scorefield.core.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The memorising oracle of docs/math.md §4.1 against a direct softmax in plain Java. */
class EmpiricalDenoiserTest {

    /** w_i = softmax(−‖x − α xᵢ‖²/(2σ²)) computed term by term, in log-sum-exp form. */
    private static double[] direct(double[] data, double[] x, double alpha, double sigma) {
        int n = data.length / 2;
        double[] out = new double[x.length];
        double[] logit = new double[n];
        for (int q = 0; q < x.length; q += 2) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double dx = x[q] - alpha * data[2 * i];
                double dy = x[q + 1] - alpha * data[2 * i + 1];
                logit[i] = -(dx * dx + dy * dy) / (2 * sigma * sigma);
                max = Math.max(max, logit[i]);
            }
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                double w = Math.exp(logit[i] - max);
                sw += w;
                sx += w * data[2 * i];
                sy += w * data[2 * i + 1];
            }
            out[q] = sx / sw;
            out[q + 1] = sy / sw;
        }
        return out;
    }

    @Test
    void matchesTheDirectSoftmaxAtEveryNoiseLevel() {
        double[] data = new SeededRandom(1).gaussianPoints(300);
        double[] x = new SeededRandom(2).gaussianPoints(50);
        for (ScheduleKind k : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.VE, ScheduleKind.LINEAR}) {
            Schedule s = k.createDefault();
            EmpiricalDenoiser d = new EmpiricalDenoiser(PointSet.of(data), s);
            for (double t : new double[] {s.tMin(), 0.01, 0.1, 0.5, 1.0}) {
                double[] expected = direct(data, x, s.alpha(t), s.sigma(t));
                assertArrayEquals(expected, d.denoise(x, t), 1e-9, k.id() + " t=" + t);
            }
        }
    }

    @Test
    void largeBatchesAreSplitIntoChunksWithTheSameResult() {
        // 5,000 × 1,000 = 5M kernel entries: more than one 4M-entry chunk, with a shorter last chunk.
        double[] data = new SeededRandom(5).gaussianPoints(1000);
        double[] x = new SeededRandom(6).gaussianPoints(5000);
        Schedule s = ScheduleKind.VP.createDefault();
        EmpiricalDenoiser d = new EmpiricalDenoiser(PointSet.of(data), s);
        double[] all = d.denoise(x, 0.2);
        double[] head = new double[200];
        double[] tail = new double[200];
        System.arraycopy(x, 0, head, 0, 200);
        System.arraycopy(x, x.length - 200, tail, 0, 200);
        double[] expectedHead = direct(data, head, s.alpha(0.2), s.sigma(0.2));
        double[] expectedTail = direct(data, tail, s.alpha(0.2), s.sigma(0.2));
        for (int i = 0; i < 200; i++) {
            assertEquals(expectedHead[i], all[i], 1e-9);
            assertEquals(expectedTail[i], all[all.length - 200 + i], 1e-9);
        }
        assertArrayEquals(all, d.denoise(x, 0.2), 0.0, "the same input gives bit-identical output");
    }

    @Test
    void withoutNoiseItAnswersTheNearestDataPoint() {
        double[] data = {0, 0, 1, 0, 0, 2};
        EmpiricalDenoiser d = new EmpiricalDenoiser(PointSet.of(data), ScheduleKind.EDM.createDefault());
        assertArrayEquals(new double[] {1, 0, 0, 2, 0, 0}, d.denoise(new double[] {0.9, 0.1, 0.2, 1.5, -3, -3}, 0),
                0.0);
        // and tiny noise tends to the same answer
        assertArrayEquals(new double[] {1, 0, 0, 2}, d.denoise(new double[] {0.9, 0.1, 0.2, 1.5}, 1e-6), 1e-12);
    }

    @Test
    void manyPointsOfAGaussianApproachTheGaussianOracleAtModerateNoise() {
        GaussianMixture g = new GaussianMixture(List.of(GaussianMixture.Component.isotropic(1, 0.5, -0.5, 0.5, 0)));
        PointSet data = g.sample(20_000, new SeededRandom(9));
        Schedule s = ScheduleKind.VP.createDefault();
        EmpiricalDenoiser empirical = new EmpiricalDenoiser(data, s);
        GaussianMixtureDenoiser exact = new GaussianMixtureDenoiser(g, s);
        double[] x = new SeededRandom(4).gaussianPoints(20);
        assertArrayEquals(exact.denoise(x, 0.5), empirical.denoise(x, 0.5), 0.03);
    }
}
