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
 * @param sw2Class      SW2 to fresh draws of the class's own distribution, with its noise floor
 * @param sw2Tilted     SW2 to fresh draws of the tilted density, with its noise floor
 */
public record GuidanceQuality(double classFraction, MetricWithFloor sw2Class, MetricWithFloor sw2Tilted) {

    /** Measures samples (x0, y0, x1, y1, …) guided towards class c at scale ω, with the floors' seed. */
    public static GuidanceQuality of(ExactGuidance exact, double[] samples, int c, double omega, long seed) {
        return new GuidanceQuality(exact.classFraction(samples, c),
                NoiseFloor.measure(SlicedWasserstein::distance, samples, exact.classSampler(c), seed),
                NoiseFloor.measure(SlicedWasserstein::distance, samples, exact.tiltedSampler(c, omega), seed));
    }
}
