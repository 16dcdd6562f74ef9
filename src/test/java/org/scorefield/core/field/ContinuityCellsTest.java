package org.scorefield.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.denoise.SwirledDenoiser;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The continuity equation, checked independently: the rate of change of each cell's exact mass (finite
 * differences in t of a quadrature of p_t) against the net inward flux of the oracle's velocity through
 * its edges (a quadrature of p_t û·n), docs/math.md §8.10.
 */
class ContinuityCellsTest {

    static GaussianMixtureDenoiser eightGaussians(ScheduleKind kind) {
        return new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(), kind.createDefault());
    }

    @Test
    void massChangeEqualsNetInflowForTheMixtureUnderVpAndLinear() {
        double worst = 0;
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR}) {
            GaussianMixtureDenoiser oracle = eightGaussians(kind);
            for (double t : new double[] {0.05, 0.2, 0.5, 0.8}) {
                // on a mode, between two modes, and at the centre
                for (double[] c : new double[][] {{1.35, 0}, {0.9, 0.9}, {0, 0}}) {
                    ContinuityCells cells = ContinuityCells.compute(oracle, oracle, c[0], c[1], 0.6, 3, t);
                    double scale = 0;
                    for (double r : cells.rate()) {
                        scale = Math.max(scale, Math.abs(r));
                    }
                    assertTrue(scale > 1e-6, kind + " t=" + t + ": mass moves (" + scale + ")");
                    worst = Math.max(worst, cells.largestMismatch() / scale);
                    for (int k = 0; k < 9; k++) {
                        assertEquals(cells.rate()[k], cells.inflow()[k], 1e-7 * scale,
                                kind + " t=" + t + " cell " + k + " at " + c[0] + "," + c[1]);
                    }
                }
            }
        }
        System.out.println("continuity, 8gaussians VP and linear: largest |rate - inflow| / largest |rate| = " + worst);
    }

    @Test
    void massChangeEqualsNetInflowUnderVeAndEdmUpToBothEndsOfTheirRange() {
        // VE starts at t = 0 with σ(0) = 0.01 and EDM at σ_min/σ_max: the ends take a one-sided difference.
        double worst = 0;
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VE, ScheduleKind.EDM}) {
            GaussianMixtureDenoiser oracle = eightGaussians(kind);
            Schedule s = oracle.schedule();
            double[] central = ContinuityCells.stencil(s, 0.3, s.tMin(), Math.min(1, s.tMax()));
            assertTrue(central[0] < 0 && central[1] > 0, kind + ": central inside the range");
            double[] start = ContinuityCells.stencil(s, s.tMin(), s.tMin(), Math.min(1, s.tMax()));
            assertTrue(start[0] > 0 && start[3] > 0, kind + ": forward at tMin");
            double[] end = ContinuityCells.stencil(s, Math.min(1, s.tMax()), s.tMin(), Math.min(1, s.tMax()));
            assertTrue(end[0] < 0 && end[3] < 0, kind + ": backward at the end");
            for (double t : new double[] {s.tMin(), 0.01, 0.3, 1.0}) {
                for (double[] c : new double[][] {{1.35, 0}, {0.9, 0.9}, {0, 0}}) {
                    ContinuityCells cells = ContinuityCells.compute(oracle, oracle, c[0], c[1], 0.6, 3, t);
                    double scale = 0;
                    for (double r : cells.rate()) {
                        scale = Math.max(scale, Math.abs(r));
                    }
                    assertTrue(scale > 1e-6, kind + " t=" + t + ": mass moves (" + scale + ")");
                    worst = Math.max(worst, cells.largestMismatch() / scale);
                    for (int k = 0; k < 9; k++) {
                        assertEquals(cells.rate()[k], cells.inflow()[k], 1e-7 * scale,
                                kind + " t=" + t + " cell " + k + " at " + c[0] + "," + c[1]);
                    }
                }
            }
        }
        System.out.println("continuity, 8gaussians VE and EDM: largest |rate - inflow| / largest |rate| = " + worst);
    }

    @Test
    void massesAddUpToTheExactMassOfTheBlock() {
        // One Gaussian component, isotropic: the block's mass is a product of two normal CDF differences.
        GaussianMixtureDenoiser oracle = org.scorefield.core.field.FieldKindTest.gaussian(ScheduleKind.VP.createDefault());
        double t = 0.3;
        Schedule s = oracle.schedule();
        double a = s.alpha(t);
        double std = Math.sqrt(a * a * FieldKindTest.S * FieldKindTest.S + s.sigma(t) * s.sigma(t));
        ContinuityCells cells = ContinuityCells.compute(oracle, oracle, 0.5, -0.2, 0.4, 3, t);
        double total = 0;
        for (double m : cells.mass()) {
            total += m;
        }
        double px = cdf((1.1 - a * FieldKindTest.MX) / std) - cdf((-0.1 - a * FieldKindTest.MX) / std);
        double py = cdf((0.4 - a * FieldKindTest.MY) / std) - cdf((-0.8 - a * FieldKindTest.MY) / std);
        assertEquals(px * py, total, 1e-9);
    }

    @Test
    void memorisedPointsAgreeAtSmallNoiseToo() {
        var points = DatasetPreset.MOONS.sample(150, 3);
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR}) {
            EmpiricalDenoiser oracle = new EmpiricalDenoiser(points, kind.createDefault());
            for (double t : new double[] {0.03, 0.3}) {
                ContinuityCells cells = ContinuityCells.compute(oracle, oracle, 0.3, 0.2, 0.5, 3, t);
                double scale = 0;
                for (double r : cells.rate()) {
                    scale = Math.max(scale, Math.abs(r));
                }
                assertTrue(scale > 1e-4, kind + " t=" + t);
                assertEquals(0, cells.largestMismatch(), 1e-6 * scale, kind + " t=" + t);
            }
        }
    }

    @Test
    void theSwirlChangesTheFluxButNotTheInflowOfAnyCell() {
        GaussianMixtureDenoiser oracle = eightGaussians(ScheduleKind.VP);
        Denoiser swirled = SwirledDenoiser.of(oracle, 2.0);
        double t = 0.3;
        ContinuityCells plain = ContinuityCells.compute(oracle, oracle, 1.0, 0.6, 0.5, 3, t);
        ContinuityCells turned = ContinuityCells.compute(swirled, oracle, 1.0, 0.6, 0.5, 3, t);
        double scale = 0;
        for (double r : plain.rate()) {
            scale = Math.max(scale, Math.abs(r));
        }
        for (int k = 0; k < 9; k++) {
            assertEquals(plain.inflow()[k], turned.inflow()[k], 1e-7 * scale, "cell " + k);
        }
        GridSpec spec = new GridSpec(0, 2, 0, 1.2, 8, 5);
        VectorGrid a = ProbabilityFlux.grid(oracle, oracle, spec, t);
        VectorGrid b = ProbabilityFlux.grid(swirled, oracle, spec, t);
        assertTrue(FieldDifference.magnitude(a, b).max() > 0.05 * a.magnitudeMax(), "the flux itself turns");
    }

    @Test
    void refusesWhereTheVelocityIsUndefined() {
        GaussianMixtureDenoiser oracle = eightGaussians(ScheduleKind.VP);
        // VP: σ(0) = 0, the cells start at tMin() = 10⁻³
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ContinuityCells.compute(oracle, oracle, 0, 0, 0.5, 3, 0));
        assertTrue(e.getMessage().contains("0.001") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> ContinuityCells.compute(oracle, oracle, 0, 0, 0.5, 3, 1.5));
        assertThrows(InvalidInputException.class,
                () -> ContinuityCells.compute(oracle, oracle, 0, 0, 0.5, 3, Double.NaN));
        assertThrows(InvalidInputException.class, () -> ContinuityCells.compute(oracle, oracle, 0, 0, -1, 3, 0.5));
    }

    /** Φ by its series erf, to double precision for |z| below 6 (Abramowitz &amp; Stegun 7.1.5). */
    static double cdf(double z) {
        double x = z / Math.sqrt(2);
        if (Math.abs(x) > 6) {
            return x > 0 ? 1 : 0;
        }
        double sum = 0;
        double term = x;
        for (int k = 0; k < 400; k++) {
            sum += term / (2 * k + 1);
            term *= -x * x / (k + 1);
        }
        return 0.5 + sum / Math.sqrt(Math.PI);
    }
}
