package org.scorefield.core.metric;

import java.util.Optional;
import org.scorefield.core.data.DataDistribution;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;

/**
 * How close a denoiser's samples are to a distribution, with the noise floor that says what "close"
 * means (docs/math.md §11.6): SW2 against fresh reference draws, averaged over
 * {@link NoiseFloor#DEFAULT_REPEATS}, beside the floor; and mode coverage when the reference is a
 * Gaussian mixture. The yardstick of the training benchmark and of the quality table.
 *
 * @param sw2   SW2 and its floor
 * @param modes mode coverage, for a mixture reference
 */
public record SampleQuality(MetricWithFloor sw2, Optional<ModeCoverage.Result> modes) {

    /** Samples n points with Heun at its default steps from the seed, and measures them. */
    public static SampleQuality of(Denoiser denoiser, DataDistribution reference, int n, long seed) {
        double[] samples = Sampling.fromPrior(denoiser, SamplerSettings.defaults(SamplerKind.HEUN), n, seed,
                Recording.NONE).samples();
        return of(samples, reference, seed);
    }

    /** Measures given samples against the reference. */
    public static SampleQuality of(double[] samples, DataDistribution reference, long seed) {
        return of(samples, reference, seed, floor(reference, InterleavedPoints.count(samples, "noise floor", "model"),
                seed));
    }

    /**
     * Measures given samples against the reference, with the SW2 floor already known: the value of
     * {@link #floor} for this reference, the samples' size and this seed.
     */
    public static SampleQuality of(double[] samples, DataDistribution reference, long seed, double sw2Floor) {
        double sw2 = NoiseFloor.value(SlicedWasserstein::distance, samples, sampler(reference), seed);
        return new SampleQuality(new MetricWithFloor(sw2, sw2Floor),
                reference.mixture().map(m -> ModeCoverage.of(samples, m)));
    }

    /** The SW2 noise floor of n points of the reference at this seed (what {@link #of} compares with). */
    public static double floor(DataDistribution reference, int n, long seed) {
        return NoiseFloor.of(SlicedWasserstein::distance, sampler(reference), n, seed);
    }

    private static PointSampler sampler(DataDistribution reference) {
        return (count, s) -> reference.sample(count, s).xy();
    }

    /** Whether SW2 is within {@code factor} × its floor and every mode is hit. */
    public boolean within(double factor) {
        return sw2.ratio() <= factor && modes.map(m -> m.modesHit() == m.modes()).orElse(true);
    }
}
