package org.scorefield.core.guidance;

import org.scorefield.core.metric.MetricWithFloor;
import org.scorefield.core.metric.NoiseFloor;
import org.scorefield.core.metric.SlicedWasserstein;

/**
 * How guided samples of one class compare with the exact answers (docs/math.md §9.3): the share the
 * exact classifier of the data puts in the class, SW2 to the class's own distribution over its floor
 * (≈ 1 at ω = 1), and SW2 to the tilted density {@code p·p(c | x)^ω} over its floor (which guidance
 * is often said to sample, and does not: the ratio grows with ω). The window's status bar and
 * {@code scorefield sample --class} report these same numbers.
 *
 * @param classFraction share of the samples the exact classifier of the data (t = 0) puts in the class
 *                      (in its own class, when each sample has one)
 * @param sw2Class      SW2 to fresh draws of the class's own distribution, with its noise floor; null when
 *                      each sample has its own class
 * @param sw2Tilted     SW2 to fresh draws of the tilted density, with its noise floor; null when each sample
 *                      has its own class
 */
public record GuidanceQuality(double classFraction, MetricWithFloor sw2Class, MetricWithFloor sw2Tilted) {

    /**
     * Samples each guided to a class of its own ({@link PerSampleClass}): the share the exact classifier
     * of the data puts in their own class.
     */
    public static GuidanceQuality eachOwn(ExactGuidance exact, double[] samples, int[] labels) {
        int[] found = exact.dataClasses(samples);
        int own = 0;
        for (int i = 0; i < found.length; i++) {
            own += found[i] == labels[i % labels.length] ? 1 : 0;
        }
        return new GuidanceQuality(found.length == 0 ? Double.NaN : (double) own / found.length, null, null);
    }

    /** Whether each sample had a class of its own (then only the share in their own classes is measured). */
    public boolean eachOwnClass() {
        return sw2Class == null;
    }

    /** Measures samples (x0, y0, x1, y1, …) guided towards class c at scale ω, with the floors' seed. */
    public static GuidanceQuality of(ExactGuidance exact, double[] samples, int c, double omega, long seed) {
        return new GuidanceQuality(exact.classFraction(samples, c),
                NoiseFloor.measure(SlicedWasserstein::distance, samples, exact.classSampler(c), seed),
                NoiseFloor.measure(SlicedWasserstein::distance, samples, exact.tiltedSampler(c, omega), seed));
    }
}
