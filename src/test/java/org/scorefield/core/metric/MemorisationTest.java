package org.scorefield.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.ScheduleKind;

class MemorisationTest {

    /** The O(N·M) loop: every query against every point (the same rounding as the tree: √(dx² + dy²)). */
    private static double[] bruteForce(double[] queries, double[] points) {
        double[] out = new double[queries.length / 2];
        for (int j = 0; j < out.length; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < points.length / 2; i++) {
                double dx = queries[2 * j] - points[2 * i];
                double dy = queries[2 * j + 1] - points[2 * i + 1];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
            }
            out[j] = best;
        }
        return out;
    }

    /** The median spacing by brute force: every point against every other. */
    private static double bruteSpacing(double[] points) {
        int n = points.length / 2;
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    double dx = points[2 * i] - points[2 * k];
                    double dy = points[2 * i + 1] - points[2 * k + 1];
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
                }
            }
            gaps[i] = best;
        }
        Arrays.sort(gaps);
        return n % 2 == 1 ? gaps[n / 2] : 0.5 * (gaps[n / 2 - 1] + gaps[n / 2]);
    }

    @Test
    void theTreeFindsExactlyTheBruteForceNearestPoint() {
        double[] training = DatasetPreset.MOONS.sample(4096, 3).xy();
        // samples inside the data, far outside it, and on training points
        double[] queries = new SeededRandom(4).gaussianPoints(2000);
        for (int i = 0; i < queries.length; i++) {
            queries[i] *= i % 7 == 0 ? 6 : 1.2;
        }
        System.arraycopy(training, 0, queries, 0, 20);
        double[] expected = bruteForce(queries, training);
        double[] got = new NearestNeighbours(training).distances(queries);
        assertArrayEquals(expected, got, 0.0);
        for (int j = 0; j < 10; j++) {
            assertEquals(0.0, got[j], 0.0, "a training point is at distance 0 from itself");
        }
    }

    @Test
    void theTreeHandlesTiesAndCollinearPoints() {
        // a grid of equal coordinates and duplicates: quickselect must keep every equal key on its side
        double[] training = new double[2 * 200];
        for (int i = 0; i < 200; i++) {
            training[2 * i] = i % 5;
            training[2 * i + 1] = (i / 5) % 4;
        }
        double[] queries = new SeededRandom(9).gaussianPoints(500);
        for (int i = 0; i < queries.length; i++) {
            queries[i] = 2 + 3 * queries[i];
        }
        assertArrayEquals(bruteForce(queries, training), new NearestNeighbours(training).distances(queries), 0.0);
    }

    @Test
    void theMedianSpacingAndCopyShareMatchBruteForce() {
        double[] training = DatasetPreset.SPIRALS.sample(700, 5).xy();
        double[] samples = DatasetPreset.SPIRALS.sample(999, 6).xy();
        Memorisation m = Memorisation.against(PointSet.of(training));
        assertEquals(bruteSpacing(training), m.spacing(), 0.0);
        assertEquals(m.spacing() / 3, m.threshold(), 0.0);
        Memorisation.Result r = m.of(samples);
        double[] d = bruteForce(samples, training);
        assertArrayEquals(d, r.distances(), 0.0);
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[499], r.median(), 0.0);
        long copies = Arrays.stream(d).filter(v -> v < m.threshold()).count();
        assertEquals(copies / 999.0, r.copyFraction(), 0.0);
    }

    /**
     * Where the data are a uniform scatter in the plane the copy share of fresh samples has a closed
     * form, 1 − 2^(−1/9) (docs/math.md §11.7); the border of the square adds a little.
     */
    @Test
    void freshUniformSamplesCopyAtThePoissonRate() {
        SeededRandom random = new SeededRandom(12);
        double[] training = new double[2 * 4096];
        for (int i = 0; i < training.length; i++) {
            training[i] = random.nextUniform();
        }
        double[] samples = new double[2 * 40_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextUniform();
        }
        assertEquals(0.0741, Memorisation.FRESH_PLANE, 1e-4);
        double share = Memorisation.of(samples, PointSet.of(training)).copyFraction();
        assertEquals(Memorisation.FRESH_PLANE, share, 0.008, "copy share of fresh uniform samples");
    }

    /** Fresh draws of a preset, against 4,096 training points of it, seldom copy one. */
    @Test
    void freshPresetSamplesRarelyCopy() {
        for (DatasetPreset p : new DatasetPreset[] {DatasetPreset.MOONS, DatasetPreset.EIGHT_GAUSSIANS}) {
            PointSet training = p.sample(4096, 1);
            Memorisation.Result r = Memorisation.of(p.sample(2000, 2).xy(), training);
            assertTrue(r.copyFraction() < 0.15, p.id() + " copy share " + r.copyFraction());
            assertTrue(r.median() > r.threshold(), p.id() + " median " + r.median());
        }
    }

    /**
     * The memorising oracle's samples, with its final denoise at t_min, land on training points: its
     * x̂0 at σ(t_min)/α ≈ 0.01 is one point's weight ≈ 1 (docs/math.md §4.1).
     */
    @Test
    void theMemorisingOraclesSamplesCopyTrainingPoints() {
        PointSet training = DatasetPreset.MOONS.sample(256, 8);
        var oracle = new EmpiricalDenoiser(training, ScheduleKind.VP.createDefault());
        SamplerSettings heun = SamplerSettings.defaults(SamplerKind.HEUN);
        assertTrue(heun.finalDenoise());
        double[] samples = Sampling.fromPrior(oracle, heun, 2000, 3, Recording.NONE).samples();
        Memorisation.Result r = Memorisation.of(samples, training);
        assertTrue(r.copyFraction() > 0.99, "copy share " + r.copyFraction());
        assertTrue(r.median() < 1e-3 * r.threshold(), "median " + r.median() + " against δ " + r.threshold());
    }

    @Test
    void duplicatesCountOnceAndNonFiniteSamplesNeverCopy() {
        double[] training = {0, 0, 0, 0, 1, 0, 3, 0, 3, 0};
        Memorisation m = Memorisation.against(PointSet.of(training));
        // distinct 0, 1, 3: gaps 1, 1, 2 → median 1
        assertEquals(3, m.trainingPoints());
        assertEquals(1.0, m.spacing(), 0.0);
        Memorisation.Result r = m.of(new double[] {0.1, 0, Double.NaN, 0, 2, 0, 3, 0.2});
        assertEquals(Double.POSITIVE_INFINITY, r.distances()[1]);
        assertEquals(0.5, r.copyFraction(), 0.0); // 0.1 and 0.2 are below 1/3; NaN and 1.0 are not
        assertThrows(InvalidInputException.class, () -> Memorisation.against(PointSet.of(new double[] {1, 1, 1, 1})));
    }
}
