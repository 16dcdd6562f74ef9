package org.scorefield.core.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.head.PredictionHead;
import org.scorefield.core.metric.NoiseFloor;
import org.scorefield.core.metric.SlicedWasserstein;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The swirl w/p_t = s·σ·J∇log p_t (docs/math.md §8.11): its velocity in closed form, ∇·(p_t·swirl) = 0 by
 * finite differences, and the marginals of swirled particles against unswirled ones and the noise floor.
 */
class SwirledDenoiserTest {

    static final GaussianMixture EIGHT = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();

    @Test
    void velocityIsThePfOdeVelocityPlusTheTurnedScaledScore() {
        // One isotropic Gaussian N(m, s²I): ŝ = −(x − αm)/(α²s² + σ²), J(a, b) = (−b, a).
        double mx = 0.7;
        double my = -0.4;
        double sd = 0.6;
        double strength = 1.5;
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR, ScheduleKind.VE}) {
            Schedule schedule = kind.createDefault();
            var g = new GaussianMixtureDenoiser(new GaussianMixture(java.util.List.of(
                    GaussianMixture.Component.isotropic(1, mx, my, sd, 0))), schedule);
            Denoiser swirled = SwirledDenoiser.of(g, strength);
            double t = 0.4;
            double a = schedule.alpha(t);
            double sigma = schedule.sigma(t);
            double var = a * a * sd * sd + sigma * sigma;
            double[] x = {1.2, 0.3, -0.5, 2.0};
            double[] u = swirled.velocity(x, t);
            double[] fromDenoise = PredictionHead.velocityFromData(schedule.at(t), x, swirled.denoise(x, t));
            for (int k = 0; k < 2; k++) {
                double sx = -(x[2 * k] - a * mx) / var;
                double sy = -(x[2 * k + 1] - a * my) / var;
                double ux = schedule.f(t) * x[2 * k] - 0.5 * schedule.g2(t) * sx - strength * sigma * sy;
                double uy = schedule.f(t) * x[2 * k + 1] - 0.5 * schedule.g2(t) * sy + strength * sigma * sx;
                assertEquals(ux, u[2 * k], 1e-9 * (1 + Math.abs(ux)), kind.id());
                assertEquals(uy, u[2 * k + 1], 1e-9 * (1 + Math.abs(uy)), kind.id());
                assertEquals(ux, fromDenoise[2 * k], 1e-9 * (1 + Math.abs(ux)), "denoise carries the swirl, " + kind.id());
                assertEquals(uy, fromDenoise[2 * k + 1], 1e-9 * (1 + Math.abs(uy)), kind.id());
                assertEquals(sx, swirled.score(x, t)[2 * k], 1e-12, "the score is the true one");
            }
        }
    }

    @Test
    void theSwirlsFluxIsDivergenceFree() {
        // ∇·(p_t·w/p_t) by central differences in double precision, at points around the 8 modes.
        Schedule schedule = ScheduleKind.VP.createDefault();
        var oracle = new GaussianMixtureDenoiser(EIGHT, schedule);
        double t = 0.2;
        double h = 1e-5;
        double largestTerm = 0;
        double largestDivergence = 0;
        SeededRandom rng = new SeededRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double x = 3 * (rng.nextUniform() - 0.5);
            double y = 3 * (rng.nextUniform() - 0.5);
            double dxx = flux(oracle, x + h, y, t)[0] - flux(oracle, x - h, y, t)[0];
            double dyy = flux(oracle, x, y + h, t)[1] - flux(oracle, x, y - h, t)[1];
            largestTerm = Math.max(largestTerm, Math.max(Math.abs(dxx), Math.abs(dyy)) / (2 * h));
            largestDivergence = Math.max(largestDivergence, Math.abs(dxx + dyy) / (2 * h));
        }
        assertTrue(largestTerm > 0.02, "each derivative is large: " + largestTerm);
        System.out.println("swirl flux: largest |div| " + largestDivergence + ", largest single derivative " + largestTerm);
        assertTrue(largestDivergence < 1e-6 * largestTerm, largestDivergence + " vs " + largestTerm);
    }

    /** p_t·(swirled û − û) at one point. */
    private static double[] flux(GaussianMixtureDenoiser oracle, double x, double y, double t) {
        double[] at = {x, y};
        double p = Math.exp(oracle.logDensity(at, t)[0]);
        double[] w = SwirledDenoiser.of(oracle, 1).velocity(at, t);
        double[] u = oracle.velocity(at, t);
        return new double[] {p * (w[0] - u[0]), p * (w[1] - u[1])};
    }

    /**
     * Particles from the same prior with and without the swirl, at five times along the path: their
     * SW2 stays within 1.2 × the noise floor of p_t at that size, while paired particles move apart.
     */
    @Test
    void theSwirlChangesNoMarginal() {
        int n = 2000;
        long seed = 11;
        double strength = 2.0;
        for (ScheduleKind kind : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR}) {
            Schedule schedule = kind.createDefault();
            var oracle = new GaussianMixtureDenoiser(EIGHT, schedule);
            SamplerSettings settings = SamplerSettings.defaults(SamplerKind.RK4).withSteps(100);
            SampleResult plain = Sampling.fromPrior(oracle, settings, n, seed, Recording.POSITIONS);
            SampleResult turned = Sampling.fromPrior(SwirledDenoiser.of(oracle, strength), settings, n, seed,
                    Recording.POSITIONS);
            var a = plain.trajectories();
            var b = turned.trajectories();
            int last = a.length() - 1;
            for (int r : new int[] {last / 5, 2 * last / 5, 3 * last / 5, 4 * last / 5, last}) {
                double t = a.times()[r];
                double sw2 = SlicedWasserstein.distance(a.positions()[r], b.positions()[r]);
                double floor = NoiseFloor.of(SlicedWasserstein::distance, (m, s) -> noised(schedule, t, m, s), n, seed);
                double moved = 0;
                for (int i = 0; i < n; i++) {
                    moved += Math.hypot(a.positions()[r][2 * i] - b.positions()[r][2 * i],
                            a.positions()[r][2 * i + 1] - b.positions()[r][2 * i + 1]);
                }
                moved /= n;
                System.out.println(String.format(Locale.ROOT, "swirl s=%.1f %s t=%.3f: SW2 %.4f, floor %.4f, "
                        + "ratio %.2f, mean displacement %.3f", strength, kind.id(), t, sw2, floor, sw2 / floor, moved));
                assertTrue(sw2 <= 1.2 * floor, kind + " t=" + t + ": SW2 " + sw2 + " floor " + floor);
                if (r >= 2 * last / 5) {
                    assertTrue(moved > 5 * floor, kind + " t=" + t + ": the particles turned (" + moved + ")");
                }
            }
        }
    }

    /** n points of p_t: data from the mixture, noised with fresh ε. */
    private static double[] noised(Schedule schedule, double t, int n, long seed) {
        double[] x0 = EIGHT.sample(n, new SeededRandom(SeededRandom.derive(seed, "x0"))).xy();
        double[] eps = new SeededRandom(SeededRandom.derive(seed, "eps")).gaussianPoints(n);
        double a = schedule.alpha(t);
        double s = schedule.sigma(t);
        for (int i = 0; i < x0.length; i++) {
            x0[i] = a * x0[i] + s * eps[i];
        }
        return x0;
    }

    @Test
    void zeroIsNoSwirlAndAFlowWithoutAScoreIsRefused() {
        var oracle = new GaussianMixtureDenoiser(EIGHT, ScheduleKind.VP.createDefault());
        assertSame(oracle, SwirledDenoiser.of(oracle, 0));
        assertThrows(InvalidInputException.class, () -> SwirledDenoiser.of(oracle, Double.NaN));
        Denoiser noScore = new Denoiser() {
            @Override
            public Schedule schedule() {
                return oracle.schedule();
            }

            @Override
            public boolean gaussianNoise() {
                return false;
            }

            @Override
            public double[] denoise(double[] xt, double t) {
                return xt.clone();
            }
        };
        assertThrows(InvalidInputException.class, () -> SwirledDenoiser.of(noScore, 1));
    }
}
