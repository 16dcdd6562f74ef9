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
 * means (MATH.md §11): SW2 against fresh reference draws, averaged over
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
        PointSampler data = (count, s) -> reference.sample(count, s).xy();
        MetricWithFloor sw2 = NoiseFloor.measure(SlicedWasserstein::distance, samples, data, seed);
        return new SampleQuality(sw2, reference.mixture().map(m -> ModeCoverage.of(samples, m)));
    }

    /** Whether SW2 is within {@code factor} × its floor and every mode is hit. */
    public boolean within(double factor) {
        return sw2.ratio() <= factor && modes.map(m -> m.modesHit() == m.modes()).orElse(true);
    }
}
