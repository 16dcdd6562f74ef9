package org.scorefield.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.field.ExactDensity;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.LinearFlow;

class FlowOracleTest {

    private static final double[] QUERIES = {0.3, -0.2, -1.1, 0.7, 2.0, 1.5, 0.0, 0.0, -0.4, -1.8};
    private static final double[] TIMES = {0.05, 0.3, 0.5, 0.8, 0.97};

    private static final GaussianMixture EIGHT = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();

    @Test
    void fromTheStandardNormalItIsTheMixtureOracleOfTheLinearPath() {
        FlowOracle flow = FlowOracle.of(Optional.of(EIGHT), PointSet.of(new double[0]), FlowSource.gaussian());
        GaussianMixtureDenoiser mixture = new GaussianMixtureDenoiser(EIGHT, new LinearFlow());
        assertTrue(flow.gaussianNoise(), "from N(0, I), x1 is Gaussian noise: stochastic samplers apply");
        for (double t : TIMES) {
            assertClose(mixture.denoise(QUERIES, t), flow.denoise(QUERIES, t), 1e-10, "x̂0 at t = " + t);
            assertClose(mixture.score(QUERIES, t), flow.score(QUERIES, t), 1e-9, "score at t = " + t);
            assertClose(mixture.logDensity(QUERIES, t), flow.logDensity(QUERIES, t), 1e-10, "log p at t = " + t);
        }
    }

    @Test
    void fromTheStandardNormalWithPointsItIsTheMemorisingOracle() {
        PointSet data = DatasetPreset.MOONS.sample(200, 3);
        FlowOracle flow = FlowOracle.of(Optional.empty(), data, FlowSource.gaussian());
        EmpiricalDenoiser memorised = new EmpiricalDenoiser(data, new LinearFlow());
        GridSpec spec = new GridSpec(-3, 3, -2, 2, 9, 7);
        for (double t : TIMES) {
            assertClose(memorised.denoise(QUERIES, t), flow.denoise(QUERIES, t), 1e-9, "x̂0 at t = " + t);
            ScalarGrid exact = ExactDensity.logDensityGrid(data, new LinearFlow(), spec, t);
            ScalarGrid mine = ExactDensity.logDensityGrid(flow, spec, t);
            assertClose(exact.values(), mine.values(), 1e-9, "log p at t = " + t);
        }
    }

    /** N(m0, s0²I) carried from N(m1, s1²I): every quantity in closed form. */
    @Test
    void betweenTwoGaussiansEveryQuantityHasItsClosedForm() {
        double m0x = -0.5;
        double m0y = 0.2;
        double s0 = 0.3;
        GaussianMixture data = new GaussianMixture(List.of(GaussianMixture.Component.isotropic(1, m0x, m0y, s0, 0)));
        FlowOracle flow = FlowOracle.of(Optional.of(data), PointSet.of(new double[0]),
                FlowSource.of(DatasetPreset.GAUSSIAN));
        double m1x = DatasetPreset.GAUSSIAN_MEAN_X;
        double m1y = DatasetPreset.GAUSSIAN_MEAN_Y;
        double s1 = DatasetPreset.GAUSSIAN_STD;
        for (double t : TIMES) {
            double a = 1 - t;
            double c = a * a * s0 * s0 + t * t * s1 * s1;
            double mx = a * m0x + t * m1x;
            double my = a * m0y + t * m1y;
            double g = a * s0 * s0 / c;
            for (int q = 0; q < QUERIES.length; q += 2) {
                double[] x = {QUERIES[q], QUERIES[q + 1]};
                double dx = x[0] - mx;
                double dy = x[1] - my;
                assertClose(new double[] {m0x + g * dx, m0y + g * dy}, flow.denoise(x, t), 1e-12, "x̂0");
                assertClose(new double[] {-dx / c, -dy / c}, flow.score(x, t), 1e-10, "score");
                double logP = -Math.log(2 * Math.PI * c) - (dx * dx + dy * dy) / (2 * c);
                assertEquals(logP, flow.logDensity(x, t)[0], 1e-12, "log p");
                double[] x0 = flow.denoise(x, t);
                double[] u = flow.velocity(x, t);
                assertClose(new double[] {(x[0] - x0[0]) / t, (x[1] - x0[1]) / t}, u, 1e-12, "û = (x − x̂0)/t");
            }
        }
    }

