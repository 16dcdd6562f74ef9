package org.scorefield.core.metric;

import java.util.Arrays;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.random.SeededRandom;

/**
 * SW2 of one sample set after another against the same reference draws (docs/math.md §11.1, §11.3):
 * the value half of {@link SampleQuality#of(double[], DataDistribution, long, double)}, for a run that
 * measures its particles at every few iterations. The {@value NoiseFloor#DEFAULT_REPEATS} reference
 * draws of {@link NoiseFloor#value} ({@code derive(seed, "reference-" + r)}) are drawn once and their
 * projections on the {@value SlicedWasserstein#DIRECTION_COUNT} directions sorted once; each sample
 * set then costs one projection and sort per direction instead of six. The arithmetic is that of
 * {@link SlicedWasserstein#distance} term for term, so the value is the same to the last bit.
 */
public final class SlicedWassersteinReferences {

    /** Sorted projections: [reference][direction][point]. */
    private final double[][][] sorted;
    private final int n;

    private SlicedWassersteinReferences(double[][][] sorted, int n) {
        this.sorted = sorted;
        this.n = n;
    }

    /** The reference draws of n points of the distribution at this seed, as {@link SampleQuality} draws them. */
    public static SlicedWassersteinReferences of(DataDistribution reference, int n, long seed) {
        double[] directions = SlicedWasserstein.directions();
        double[][][] sorted = new double[NoiseFloor.DEFAULT_REPEATS][SlicedWasserstein.DIRECTION_COUNT][];
        for (int r = 0; r < sorted.length; r++) {
            double[] xy = reference.sample(n, SeededRandom.derive(seed, "reference-" + r)).xy();
            for (int k = 0; k < SlicedWasserstein.DIRECTION_COUNT; k++) {
                sorted[r][k] = project(xy, directions[2 * k], directions[2 * k + 1], n);
                Arrays.sort(sorted[r][k]);
            }
        }
        return new SlicedWassersteinReferences(sorted, n);
    }

    /** The mean SW2 between these samples (n points, interleaved) and the reference draws. */
    public double value(double[] samples) {
        InterleavedPoints.equalCount(samples, new double[2 * n], "sliced Wasserstein-2");
        double[] directions = SlicedWasserstein.directions();
        double[][] projected = new double[SlicedWasserstein.DIRECTION_COUNT][];
        for (int k = 0; k < projected.length; k++) {
            projected[k] = project(samples, directions[2 * k], directions[2 * k + 1], n);
            Arrays.sort(projected[k]);
        }
        double total = 0;
        for (double[][] reference : sorted) {
            double sum = 0;
            for (int k = 0; k < projected.length; k++) {
                double slice = 0;
                for (int i = 0; i < n; i++) {
                    double d = projected[k][i] - reference[k][i];
                    slice += d * d;
                }
                sum += slice / n;
            }
            total += Math.sqrt(sum / SlicedWasserstein.DIRECTION_COUNT);
        }
        return total / sorted.length;
    }

    private static double[] project(double[] xy, double ux, double uy, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = xy[2 * i] * ux + xy[2 * i + 1] * uy;
        }
        return out;
    }
}
