package org.scorefield.core.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** Exact guidance of a labelled point set (the memorising oracle), against sums worked out here. */
class LabelledPointsTest {

    private final Schedule vp = ScheduleKind.VP.createDefault();
    /** Three points: (0, 0) of class 0; (1, 0) and (0, 1) of class 1. */
    private final PointSet three = PointSet.of(new double[] {0, 0, 1, 0, 0, 1}, new int[] {0, 1, 1});
    private final double[] queries = {0.3, -0.2, 0.9, 0.1, 0.4, 0.6, -1.5, 0.8, 2.4, 2.1};
    /** 300 labelled moons points: two classes of about 150. */
    private final PointSet moons = DatasetPreset.MOONS.sample(300, 4);

    private ExactGuidance of(PointSet points) {
        return ExactGuidance.of(Optional.empty(), points, vp);
    }

    /** −‖x − α x_i‖²/(2σ²) for the query (x, y) and data point (px, py). */
    private static double logit(double x, double y, double px, double py, double a, double s) {
        double dx = x - a * px;
        double dy = y - a * py;
        return -(dx * dx + dy * dy) / (2 * s * s);
    }

    @Test
    void theClassifierIsBayesRuleOverThreePoints() {
        ExactGuidance g = of(three);
        assertEquals(2, g.classes());
        assertEquals(1 / 3.0, g.prior(0), 1e-15);
        assertEquals(2 / 3.0, g.prior(1), 1e-15);
        for (double t : new double[] {0.05, 0.3, 0.9}) {
            double a = vp.alpha(t);
            double s = vp.sigma(t);
            double[] p = g.classifier(queries, t);
            for (int q = 0; q < queries.length / 2; q++) {
                double x = queries[2 * q];
                double y = queries[2 * q + 1];
                double w0 = Math.exp(logit(x, y, 0, 0, a, s));
                double w1 = Math.exp(logit(x, y, 1, 0, a, s));
                double w2 = Math.exp(logit(x, y, 0, 1, a, s));
                double p1 = (w1 + w2) / (w0 + w1 + w2);
                assertTrue(w0 + w1 + w2 > 1e-250, "the direct sum does not underflow here");
                assertEquals(1 - p1, p[2 * q], 1e-12, "t = " + t + ", query " + q);
                assertEquals(p1, p[2 * q + 1], 1e-12);
            }
        }
        // far from every point at small t, where each w_i underflows: the ratio still holds
        double t = 0.01;
        double a = vp.alpha(t);
        double s = vp.sigma(t);
        double[] far = {-40, -30};
        double l0 = logit(far[0], far[1], 0, 0, a, s);
        double r1 = Math.exp(logit(far[0], far[1], 1, 0, a, s) - l0);
        double r2 = Math.exp(logit(far[0], far[1], 0, 1, a, s) - l0);
        assertEquals(0.0, Math.exp(l0), "the naive sum underflows");
        double[] p = g.classifier(far, t);
        assertEquals(1 / (1 + r1 + r2), p[0], 1e-12);
        assertEquals((r1 + r2) / (1 + r1 + r2), p[1], 1e-12);
    }

    @Test
    void classifierRowsSumToOneAndAtSigmaZeroNameTheNearestPointsClass() {
        ExactGuidance g = of(moons);
        double[] far = {0.1, 0.2, -3, 4, 50, -60, 1.9, 0.3, 0.5, -0.4};
        for (double t : new double[] {0, 1e-4, 0.02, 0.5, 1}) {
            double[] p = g.classifier(far, t);
            for (int q = 0; q < far.length / 2; q++) {
                assertEquals(1, p[2 * q] + p[2 * q + 1], 1e-12, "t = " + t + ", query " + q);
                assertTrue(p[2 * q] >= 0 && p[2 * q + 1] >= 0);
            }
        }
        assertEquals(0.0, vp.sigma(0), "VP is noiseless at t = 0");
        double[] p0 = g.classifier(far, 0);
        double[] xy = moons.xy();
        for (int q = 0; q < far.length / 2; q++) {
            int nearest = 0;
            for (int i = 1; i < moons.size(); i++) {
                if (Math.hypot(far[2 * q] - xy[2 * i], far[2 * q + 1] - xy[2 * i + 1])
                        < Math.hypot(far[2 * q] - xy[2 * nearest], far[2 * q + 1] - xy[2 * nearest + 1])) {
                    nearest = i;
                }
            }
            assertEquals(1.0, p0[2 * q + moons.label(nearest)], "query " + q);
            assertEquals(0.0, p0[2 * q + 1 - moons.label(nearest)]);
        }
    }