    /**
     * The marginal flow between two isotropic Gaussians is the affine map between them (each
     * coordinate's quantiles are carried to the same quantiles), so RK4 on the oracle's velocity
     * from the source lands on {@code m0 + (s0/s1)(x1 − m1)}.
     */
    @Test
    void itsVelocityCarriesTheSourceOntoTheData() {
        double s0 = 0.3;
        GaussianMixture data = new GaussianMixture(List.of(GaussianMixture.Component.isotropic(1, -0.5, 0.2, s0, 0)));
        FlowOracle flow = FlowOracle.of(Optional.of(data), PointSet.of(new double[0]),
                FlowSource.of(DatasetPreset.GAUSSIAN));
        double[] start = FlowSource.of(DatasetPreset.GAUSSIAN).sample(50, 9);
        SamplerSettings rk4 = SamplerSettings.defaults(SamplerKind.RK4).withSteps(200).withGrid(GridKind.UNIFORM)
                .withFinalDenoise(false).withTMin(1e-7);
        SampleResult r = Sampling.fromPoints(flow, rk4, start, 9, Recording.NONE);
        double ratio = s0 / DatasetPreset.GAUSSIAN_STD;
        for (int i = 0; i < start.length; i += 2) {
            assertEquals(-0.5 + ratio * (start[i] - DatasetPreset.GAUSSIAN_MEAN_X), r.samples()[i], 1e-5);
            assertEquals(0.2 + ratio * (start[i + 1] - DatasetPreset.GAUSSIAN_MEAN_Y), r.samples()[i + 1], 1e-5);
        }
    }

