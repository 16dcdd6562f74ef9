package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.random.SeededRandom;

/** The references sorted once give SampleQuality's SW2, bit for bit, for one sample set after another. */
class SlicedWassersteinReferencesTest {

    @Test
    void theValueIsSampleQualitysToTheLastBit() {
        int n = 300;
        long seed = 11;
        SlicedWassersteinReferences references = SlicedWassersteinReferences.of(DatasetPreset.MOONS, n, seed);
        for (int k = 0; k < 3; k++) {
            double[] samples = new SeededRandom(SeededRandom.derive(5, "samples-" + k)).gaussianPoints(n);
            double expected = NoiseFloor.value(SlicedWasserstein::distance, samples,
                    (count, s) -> DatasetPreset.MOONS.sample(count, s).xy(), seed);
            assertEquals(expected, references.value(samples), 0.0);
            assertEquals(SampleQuality.of(samples, DatasetPreset.MOONS, seed, 1.0).sw2().value(),
                    references.value(samples), 0.0);
        }
    }
}