    @Test
    void theConditionalOracleIsTheEmpiricalOracleOfTheClassesPoints() {
        ExactGuidance g = of(moons);
        for (int c = 0; c < 2; c++) {
            int count = 0;
            for (int i = 0; i < moons.size(); i++) {
                count += moons.label(i) == c ? 1 : 0;
            }
            double[] mine = new double[2 * count];
            for (int i = 0, k = 0; i < moons.size(); i++) {
                if (moons.label(i) == c) {
                    mine[2 * k] = moons.x(i);
                    mine[2 * k + 1] = moons.y(i);
                    k++;
                }
            }
            assertEquals((double) count / moons.size(), g.prior(c), 1e-15);
            assertTrue(count > 100 && count < 200, "both classes are there: " + count);
            EmpiricalDenoiser own = new EmpiricalDenoiser(PointSet.of(mine), vp);
            for (double t : new double[] {0.02, 0.3, 0.8}) {
                assertArrayEquals(own.denoise(queries, t), g.conditional(c).denoise(queries, t), 1e-12);
                assertArrayEquals(own.score(queries, t), g.conditional(c).score(queries, t), 1e-9);
            }
        }
    }

    /** ω = 1 is the class's own score, worked out here as a softmax over the class's two points. */
    @Test
    void omegaOneIsTheClassConditionalScore() {
        ExactGuidance g = of(three);
        for (double t : new double[] {0.1, 0.4, 0.9}) {
            double a = vp.alpha(t);
            double s = vp.sigma(t);
            double[] guided = g.guided(1, 1).score(queries, t);
            for (int q = 0; q < queries.length / 2; q++) {
                double x = queries[2 * q];
                double y = queries[2 * q + 1];
                double w1 = Math.exp(logit(x, y, 1, 0, a, s));
                double w2 = Math.exp(logit(x, y, 0, 1, a, s));
                double mx = w1 / (w1 + w2);
                double my = w2 / (w1 + w2);
                assertEquals((a * mx - x) / (s * s), guided[2 * q], 1e-9, "t = " + t + ", query " + q);
                assertEquals((a * my - y) / (s * s), guided[2 * q + 1], 1e-9);
            }
        }
    }

    /** ŝ + ω∇log p_t(c | x), the gradient by central differences, is the CFG field (Bayes' rule). */
    @Test
    void exactClassifierGuidanceIsClassifierFreeGuidance() {
        ExactGuidance g = of(three);
        double t = 0.3;
        double h = 1e-5;
        double[] s = g.unconditional().score(queries, t);
        for (double omega : new double[] {0.5, 2.5}) {
            double[] cfg = g.guided(0, omega).score(queries, t);
            for (int q = 0; q < queries.length / 2; q++) {
                for (int d = 0; d < 2; d++) {
                    double[] plus = {queries[2 * q], queries[2 * q + 1]};
                    double[] minus = plus.clone();
                    plus[d] += h;
                    minus[d] -= h;
                    double grad = (Math.log(g.classifier(plus, t)[0]) - Math.log(g.classifier(minus, t)[0])) / (2 * h);
                    assertEquals(s[2 * q + d] + omega * grad, cfg[2 * q + d], 1e-5, "ω = " + omega + ", query " + q);
                }
            }
        }
    }

    @Test
    void unlabelledOrOneClassDataHasOneClassWhoseGuidanceChangesNothing() {
        PointSet plain = PointSet.of(moons.xy());
        PointSet oneLabel = PointSet.of(moons.xy(), new int[moons.size()]);
        for (PointSet points : new PointSet[] {plain, oneLabel}) {
            ExactGuidance g = of(points);
            assertEquals(1, g.classes());
            assertEquals(1.0, g.prior(0));
            for (double v : g.classifier(queries, 0.3)) {
                assertEquals(1.0, v, 1e-15);
            }
            for (double omega : new double[] {0, 1, 3}) {
                for (double t : new double[] {0.05, 0.5}) {
                    assertArrayEquals(g.unconditional().score(queries, t), g.guided(0, omega).score(queries, t), 1e-12);
                }
            }
            assertEquals(1.0, g.classFraction(queries, 0));
        }
    }

    @Test
    void theClassFractionIsTheShareWhoseNearestPointIsInTheClass() {
        ExactGuidance g = of(three);
        // nearest points: (0.3, −0.2) → (0, 0); (0.9, 0.1) → (1, 0); (0.4, 0.6) → (0, 1);
        // (−1.5, 0.8) → (0, 1) (distance² 2.29 against 2.89); (2.4, 2.1) → (1, 0) (6.37 against 6.97)
        assertEquals(0.2, g.classFraction(queries, 0), 1e-15);
        assertEquals(0.8, g.classFraction(queries, 1), 1e-15);
        assertEquals(1.0, g.classFraction(new double[] {0.01, 0.02, -0.1, -0.2}, 0));
    }