    /** The pair-by-pair oracles (a tabulated source is checked against them instead, below). */
    @Test
    void theScoreIsTheGradientOfTheLogDensity() {
        PointSet data = DatasetPreset.MOONS.sample(150, 5);
        for (FlowOracle flow : List.of(
                FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS)),
                FlowOracle.of(Optional.of(DatasetPreset.GMM_LABELLED.mixture().orElseThrow()), data,
                        FlowSource.of(DatasetPreset.SPIRALS)))) {
            double h = 1e-5;
            for (double t : TIMES) {
                double[] s = flow.score(QUERIES, t);
                for (int q = 0; q < QUERIES.length; q += 2) {
                    double x = QUERIES[q];
                    double y = QUERIES[q + 1];
                    double gx = (flow.logDensity(new double[] {x + h, y}, t)[0]
                            - flow.logDensity(new double[] {x - h, y}, t)[0]) / (2 * h);
                    double gy = (flow.logDensity(new double[] {x, y + h}, t)[0]
                            - flow.logDensity(new double[] {x, y - h}, t)[0]) / (2 * h);
                    assertEquals(gx, s[q], 1e-5 * (1 + Math.abs(gx)), "∂x log p at t = " + t);
                    assertEquals(gy, s[q + 1], 1e-5 * (1 + Math.abs(gy)), "∂y log p at t = " + t);
                }
            }
        }
    }

    @Test
    void theDensityIsNormalised() {
        PointSet data = DatasetPreset.MOONS.sample(120, 2);
        FlowOracle flow = FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS));
        GridSpec spec = new GridSpec(-5, 5, -5, 5, 200, 200);
        for (double t : new double[] {0.2, 0.6, 1.0}) {
            ScalarGrid g = ExactDensity.logDensityGrid(flow, spec, t);
            double cell = (10.0 / 200) * (10.0 / 200);
            double mass = 0;
            for (double v : g.values()) {
                mass += Math.exp(v) * cell;
            }
            assertEquals(1, mass, 2e-3, "∫ p_t at t = " + t);
        }
    }

    /** The grid's matrix-product sum of equal round pairs and the pair-by-pair sum agree. */
    @Test
    void theDensityGridOfEqualRoundPairsIsThePairByPairSum() {
        PointSet data = DatasetPreset.MOONS.sample(120, 2);
        GridSpec spec = new GridSpec(-4, 4, -3, 3, 23, 17);
        for (FlowOracle flow : List.of(FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS)),
                FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.PINWHEEL)),
                FlowOracle.of(Optional.of(EIGHT), data, FlowSource.of(DatasetPreset.MOONS)))) {
            for (double t : new double[] {0.0, 0.3, 0.7, 1.0}) {
                assertClose(flow.logDensity(spec.points(), t), ExactDensity.logDensityGrid(flow, spec, t).values(),
                        1e-9, "t = " + t);
            }
        }
    }

    /** The probe's posterior-weighted targets and the oracle are two computations of one velocity. */
    @Test
    void theProbesMarginalFromAnotherSourceIsTheOraclesVelocity() {
        PointSet data = DatasetPreset.MOONS.sample(250, 8);
        FlowOracle flow = FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS));
        for (double t : new double[] {0.1, 0.5, 0.9}) {
            for (int q = 0; q < QUERIES.length; q += 2) {
                ConditionalVelocity v = ConditionalVelocity.at(data, flow::sourceLogDensity, QUERIES[q],
                        QUERIES[q + 1], t);
                double[] u = flow.velocity(new double[] {QUERIES[q], QUERIES[q + 1]}, t);
                assertClose(u, v.marginal(), 1e-8, "t = " + t);
            }
        }
    }

    /**
     * Point data from a source known by points: the tabulated source density gives what the pair
     * by pair sum over the same smoothed points gives, up to the table's interpolation.
     */
    @Test
    void theTabulatedSourceAgreesWithThePairByPairSum() {
        PointSet data = DatasetPreset.MOONS.sample(200, 4);
        PointSet sample = DatasetPreset.CHECKERBOARD.sample(300, 9);
        FlowOracle table = FlowOracle.fromSourcePoints(data, sample, true);
        FlowOracle exact = FlowOracle.fromSourcePoints(data, sample, false);
        assertEquals(table.bandwidth(), exact.bandwidth());
        double[] far = {0.3, -0.2, -1.1, 0.7, 2.0, 1.5, 0.0, 0.0, -0.4, -1.8, 6.0, -5.0};
        for (double t : TIMES) {
            double[] x0 = exact.denoise(far, t);
            double[] x0t = table.denoise(far, t);
            double[] logP = exact.logDensity(far, t);
            double[] logPt = table.logDensity(far, t);
            double[] s0 = exact.score(far, t);
            double[] st = table.score(far, t);
            for (int i = 0; i < far.length; i++) {
                assertTrue(Double.isFinite(x0t[i]) && Double.isFinite(st[i]));
                if (logP[i / 2] < -50) {
                    continue; // a point no sample comes near: the table's tail is an expansion there
                }
                assertEquals(x0[i], x0t[i], 0.02, "x̂0 at t = " + t);
                assertEquals(s0[i], st[i], 0.05 * (1 + Math.abs(s0[i])) / t, "score at t = " + t);
            }
            for (int q = 0; q < logP.length; q++) {
                // where p_t is not negligible the table is all but exact; far out its tail is within 1 %
                assertEquals(logP[q], logPt[q], logP[q] > -50 ? 0.02 : 0.01 * Math.abs(logP[q]), "log p at t = " + t);
            }
            for (int q = 0; q < far.length / 2; q++) {
                assertEquals(exact.sourceLogDensity(far[2 * q], far[2 * q + 1]),
                        table.sourceLogDensity(far[2 * q], far[2 * q + 1]), 0.02 + 0.01 * Math.abs(
                                exact.sourceLogDensity(far[2 * q], far[2 * q + 1])), "log p_1");
            }
        }
    }

    /**
     * Where samples go (x_t of a data point and a source point), the tabulated score is within a
     * percent or two of the pair-by-pair one: the gradient is second-order accurate, not the
     * first-order slope of the bilinear value (whose errors reached 10–15 %).
     */
    @Test
    void theTabulatedScoreIsAccurateWhereSamplesGo() {
        PointSet data = DatasetPreset.MOONS.sample(200, 4);
        PointSet sample = DatasetPreset.CHECKERBOARD.sample(300, 9);
        FlowOracle table = FlowOracle.fromSourcePoints(data, sample, true);
        FlowOracle exact = FlowOracle.fromSourcePoints(data, sample, false);
        org.scorefield.core.random.SeededRandom rng = new org.scorefield.core.random.SeededRandom(5);
        for (double t : new double[] {0.05, 0.3, 0.6, 0.9, 1.0}) {
            int n = 300;
            double[] xt = new double[2 * n];
            for (int k = 0; k < n; k++) {
                int i = rng.nextInt(data.size());
                int j = rng.nextInt(sample.size());
                xt[2 * k] = (1 - t) * data.x(i) + t * sample.x(j);
                xt[2 * k + 1] = (1 - t) * data.y(i) + t * sample.y(j);
            }
            double[] s0 = exact.score(xt, t);
            double[] st = table.score(xt, t);
            double[] errors = new double[n];
            for (int k = 0; k < n; k++) {
                errors[k] = Math.hypot(st[2 * k] - s0[2 * k], st[2 * k + 1] - s0[2 * k + 1])
                        / Math.max(1e-9, Math.hypot(s0[2 * k], s0[2 * k + 1]));
            }
            java.util.Arrays.sort(errors);
            assertTrue(errors[n / 2] < 0.01, "median relative error at t = " + t + ": " + errors[n / 2]);
            assertTrue(errors[(int) (0.95 * n)] < 0.04, "95th percentile at t = " + t + ": " + errors[(int) (0.95 * n)]);
        }
    }

    /** A large call is split over the cores; each point's value is the one it has alone. */
    @Test
    void aLargeCallGivesEachPointItsOwnValue() {
        PointSet data = DatasetPreset.MOONS.sample(1000, 6);
        for (DatasetPreset source : new DatasetPreset[] {DatasetPreset.EIGHT_GAUSSIANS, DatasetPreset.CHECKERBOARD}) {
            assertEachPointAsAlone(FlowOracle.of(Optional.empty(), data, FlowSource.of(source)));
        }
    }

    private static void assertEachPointAsAlone(FlowOracle flow) {
        double[] xt = FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS).sample(600, 2);
        double[] all = flow.denoise(xt, 0.6);
        double[] scores = flow.score(xt, 0.6);
        double[] logs = flow.logDensity(xt, 0.6);
        for (int i = 0; i < xt.length; i += 2) {
            double[] one = {xt[i], xt[i + 1]};
            assertArrayEquals(flow.denoise(one, 0.6), new double[] {all[i], all[i + 1]}, 0);
            assertArrayEquals(flow.score(one, 0.6), new double[] {scores[i], scores[i + 1]}, 0);
            assertEquals(flow.logDensity(one, 0.6)[0], logs[i / 2], 0);
        }
    }

    @Test
    void aPointSourceIsSmoothedOnAFixedSampleSizedToTheBudget() {
        PointSet data = DatasetPreset.MOONS.sample(1000, 1);
        FlowOracle a = FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.CHECKERBOARD));
        FlowOracle b = FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.CHECKERBOARD));
        assertEquals(FlowOracle.TABLE_SOURCE_POINTS, a.sourcePoints(), "point data: a tabulated source");
        assertEquals(1000, a.pairs(), "one term per data point");
        assertTrue(a.bandwidth() > 0.05 && a.bandwidth() < 0.5, "h = " + a.bandwidth());
        assertClose(a.denoise(QUERIES, 0.4), b.denoise(QUERIES, 0.4), 0, "one function");
        FlowOracle fromMixtureData = FlowOracle.of(Optional.of(EIGHT), data, FlowSource.of(DatasetPreset.MOONS));
        assertEquals(FlowOracle.MAX_SOURCE_POINTS, fromMixtureData.sourcePoints());
        PointSet drawn = PointSet.of(new double[] {0, 0, 1, 1, -1, 0.5});
        FlowOracle fromDrawn = FlowOracle.of(Optional.of(EIGHT), data,
                FlowSource.of(new EmpiricalDistribution("drawn", drawn)));
        assertEquals(3, fromDrawn.sourcePoints(), "a small drawn source keeps all its points");
        assertTrue(Double.isNaN(FlowOracle.of(Optional.of(EIGHT), data, FlowSource.of(DatasetPreset.GAUSSIAN))
                .bandwidth()));
    }

    /**
     * The source is tabulated exactly when the data are points and the source is known only by
     * points (a shape preset or drawn points); a mixture at either end, or N(0, I), goes pair by pair.
     */
    @Test
    void ofTabulatesTheSourceOnlyForPointDataFromAPointSource() {
        PointSet data = DatasetPreset.MOONS.sample(100, 1);
        FlowSource drawn = FlowSource.of(new EmpiricalDistribution("drawn", PointSet.of(new double[] {0, 0, 1, 1})));
        Optional<GaussianMixture> points = Optional.empty();
        Optional<GaussianMixture> mixture = Optional.of(EIGHT);
        record Case(String what, Optional<GaussianMixture> data, FlowSource source, Class<?> expected) {
        }
        for (Case c : List.of(
                new Case("points from N(0, I)", points, FlowSource.gaussian(), MixtureFlowOracle.class),
                new Case("points from a mixture preset", points, FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS),
                        MixtureFlowOracle.class),
                new Case("points from one Gaussian", points, FlowSource.of(DatasetPreset.GAUSSIAN),
                        MixtureFlowOracle.class),
                new Case("points from a shape preset", points, FlowSource.of(DatasetPreset.CHECKERBOARD),
                        TabulatedSourceFlowOracle.class),
                new Case("points from drawn points", points, drawn, TabulatedSourceFlowOracle.class),
                new Case("a mixture from N(0, I)", mixture, FlowSource.gaussian(), MixtureFlowOracle.class),
                new Case("a mixture from a mixture preset", mixture, FlowSource.of(DatasetPreset.GMM_LABELLED),
                        MixtureFlowOracle.class),
                new Case("a mixture from a shape preset", mixture, FlowSource.of(DatasetPreset.CHECKERBOARD),
                        MixtureFlowOracle.class),
                new Case("a mixture from drawn points", mixture, drawn, MixtureFlowOracle.class))) {
            assertEquals(c.expected(), FlowOracle.of(c.data(), data, c.source()).getClass(), c.what());
        }
    }

    @Test
    void stochasticSamplersAreRefusedAndDeterministicOnesRun() {
        PointSet data = DatasetPreset.MOONS.sample(100, 1);
        FlowOracle flow = FlowOracle.of(Optional.empty(), data, FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS));
        assertFalse(flow.gaussianNoise());
        assertTrue(flow.hasScore());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Sampling.fromSource(flow,
                SamplerSettings.defaults(SamplerKind.SDE).withEta(1), FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS), 10,
                1, Recording.NONE));
        assertTrue(e.getMessage().contains("deterministic"), e.getMessage());
        for (SamplerKind kind : new SamplerKind[] {SamplerKind.EULER, SamplerKind.HEUN, SamplerKind.DDIM,
            SamplerKind.DPM2M}) {
            SampleResult r = Sampling.fromSource(flow, SamplerSettings.defaults(kind).withSteps(8),
                    FlowSource.of(DatasetPreset.EIGHT_GAUSSIANS), 10, 1, Recording.NONE);
            for (double v : r.samples()) {
                assertTrue(Double.isFinite(v), kind.id());
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])), what + " [" + i + "]");
        }
    }
}
