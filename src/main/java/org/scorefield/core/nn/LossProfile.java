package org.scorefield.core.nn;

/**
 * The training loss as a function of t: a running average of the per-point loss in each of
 * {@value #BINS} equal bins of [0, 1]. Shows where in time a model is still wrong (typically near
 * t = 0 for the score head, where its target −ε/σ is largest).
 */
final class LossProfile {

    static final int BINS = 20;
    private static final double KEEP = 0.9;

    private final double[] average = new double[BINS];
    private final boolean[] seen = new boolean[BINS];
    private final double[] sum = new double[BINS];
    private final int[] count = new int[BINS];

    static int bin(double t) {
        return Math.min(BINS - 1, Math.max(0, (int) (t * BINS)));
    }

    void add(double t, double loss) {
        int b = bin(t);
        sum[b] += loss;
        count[b]++;
    }

    /** Folds the points added since the last call into the running averages. */
    void endStep() {
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                double mean = sum[b] / count[b];
                average[b] = seen[b] ? KEEP * average[b] + (1 - KEEP) * mean : mean;
                seen[b] = true;
                sum[b] = 0;
                count[b] = 0;
            }
        }
    }

    /** The averages per bin; NaN where no point has fallen yet. */
    double[] snapshot() {
        double[] out = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            out[b] = seen[b] ? average[b] : Double.NaN;
        }
        return out;
    }
}
