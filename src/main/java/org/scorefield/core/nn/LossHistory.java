package org.scorefield.core.nn;

import java.util.Arrays;

/**
 * Per-step training losses kept in at most {@link #capacity()} buckets, so that a run of any
 * length costs the same memory and drawing time. A bucket holds consecutive steps
 * {@code [k·w, (k+1)·w)} for a width {@code w} that starts at 1 and doubles when the steps seen no
 * longer fit: neighbouring buckets then merge pairwise, keeping exact sums. Each bucket reports the
 * mean step and the mean loss of what it holds. Losses that are not finite or not positive cannot
 * be drawn on a log axis; they are counted and left out.
 */
public final class LossHistory {

    /** The default number of buckets: about one per pixel column of a wide chart (a chart draws {@link #coarsened} ones). */
    public static final int DEFAULT_CAPACITY = 2000;

    private final int capacity;
    private final double[] lossSum;
    private final double[] stepSum;
    private final long[] count;
    private long width = 1;
    private long firstIndex;
    private int span;
    private long total;
    private long skipped;

    public LossHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        this.capacity = capacity;
        this.lossSum = new double[capacity];
        this.stepSum = new double[capacity];
        this.count = new long[capacity];
    }

    public int capacity() {
        return capacity;
    }

    /** A copy, to read on another thread while this one goes on growing. */
    public LossHistory copy() {
        return coarsened(capacity);
    }

    /**
     * A copy with neighbouring buckets merged pairwise (the width doubling each time) until at most
     * {@code maxBuckets} remain: what a chart draws when it has fewer pixel columns than buckets.
     * Sums stay exact, so each bucket's means are those of the steps it now holds.
     */
    public LossHistory coarsened(int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1, got " + maxBuckets);
        }
        LossHistory copy = new LossHistory(capacity);
        System.arraycopy(lossSum, 0, copy.lossSum, 0, capacity);
        System.arraycopy(stepSum, 0, copy.stepSum, 0, capacity);
        System.arraycopy(count, 0, copy.count, 0, capacity);
        copy.width = width;
        copy.firstIndex = firstIndex;
        copy.span = span;
        copy.total = total;
        copy.skipped = skipped;
        while (copy.span > maxBuckets) {
            copy.mergePairs();
        }
        return copy;
    }

    /** Steps per bucket: 1, 2, 4, … */
    public long bucketWidth() {
        return width;
    }

    /** Buckets from the first to the last one holding a loss (some may be empty). */
    public int span() {
        return span;
    }

    /** Losses kept. */
    public long total() {
        return total;
    }

    /** Losses left out because they were not finite or not positive. */
    public long skipped() {
        return skipped;
    }

    public void clear() {
        Arrays.fill(lossSum, 0);
        Arrays.fill(stepSum, 0);
        Arrays.fill(count, 0);
        width = 1;
        firstIndex = 0;
        span = 0;
        total = 0;
        skipped = 0;
    }

    /** Adds {@code losses[i]} as the loss of step {@code firstStep + i}. */
    public void append(long firstStep, double[] losses) {
        for (int i = 0; i < losses.length; i++) {
            add(firstStep + i, losses[i]);
        }
    }

    public void add(long step, double loss) {
        if (!(loss > 0) || loss == Double.POSITIVE_INFINITY) {
            skipped++;
            return;
        }
        long index = Math.floorDiv(step, width);
        if (span == 0) {
            firstIndex = index;
            span = 1;
        } else {
            while (Math.max(firstIndex + span - 1, index) - Math.min(firstIndex, index) + 1 > capacity) {
                mergePairs();
                index = Math.floorDiv(step, width);
            }
            if (index < firstIndex) {
                shiftRight((int) (firstIndex - index));
            }
            span = (int) Math.max(span, index - firstIndex + 1);
        }
        int i = (int) (index - firstIndex);
        lossSum[i] += loss;
        stepSum[i] += step;
        count[i]++;
        total++;
    }

    /** Losses in bucket {@code i} (0 for an empty bucket). */
    public long count(int i) {
        return count[i];
    }

    public double meanStep(int i) {
        return stepSum[i] / count[i];
    }

    public double meanLoss(int i) {
        return lossSum[i] / count[i];
    }

    /** Mean step and mean loss of every non-empty bucket, as JFreeChart's {@code double[2][n]}. */
    public double[][] means() {
        int n = 0;
        for (int i = 0; i < span; i++) {
            n += count[i] > 0 ? 1 : 0;
        }
        double[][] xy = new double[2][n];
        for (int i = 0, j = 0; i < span; i++) {
            if (count[i] > 0) {
                xy[0][j] = meanStep(i);
                xy[1][j] = meanLoss(i);
                j++;
            }
        }
        return xy;
    }

    /**
     * An exponential moving average of the bucket means, taken in log space (a geometric mean, as
     * the axis is logarithmic) and debiased at the start like TensorBoard's smoothing. Its time
     * constant is {@code max(minSteps, fraction · total)} steps, so the curve is equally smooth at
     * step 500 and at step 100 000; each bucket counts with the number of steps it holds.
     */
    public double[][] smoothed(double minSteps, double fraction) {
        double[][] xy = means();
        double tau = Math.max(minSteps, fraction * total);
        double ema = 0;
        double weight = 0;
        for (int i = 0, j = 0; i < span; i++) {
            if (count[i] == 0) {
                continue;
            }
            double keep = Math.exp(-count[i] / tau);
            ema = keep * ema + (1 - keep) * Math.log(meanLoss(i));
            weight = keep * weight + (1 - keep);
            xy[1][j++] = Math.exp(ema / weight);
        }
        return xy;
    }

    private void mergePairs() {
        long newFirst = Math.floorDiv(firstIndex, 2);
        long last = firstIndex + span - 1;
        for (int i = 0; i < span; i++) {
            int j = (int) (Math.floorDiv(firstIndex + i, 2) - newFirst);
            if (j != i) {
                lossSum[j] += lossSum[i];
                stepSum[j] += stepSum[i];
                count[j] += count[i];
                lossSum[i] = 0;
                stepSum[i] = 0;
                count[i] = 0;
            }
        }
        width *= 2;
        firstIndex = newFirst;
        span = (int) (Math.floorDiv(last, 2) - newFirst + 1);
    }

    private void shiftRight(int by) {
        System.arraycopy(lossSum, 0, lossSum, by, span);
        System.arraycopy(stepSum, 0, stepSum, by, span);
        System.arraycopy(count, 0, count, by, span);
        Arrays.fill(lossSum, 0, by, 0);
        Arrays.fill(stepSum, 0, by, 0);
        Arrays.fill(count, 0, by, 0);
        firstIndex -= by;
        span += by;
    }
}
