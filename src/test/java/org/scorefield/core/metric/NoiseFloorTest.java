package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.random.SeededRandom;

class NoiseFloorTest {

    private static final GaussianMixture MIXTURE = ModeCoverageTest.eightGaussians();
    private static final PointSampler DATA = (n, seed) -> MIXTURE.sample(n, new SeededRandom(seed)).xy();

    @Test
    void isReproducibleFromItsSeed() {
        double first = NoiseFloor.of(SlicedWasserstein::distance, DATA, 300, 7);
        assertEquals(first, NoiseFloor.of(SlicedWasserstein::distance, DATA, 300, 7), 0);
        assertNotEquals(first, NoiseFloor.of(SlicedWasserstein::distance, DATA, 300, 8));
        assertTrue(first > 0);
    }

    @Test
    void comparesTheDocumentedSeedStreams() {
        Metric metric = EnergyDistance::distance;
        double expected = 0;
        for (int r = 0; r < 3; r++) {
            expected += metric.distance(DATA.sample(200, SeededRandom.derive(11, "floor-a-" + r)),
                    DATA.sample(200, SeededRandom.derive(11, "floor-b-" + r)));
        }
        assertEquals(expected / 3, NoiseFloor.of(metric, DATA, 200, 11, 3), 1e-15);
    }

    @Test
    void shrinksLikeOneOverRootNWhenTheSampleGrows() {
        double small = NoiseFloor.of(SlicedWasserstein::distance, DATA, 1000, 3);
        double large = NoiseFloor.of(SlicedWasserstein::distance, DATA, 4000, 3);
        double ratio = large / small;
        assertTrue(small > 0 && large > 0);
        assertTrue(ratio >= 0.35 && ratio <= 0.7, "floor(4000) / floor(1000) = " + ratio);
    }

    @Test
    void dataSamplesSitAtTheFloorAndBadSamplesFarAbove() {
        Metric metric = SlicedWasserstein::distance;
        double[] exact = DATA.sample(800, 99);
        MetricWithFloor good = NoiseFloor.measure(metric, exact, DATA, 5);
        double expected = 0;
        for (int r = 0; r < NoiseFloor.DEFAULT_REPEATS; r++) {
            expected += metric.distance(exact, DATA.sample(800, SeededRandom.derive(5, "reference-" + r)));
        }
        assertEquals(expected / NoiseFloor.DEFAULT_REPEATS, good.value(), 1e-15);
        assertEquals(NoiseFloor.of(metric, DATA, 800, 5), good.floor(), 0);
        assertTrue(good.ratio() > 0.4 && good.ratio() < 2.5, "ratio of exact samples " + good.ratio());

        double[] collapsed = exact.clone(); // every sample pulled halfway to the origin
        for (int i = 0; i < collapsed.length; i++) {
            collapsed[i] *= 0.5;
        }
        MetricWithFloor bad = NoiseFloor.measure(metric, collapsed, DATA, 5);
        assertEquals(good.floor(), bad.floor(), 0);
        assertTrue(bad.ratio() > 5, "ratio of shrunken samples " + bad.ratio());
    }

    @Test
    void rejectsImpossibleRequests() {
        Metric metric = SlicedWasserstein::distance;
        assertThrows(IllegalArgumentException.class, () -> NoiseFloor.of(metric, DATA, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoiseFloor.of(metric, DATA, 10, 1, 0));
        PointSampler shortChanged = (n, seed) -> new double[2 * n - 2];
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NoiseFloor.of(metric, shortChanged, 10, 1));
        assertTrue(e.getMessage().contains("10 points"), e.getMessage());
    }
}
