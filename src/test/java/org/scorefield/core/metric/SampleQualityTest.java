package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.DatasetPreset;

/** Judging samples with a floor computed once gives exactly what judging them from scratch gives. */
class SampleQualityTest {

    @Test
    void aFloorComputedOnceIsTheFloorOfTheFullMeasurement() {
        double[] samples = DatasetPreset.MOONS.sample(400, 5).xy();
        double[] others = DatasetPreset.EIGHT_GAUSSIANS.sample(400, 6).xy();
        double floor = SampleQuality.floor(DatasetPreset.MOONS, 400, 3);
        for (double[] s : new double[][] {samples, others}) {
            // The measurement in one piece, as NoiseFloor defines it.
            MetricWithFloor whole = NoiseFloor.measure(SlicedWasserstein::distance, s,
                    (n, seed) -> DatasetPreset.MOONS.sample(n, seed).xy(), 3);
            SampleQuality reused = SampleQuality.of(s, DatasetPreset.MOONS, 3, floor);
            assertEquals(whole.floor(), floor, 0);
            assertEquals(whole.value(), reused.sw2().value(), 0);
            assertEquals(whole.floor(), reused.sw2().floor(), 0);
            assertEquals(whole, SampleQuality.of(s, DatasetPreset.MOONS, 3).sw2());
        }
        assertNotEquals(floor, SampleQuality.floor(DatasetPreset.MOONS, 400, 4), "another seed, another floor");
    }
}
