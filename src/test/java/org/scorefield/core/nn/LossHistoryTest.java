package org.scorefield.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bucketing keeps exact means and a bounded size however long the run. */
class LossHistoryTest {

    @Test
    void bucketMeansAreTheTrueMeansOfTheirSteps() {
        LossHistory history = new LossHistory(8);
        // loss(step) = step + 1 for steps 0..99, in chunks like a training loop hands them over.
        for (int first = 0; first < 100; first += 7) {
            double[] chunk = new double[Math.min(7, 100 - first)];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = first + i + 1;
            }
            history.append(first, chunk);
        }
        assertEquals(100, history.total());
        assertEquals(16, history.bucketWidth(), "100 steps in at most 8 buckets: width 16");
        assertEquals(7, history.span());
        for (int k = 0; k < history.span(); k++) {
            long lo = 16L * k;
            long hi = Math.min(16L * (k + 1), 100);
            double meanStep = (lo + hi - 1) / 2.0;
            assertEquals(hi - lo, history.count(k));
            assertEquals(meanStep, history.meanStep(k), 1e-12);
            assertEquals(meanStep + 1, history.meanLoss(k), 1e-12);
        }
    }

    @Test
    void aCoarsenedCopyMergesToTheTrueMeansAndLeavesTheOriginal() {
        LossHistory history = new LossHistory(64);
        for (int step = 0; step < 50; step++) {
            history.add(step, step + 1);
        }
        assertEquals(1, history.bucketWidth());
        LossHistory coarse = history.coarsened(7); // 50 → 25 → 13 → 7 buckets
        assertEquals(8, coarse.bucketWidth());
        assertEquals(7, coarse.span());
        assertEquals(50, coarse.total());
        for (int k = 0; k < coarse.span(); k++) {
            long lo = 8L * k;
            long hi = Math.min(8L * (k + 1), 50);
            assertEquals(hi - lo, coarse.count(k));
            assertEquals((lo + hi - 1) / 2.0, coarse.meanStep(k), 1e-12);
            assertEquals((lo + hi - 1) / 2.0 + 1, coarse.meanLoss(k), 1e-12);
        }
        assertEquals(1, history.bucketWidth(), "the original keeps its buckets");
        assertEquals(50, history.span());
        assertEquals(history.span(), history.coarsened(50).span(), "nothing to merge");
        // Adding to the copy does not touch the original.
        coarse.add(60, 1);
        assertEquals(50, history.total());
    }

    @Test
    void twoHundredThousandStepsStayWithinTheCapacity() {
        LossHistory history = new LossHistory(LossHistory.DEFAULT_CAPACITY);
        double[] chunk = new double[250];
        java.util.Arrays.fill(chunk, 0.5);
        for (long first = 0; first < 200_000; first += chunk.length) {
            history.append(first, chunk);
            assertTrue(history.span() <= LossHistory.DEFAULT_CAPACITY);
        }
        assertEquals(200_000, history.total());
        double[][] xy = history.means();
        assertTrue(xy[0].length <= LossHistory.DEFAULT_CAPACITY && xy[0].length > LossHistory.DEFAULT_CAPACITY / 2);
        long counted = 0;
        for (int i = 0; i < history.span(); i++) {
            counted += history.count(i);
        }
        assertEquals(200_000, counted, "merging keeps every loss");
        assertEquals((200_000 - 1) / 2.0, weightedMeanStep(history), 1e-6);
    }

    @Test
    void nonPositiveAndNonFiniteLossesAreSkipped() {
        LossHistory history = new LossHistory(16);
        history.append(0, new double[] {1.0, 0.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY, 3.0});
        assertEquals(2, history.total());
        assertEquals(4, history.skipped());
        double[][] xy = history.means();
        assertEquals(2, xy[0].length);
        assertEquals(0, xy[0][0]);
        assertEquals(1.0, xy[1][0]);
        assertEquals(5, xy[0][1]);
        assertEquals(3.0, xy[1][1]);
    }

    @Test
    void stepsBeforeTheFirstOneAndLateStartsAreKept() {
        LossHistory history = new LossHistory(4);
        history.append(50_000, new double[] {2, 2});
        history.append(49_998, new double[] {4, 4});
        assertEquals(4, history.total());
        double[][] xy = history.means();
        double sum = 0;
        for (int i = 0; i < history.span(); i++) {
            sum += history.meanLoss(i) * history.count(i);
        }
        assertEquals(12, sum, 1e-12);
        assertTrue(xy[0][0] < xy[0][xy[0].length - 1]);
    }

    @Test
    void smoothingOfAConstantLossIsThatConstant() {
        LossHistory history = new LossHistory(64);
        double[] losses = new double[1000];
        java.util.Arrays.fill(losses, 0.25);
        history.append(0, losses);
        for (double y : history.smoothed(25, 0.02)[1]) {
            assertEquals(0.25, y, 1e-12);
        }
    }

    private static double weightedMeanStep(LossHistory history) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < history.span(); i++) {
            if (history.count(i) > 0) {
                sum += history.meanStep(i) * history.count(i);
                n += history.count(i);
            }
        }
        return sum / n;
    }
}
