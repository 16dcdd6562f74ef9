package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scorefield.core.random.SeededRandom;

/**
 * Adam against Algorithm 1 of Kingma &amp; Ba (2015) written out here in double precision, with the
 * warm-up, global-norm clipping and EMA of docs/math.md §3.6, over steps with clipped and unclipped
 * gradients; a gradient given in parts is their sum; and two threads give the same bits as one.
 */
class AdamTest {

    @Test
    void matchesAlgorithmOneWithWarmUpClippingAndTheAverage() {
        int n = 9;
        TrainingSettings s = new TrainingSettings(8, 0.05, 3, 0.8, true, 0.9, 1e-3, 0);
        SeededRandom random = new SeededRandom(11);
        double[] theta = java.util.Arrays.copyOf(random.gaussianPoints(n), n);
        float[] start = new float[n];
        for (int i = 0; i < n; i++) {
            start[i] = (float) theta[i];
            theta[i] = start[i];
        }
        INDArray params = Nd4j.createFromArray(start.clone());
        Adam adam = new Adam(params);
        // the same steps with each half of the weights on its own thread: the same bits
        INDArray twin = Nd4j.createFromArray(start.clone());
        Adam twoThreads = new Adam(twin);
        double[] m = new double[n];
        double[] v = new double[n];
        double[] ema = theta.clone();
        boolean clipped = false;
        boolean unclipped = false;
        for (int k = 1; k <= 7; k++) {
            // gradients of alternating size: norms above and below the clip
            double size = k % 2 == 0 ? 2.0 : 0.05;
            float[] half = new float[n];
            float[] other = new float[n];
            double[] g = new double[n];
            double[] draws = random.gaussianPoints(n);
            double sq = 0;
            for (int i = 0; i < n; i++) {
                half[i] = (float) (size * draws[2 * i]);
                other[i] = (float) (size * draws[2 * i + 1]);
                g[i] = (double) half[i] + other[i];
                sq += g[i] * g[i];
            }
            double norm = Math.sqrt(sq);
            double got = adam.gradient(Nd4j.createFromArray(half), Nd4j.createFromArray(other));
            assertEquals(norm, got, 1e-6 * norm);
            adam.apply(params, got, s);
            double twinNorm = twoThreads.gradient(2, Nd4j.createFromArray(half), Nd4j.createFromArray(other));
            assertEquals(got, twinNorm);
            twoThreads.apply(twin, twinNorm, s, 2);
            assertArrayEquals(params.toFloatVector(), twin.toFloatVector());
            assertArrayEquals(adam.ema(), twoThreads.ema());
            double c = Math.min(1, s.clipNorm() / norm);
            clipped |= c < 1;
            unclipped |= c == 1;
            double lr = s.learningRate() * Math.min(1.0, k / (double) s.warmupSteps());
            double d = Math.min(s.emaDecay(), (1.0 + k) / (10.0 + k));
            for (int i = 0; i < n; i++) {
                double gi = c * g[i];
                m[i] = 0.9 * m[i] + 0.1 * gi;
                v[i] = 0.999 * v[i] + 0.001 * gi * gi;
                double mHat = m[i] / (1 - Math.pow(0.9, k));
                double vHat = v[i] / (1 - Math.pow(0.999, k));
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
                ema[i] = d * ema[i] + (1 - d) * theta[i];
            }
            float[] now = params.toFloatVector();
            float[] avg = adam.ema();
            for (int i = 0; i < n; i++) {
                assertEquals(theta[i], now[i], 2e-6, "weight " + i + " at step " + k);
                assertEquals(ema[i], avg[i], 2e-6, "average " + i + " at step " + k);
            }
        }
        assertTrue(clipped && unclipped, "both kinds of step were taken");
        assertEquals(7, adam.steps());
        assertEquals(DataType.FLOAT, params.dataType());
    }
}
