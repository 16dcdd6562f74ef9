package org.scorefield.core.metric;

import java.util.Arrays;
import org.scorefield.core.data.GaussianMixture;

/**
 * Mode coverage of samples from a Gaussian mixture (docs/math.md §11.4): the fraction of samples within
 * 3 standard deviations of a mode, and the number of modes hit.
 *
 * <p>Each sample goes to the component with the smallest squared Mahalanobis distance
 * {@code d² = (x − μ_k)ᵀ Σ_k⁻¹ (x − μ_k)} (ties to the lower index), so an elongated component
 * claims points along its long axis that a Euclidean rule would hand to a nearer round one. The
 * sample is "in a mode" when that d² ≤ 9: within 3 standard deviations along every direction, the
 * ellipse holding a fraction
 *
 * <pre>
 *   P(χ²₂ ≤ 9) = 1 − e^{−4.5} ≈ 0.98889
 * </pre>
 *
 * of the component's own samples. Exact samples of a well-separated mixture therefore score an
 * in-mode fraction of about 0.989, not 1.
 *
 * <p>Component k is "hit" when its in-mode count reaches 10% of what exact sampling would put
 * there, and at least one sample:
 *
 * <pre>
 *   count_k ≥ max(1, 0.1 · n · π_k · (1 − e^{−4.5}))
 * </pre>
 *
 * With a few thousand samples neither one stray point on a missing mode nor the few tail samples
 * that neighbouring modes push into its ellipse (a handful per 20,000 for the eight-Gaussian ring)
 * count as covering it; a mode sampled at a tenth of its weight still does (that is
 * under-weighting, which the counts show, not a dropped mode). With very few samples the bound falls to 1 and any sample
 * in the ellipse hits. Samples with non-finite coordinates belong to no mode but count in n.
 */
public final class ModeCoverage {

    /** The squared Mahalanobis radius of a mode: 3 standard deviations. */
    public static final double MODE_RADIUS2 = 9;

    /** P(χ²₂ ≤ 9) = 1 − e^{−4.5}: the share of a Gaussian's own samples inside its mode. */
    public static final double IN_MODE_PROBABILITY = 1 - Math.exp(-MODE_RADIUS2 / 2);

    /** A mode is hit by at least this fraction of its expected in-mode count. */
    public static final double HIT_FRACTION = 0.1;

    /**
     * The coverage of one sample.
     *
     * @param inModeFraction the fraction of all samples within 3 std of their nearest component
     * @param modesHit       the number of components whose count reaches the hit threshold
     * @param modes          the number of components
     * @param counts         per component, the samples assigned to it AND inside its 3-std ellipse
     */
    public record Result(double inModeFraction, int modesHit, int modes, int[] counts) {

        public Result {
            counts = counts.clone();
        }

        /** A copy of the per-component in-mode counts. */
        @Override
        public int[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Double.compare(inModeFraction, r.inModeFraction) == 0
                    && modesHit == r.modesHit && modes == r.modes && Arrays.equals(counts, r.counts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(new double[] {inModeFraction, modesHit, modes}) * 31 + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "ModeCoverage.Result[inModeFraction=" + inModeFraction + ", modesHit=" + modesHit + "/" + modes
                    + ", counts=" + Arrays.toString(counts) + "]";
        }
    }

    private ModeCoverage() {
    }

    /** The coverage of {@code samples} (interleaved coordinates) with respect to {@code mixture}. */
    public static Result of(double[] samples, GaussianMixture mixture) {
        int n = InterleavedPoints.count(samples, "mode coverage", "sample");
        int modes = mixture.size();
        int[] counts = new int[modes];
        int inMode = 0;
        for (int i = 0; i < n; i++) {
            double x = samples[2 * i];
            double y = samples[2 * i + 1];
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < modes; k++) {
                double d2 = mixture.component(k).mahalanobis2(x, y);
                if (d2 < best) { // NaN never compares less: a non-finite sample stays unassigned
                    best = d2;
                    nearest = k;
                }
            }
            if (nearest >= 0 && best <= MODE_RADIUS2) {
                counts[nearest]++;
                inMode++;
            }
        }
        int hit = 0;
        for (int k = 0; k < modes; k++) {
            double expected = n * mixture.component(k).weight() * IN_MODE_PROBABILITY;
            if (counts[k] >= Math.max(1, HIT_FRACTION * expected)) {
                hit++;
            }
        }
        return new Result((double) inMode / n, hit, modes, counts);
    }
}