    /**
     * At ω = 1 the tilted density is π_c·p_t(x | c) normalised, the class's two Gaussians; at ω = 0
     * the whole set's three. At t = 0 it is evaluated at the schedule's t_min, where σ &gt; 0.
     */
    @Test
    void theTiltedDensityIsNormalisedAndAtOneIsTheClassDensity() {
        ExactGuidance g = of(three);
        GridSpec spec = GridSpec.square(3, 60);
        for (double t : new double[] {0, 0.2}) {
            double at = Math.max(t, vp.tMin());
            double a = vp.alpha(at);
            double s = vp.sigma(at);
            for (double omega : new double[] {0, 1, 3}) {
                ScalarGrid tilted = g.tiltedLogDensity(1, omega, spec, t);
                double mass = 0;
                for (double v : tilted.values()) {
                    assertTrue(Double.isFinite(v), "t = " + t + ", ω = " + omega);
                    mass += Math.exp(v) * spec.dx() * spec.dy();
                }
                assertEquals(1, mass, 1e-9, "t = " + t + ", ω = " + omega);
            }
            if (t == 0) {
                continue; // at t_min the Gaussians are narrower than the grid's cells
            }
            for (double omega : new double[] {0, 1}) {
                ScalarGrid tilted = g.tiltedLogDensity(1, omega, spec, t);
                double[] own = new double[spec.size()];
                double mass = 0;
                for (int j = 0; j < spec.ny(); j++) {
                    for (int i = 0; i < spec.nx(); i++) {
                        double x = spec.x(i);
                        double y = spec.y(j);
                        double p = Math.exp(logit(x, y, 1, 0, a, s)) + Math.exp(logit(x, y, 0, 1, a, s))
                                + (omega == 0 ? Math.exp(logit(x, y, 0, 0, a, s)) : 0);
                        own[j * spec.nx() + i] = Math.log(p);
                        mass += p * spec.dx() * spec.dy();
                    }
                }
                for (int k = 0; k < own.length; k++) {
                    assertEquals(own[k] - Math.log(mass), tilted.values()[k], 1e-9, "ω = " + omega);
                }
            }
        }
    }

    @Test
    void atTimeZeroTheTiltedDensityIsTheClassesPoints() {
        ExactGuidance g = of(three);
        for (double omega : new double[] {0.5, 1, 4}) {
            double[] drawn = g.tiltedSampler(1, omega).sample(200, 3);
            for (int i = 0; i < 200; i++) {
                boolean first = drawn[2 * i] == 1 && drawn[2 * i + 1] == 0;
                boolean second = drawn[2 * i] == 0 && drawn[2 * i + 1] == 1;
                assertTrue(first || second, "ω = " + omega + ": class 1's points only");
            }
            assertArrayEquals(g.classSampler(1).sample(200, 3), drawn, 0.0);
        }
        double[] all = g.tiltedSampler(1, 0).sample(300, 3);
        boolean origin = false;
        for (int i = 0; i < 300; i++) {
            origin |= all[2 * i] == 0 && all[2 * i + 1] == 0;
        }
        assertTrue(origin, "ω = 0 is the whole set, class 0's point included");
    }

    @Test
    void theFactoryPicksTheMixtureWhenThereIsOne() {
        var mixture = DatasetPreset.GMM_LABELLED.mixture();
        PointSet drawn = DatasetPreset.GMM_LABELLED.sample(200, 1);
        ExactGuidance g = ExactGuidance.of(mixture, drawn, vp);
        ExactGuidance direct = new ExactGuidance(mixture.orElseThrow(), vp);
        assertEquals(mixture, g.mixture());
        assertFalse(g.points().isPresent());
        assertArrayEquals(direct.classifier(queries, 0.2), g.classifier(queries, 0.2), 0.0);
        ExactGuidance points = ExactGuidance.of(Optional.empty(), drawn, vp);
        assertEquals(Optional.of(drawn), points.points());
        assertFalse(points.mixture().isPresent());
        assertEquals(3, points.classes());
    }

    @Test
    void badPointSetsAndClassesAreOneSentence() {
        PointSet gap = PointSet.of(new double[] {0, 0, 1, 1}, new int[] {0, 2});
        assertEquals("No point of the data carries class 1.",
                assertThrows(InvalidInputException.class, () -> of(gap).guided(1, 2)).getMessage());
        assertEquals(0.0, of(gap).prior(1));
        assertEquals("The class must lie between 0 and 2, got 3.",
                assertThrows(InvalidInputException.class, () -> of(gap).conditional(3)).getMessage());
        assertEquals("Guidance needs at least one data point.",
                assertThrows(InvalidInputException.class, () -> of(PointSet.of(new double[0]))).getMessage());
        assertEquals("Guidance keeps one entry per class, so labels must lie between 0 and 999; these points have "
                + "label 5000.", assertThrows(InvalidInputException.class,
                () -> of(PointSet.of(new double[] {0, 0}, new int[] {5000}))).getMessage());
    }
}
