package org.scorefield.core.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** Exact guidance of a labelled mixture against closed forms worked out here. */
class ExactGuidanceTest {

    private final Schedule vp = ScheduleKind.VP.createDefault();
    /** Two isotropic classes: 0 at (−1, 0) with std 0.4 and weight 0.3, 1 at (2, 0.5) with std 0.7 and weight 0.7. */
    private final GaussianMixture two = new GaussianMixture(List.of(Component.isotropic(0.3, -1, 0, 0.4, 0),
            Component.isotropic(0.7, 2, 0.5, 0.7, 1)));
    private final double[] points = {0.3, -0.2, -1.5, 0.8, 2.4, 0.1, 0, 0, 5, -4};

    /** log N(x; α·μ, (α²s² + σ²)·I) in 2D. */
    private static double logNormal(double x, double y, double mx, double my, double s, double a, double sig) {
        double v = a * a * s * s + sig * sig;
        double dx = x - a * mx;
        double dy = y - a * my;
        return -(dx * dx + dy * dy) / (2 * v) - Math.log(2 * Math.PI * v);
    }

    @Test
    void theClassifierIsBayesRuleOnTwoGaussians() {
        ExactGuidance g = new ExactGuidance(two, vp);
        for (double t : new double[] {0.05, 0.3, 0.9}) {
            double a = vp.alpha(t);
            double s = vp.sigma(t);
            double[] p = g.classifier(points, t);
            for (int i = 0; i < points.length / 2; i++) {
                double l0 = Math.log(0.3) + logNormal(points[2 * i], points[2 * i + 1], -1, 0, 0.4, a, s);
                double l1 = Math.log(0.7) + logNormal(points[2 * i], points[2 * i + 1], 2, 0.5, 0.7, a, s);
                double p1 = 1 / (1 + Math.exp(l0 - l1));
                assertEquals(1 - p1, p[2 * i], 1e-12, "t = " + t + ", point " + i);
                assertEquals(p1, p[2 * i + 1], 1e-12);
                assertEquals(1, p[2 * i] + p[2 * i + 1], 1e-12, "a distribution over the classes");
            }
        }
    }

    @Test
    void guidanceAtOneIsTheClassAndAtZeroTheWhole() {
        ExactGuidance g = new ExactGuidance(DatasetPreset.GMM_LABELLED.mixture().orElseThrow(), vp);
        for (int c = 0; c < g.classes(); c++) {
            for (double t : new double[] {0.02, 0.4, 0.95}) {
                assertArrayEquals(g.conditional(c).score(points, t), g.guided(c, 1).score(points, t), 1e-9);
                assertArrayEquals(g.conditional(c).denoise(points, t), g.guided(c, 1).denoise(points, t), 1e-9);
                assertArrayEquals(g.unconditional().score(points, t), g.guided(c, 0).score(points, t), 0.0,
                        "ω = 0 is the unconditional field, exactly");
            }
        }
    }

    /** Classifier guidance ŝ + ω∇log p_t(c | x), the gradient by central differences, is the CFG field. */
    @Test
    void exactClassifierGuidanceIsClassifierFreeGuidance() {
        ExactGuidance g = new ExactGuidance(two, vp);
        double t = 0.3;
        double h = 1e-5;
        for (double omega : new double[] {0.5, 2, 4}) {
            double[] cfg = g.guided(1, omega).score(points, t);
            double[] s = g.unconditional().score(points, t);
            for (int i = 0; i < points.length / 2; i++) {
                for (int d = 0; d < 2; d++) {
                    double[] plus = {points[2 * i], points[2 * i + 1]};
                    double[] minus = plus.clone();
                    plus[d] += h;
                    minus[d] -= h;
                    double grad = (Math.log(g.classifier(plus, t)[1]) - Math.log(g.classifier(minus, t)[1])) / (2 * h);
                    assertEquals(s[2 * i + d] + omega * grad, cfg[2 * i + d], 1e-5, "ω = " + omega + ", point " + i);
                }
            }
        }
    }

    @Test
    void theTiltedDensityIsNormalisedAndAtOneIsTheClassDensity() {
        ExactGuidance g = new ExactGuidance(two, vp);
        GridSpec spec = GridSpec.square(5, 80);
        double t = 0.2;
        for (double omega : new double[] {0, 1, 3}) {
            ScalarGrid tilted = g.tiltedLogDensity(1, omega, spec, t);
            double mass = 0;
            for (double v : tilted.values()) {
                mass += Math.exp(v) * spec.dx() * spec.dy();
            }
            assertEquals(1, mass, 1e-9, "ω = " + omega);
        }
        // ω = 1: p·p(c|x) = π_c·p(x|c), the class's own Gaussian, normalised on the same grid
        ScalarGrid one = g.tiltedLogDensity(1, 1, spec, t);
        double a = vp.alpha(t);
        double s = vp.sigma(t);
        double[] own = new double[spec.size()];
        double mass = 0;
        for (int j = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++) {
                own[j * spec.nx() + i] = logNormal(spec.x(i), spec.y(j), 2, 0.5, 0.7, a, s);
                mass += Math.exp(own[j * spec.nx() + i]) * spec.dx() * spec.dy();
            }
        }
        for (int k = 0; k < own.length; k++) {
            assertEquals(own[k] - Math.log(mass), one.values()[k], 1e-9);
        }
    }

    @Test
    void guidanceOfDataWithOneClassChangesNothing() {
        GaussianMixture one = new GaussianMixture(List.of(Component.isotropic(0.5, -1, 0, 0.4, 0),
                Component.isotropic(0.5, 2, 0.5, 0.7, 0)));
        ExactGuidance g = new ExactGuidance(one, vp);
        double[] p = g.classifier(points, 0.3);
        for (double v : p) {
            assertEquals(1, v, 0.0);
        }
        for (double omega : new double[] {0, 1, 4}) {
            assertArrayEquals(g.unconditional().score(points, 0.3), g.guided(0, omega).score(points, 0.3), 1e-12);
        }
    }

    @Test
    void badClassesAndScalesAreOneSentence() {
        ExactGuidance g = new ExactGuidance(two, vp);
        assertEquals("The class must lie between 0 and 1, got 2.",
                assertThrows(InvalidInputException.class, () -> g.guided(2, 1)).getMessage());
        assertEquals("The guidance scale ω must be a finite number ≥ 0, got NaN.",
                assertThrows(InvalidInputException.class, () -> g.guided(0, Double.NaN)).getMessage());
        GaussianMixture gap = new GaussianMixture(List.of(Component.isotropic(1, 0, 0, 1, 2)));
        assertEquals("No component of the mixture carries class 0.",
                assertThrows(InvalidInputException.class, () -> new ExactGuidance(gap, vp).guided(0, 1)).getMessage());
    }
}
