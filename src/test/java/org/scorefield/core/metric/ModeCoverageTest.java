package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.random.SeededRandom;

class ModeCoverageTest {

    /** Eight equal isotropic Gaussians on a circle of radius 1.35, std 0.17: the classic benchmark. */
    static GaussianMixture eightGaussians() {
        List<Component> components = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double angle = 2 * Math.PI * k / 8;
            components.add(Component.isotropic(1, 1.35 * Math.cos(angle), 1.35 * Math.sin(angle), 0.17, k));
        }
        return new GaussianMixture(components);
    }

    @Test
    void theInModeProbabilityIsTheChiSquareTwoCdfAtNine() {
        assertEquals(0.988891003461758, ModeCoverage.IN_MODE_PROBABILITY, 1e-15);
    }

    @Test
    void exactSamplesAreInModeAtTheChiSquareRateAndHitEveryMode() {
        GaussianMixture mixture = eightGaussians();
        int n = 20_000;
        ModeCoverage.Result result = ModeCoverage.of(mixture.sample(n, new SeededRandom(1)).xy(), mixture);
        assertEquals(ModeCoverage.IN_MODE_PROBABILITY, result.inModeFraction(), 0.01);
        assertEquals(8, result.modes());
        assertEquals(8, result.modesHit());
        int[] counts = result.counts();
        assertEquals(Math.round(result.inModeFraction() * n), Arrays.stream(counts).sum());
        for (int k = 0; k < 8; k++) {
            assertEquals(n / 8.0 * ModeCoverage.IN_MODE_PROBABILITY, counts[k], 150, "mode " + k);
        }
    }

    @Test
    void aDroppedModeIsNotHitAndOneStrayPointDoesNotRestoreIt() {
        GaussianMixture mixture = eightGaussians();
        PointSet sample = mixture.sample(20_000, new SeededRandom(2));
        double[] withoutMode0 = withoutLabel(sample, 0);
        ModeCoverage.Result dropped = ModeCoverage.of(withoutMode0, mixture);
        assertEquals(7, dropped.modesHit());
        // Neighbours 6.1 std away still reach into mode 0's ellipse with a few tail samples: why a
        // hit needs a tenth of the expected count rather than a single sample.
        int tails = dropped.counts()[0];
        assertTrue(tails > 0 && tails < 0.01 * 17_500, "tail samples in the dropped mode: " + tails);

        double[] withStray = Arrays.copyOf(withoutMode0, withoutMode0.length + 2);
        withStray[withStray.length - 2] = mixture.component(0).meanX();
        withStray[withStray.length - 1] = mixture.component(0).meanY();
        ModeCoverage.Result stray = ModeCoverage.of(withStray, mixture);
        assertEquals(tails + 1, stray.counts()[0], "the stray point is in mode 0's ellipse");
        assertEquals(7, stray.modesHit(), "but one point is not coverage");
    }

    @Test
    void withFewSamplesOnePointInTheEllipseIsAHit() {
        GaussianMixture mixture = eightGaussians();
        double[] one = {mixture.component(3).meanX(), mixture.component(3).meanY()};
        ModeCoverage.Result result = ModeCoverage.of(one, mixture);
        assertEquals(1, result.modesHit());
        assertEquals(1, result.inModeFraction(), 0);
    }

    @Test
    void assignmentUsesMahalanobisNotEuclideanDistance() {
        // A: long and thin along (1, 1)/√2 (std 2 along it, 0.1 across); B: round, std 0.1, further out
        // on the same axis. The point 1.8 along the axis is Euclidean-nearer to B (1.2 vs 1.8) but
        // 0.9 std from A and 12 std from B.
        double u = 1 / Math.sqrt(2);
        double along = 4;
        double across = 0.01;
        Component a = new Component(1, 0, 0, (along + across) / 2, (along - across) / 2, (along + across) / 2, 0);
        Component b = Component.isotropic(1, 3 * u, 3 * u, 0.1, 1);
        GaussianMixture mixture = new GaussianMixture(List.of(a, b));
        double[] point = {1.8 * u, 1.8 * u};
        assertEquals(0.81, a.mahalanobis2(point[0], point[1]), 1e-12);

        ModeCoverage.Result result = ModeCoverage.of(point, mixture);
        assertArrayEquals(new int[] {1, 0}, result.counts());
        assertEquals(1, result.inModeFraction(), 0);

        // Across A's axis the same Euclidean offset is 18 std: outside every mode.
        double[] across18 = {-1.8 * u, 1.8 * u};
        ModeCoverage.Result outside = ModeCoverage.of(across18, mixture);
        assertArrayEquals(new int[] {0, 0}, outside.counts());
        assertEquals(0, outside.inModeFraction(), 0);
    }

    @Test
    void theThreeStdBoundaryIsInclusiveAndDivergedSamplesAreInNoMode() {
        GaussianMixture mixture = new GaussianMixture(List.of(Component.isotropic(1, 0, 0, 0.5, 0)));
        double[] points = {1.5, 0, 1.5 + 1e-9, 0, Double.NaN, 0, Double.POSITIVE_INFINITY, 1};
        ModeCoverage.Result result = ModeCoverage.of(points, mixture);
        assertArrayEquals(new int[] {1}, result.counts());
        assertEquals(0.25, result.inModeFraction(), 0);
    }

    private static double[] withoutLabel(PointSet sample, int label) {
        double[] out = new double[2 * sample.size()];
        int m = 0;
        for (int i = 0; i < sample.size(); i++) {
            if (sample.label(i) != label) {
                out[2 * m] = sample.x(i);
                out[2 * m + 1] = sample.y(i);
                m++;
            }
        }
        return Arrays.copyOf(out, 2 * m);
    }
}
