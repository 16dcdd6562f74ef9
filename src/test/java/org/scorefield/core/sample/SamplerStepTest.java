package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Edm;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.schedule.TimeGrid;

/**
 * Single steps of the stochastic samplers against formulas written independently of the code:
 * the step's mean and spread from one fixed start, with a denoiser that always answers the same x̂0.
 */
class SamplerStepTest {

    private static final int N = 40_000;
    private static final double X0X = 0.6;
    private static final double X0Y = -0.3;

    /** A denoiser that answers (X0X, X0Y) everywhere. */
    private static Denoiser constant(Schedule schedule, double ax, double ay) {
        return new Denoiser() {
            @Override
            public Schedule schedule() {
                return schedule;
            }

            @Override
            public double[] denoise(double[] xt, double t) {
                double[] out = new double[xt.length];
                for (int i = 0; i < out.length; i += 2) {
                    out[i] = ax;
                    out[i + 1] = ay;
                }
                return out;
            }
        };
    }

    /** N copies of the point (x, y). */
    private static double[] copies(double x, double y) {
        double[] out = new double[2 * N];
        for (int i = 0; i < out.length; i += 2) {
            out[i] = x;
            out[i + 1] = y;
        }
        return out;
    }

    /** {mean x, mean y, variance (pooled over both coordinates)}. */
    private static double[] moments(double[] x) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i += 2) {
            mx += x[i];
            my += x[i + 1];
        }
        mx /= N;
        my /= N;
        double v = 0;
        for (int i = 0; i < x.length; i += 2) {
            v += (x[i] - mx) * (x[i] - mx) + (x[i + 1] - my) * (x[i + 1] - my);
        }
        return new double[] {mx, my, v / (2 * N)};
    }

    /**
     * DDIM-η with η = 1 is the DDPM posterior q(x_t | x_s, x0), t < s: with α_{s|t} = α_s/α_t and
     * σ_{s|t}² = σ_s² − α_{s|t}² σ_t², its mean is (α_{s|t} σ_t²/σ_s²)·x_s + (α_t σ_{s|t}²/σ_s²)·x0 and its
     * variance σ_t² σ_{s|t}²/σ_s² (Ho et al. 2020, eq. 7, for any affine schedule); η scales the
     * standard deviation of the fresh noise.
     */
    @Test
    void ddimEtaStepIsTheDdpmPosterior() {
        for (ScheduleKind k : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.VE, ScheduleKind.LINEAR}) {
            Schedule sch = k.createDefault();
            double s = 0.6;
            double t = 0.35;
            double xs = 0.9;
            double ys = -1.4;
            double alphaTs = sch.alpha(s) / sch.alpha(t);
            double sigmaTs2 = sch.sigma(s) * sch.sigma(s) - alphaTs * alphaTs * sch.sigma(t) * sch.sigma(t);
            double st2 = sch.sigma(t) * sch.sigma(t);
            double ss2 = sch.sigma(s) * sch.sigma(s);
            double meanX = alphaTs * st2 / ss2 * xs + sch.alpha(t) * sigmaTs2 / ss2 * X0X;
            double meanY = alphaTs * st2 / ss2 * ys + sch.alpha(t) * sigmaTs2 / ss2 * X0Y;
            double variance = st2 * sigmaTs2 / ss2;
            for (double eta : new double[] {1.0, 0.5}) {
                double[] out = new DdimSampler(eta).run(constant(sch, X0X, X0Y), copies(xs, ys), TimeGrid.of(s, t),
                        new SeededRandom(3), StepObserver.NONE);
                double[] m = moments(out);
                double c2 = eta * eta * variance;
                double se = Math.sqrt(c2 / N);
                if (eta == 1.0) {
                    assertEquals(meanX, m[0], 4.5 * se, k.id() + " posterior mean x");
                    assertEquals(meanY, m[1], 4.5 * se, k.id() + " posterior mean y");
                }
                assertEquals(c2, m[2], 0.04 * c2, k.id() + " η=" + eta + " variance c²");
            }
        }
    }

    /**
     * One Euler–Maruyama step moves by the PF-ODE drift written as in book 4.1.7, f·x − ½g²ŝ, plus
     * the score correction ½hη²g²ŝ, and adds noise of variance η²g²h: γ = η·g exactly.
     */
    @Test
    void eulerMaruyamaStepHasTheDriftAndNoiseOfTheFamily() {
        Schedule vp = ScheduleKind.VP.createDefault();
        double t = 0.5;
        double tNext = 0.48;
        double h = t - tNext;
        double x = 0.7;
        double y = 0.2;
        double sigma2 = vp.sigma(t) * vp.sigma(t);
        double scoreX = (vp.alpha(t) * X0X - x) / sigma2;
        double scoreY = (vp.alpha(t) * X0Y - y) / sigma2;
        for (double eta : new double[] {0, 1, 2}) {
            double g2 = vp.g2(t);
            double driftX = vp.f(t) * x - 0.5 * g2 * scoreX;
            double driftY = vp.f(t) * y - 0.5 * g2 * scoreY;
            double meanX = x - h * driftX + 0.5 * h * eta * eta * g2 * scoreX;
            double meanY = y - h * driftY + 0.5 * h * eta * eta * g2 * scoreY;
            double[] out = new EulerMaruyamaSampler(eta).run(constant(vp, X0X, X0Y), copies(x, y),
                    TimeGrid.of(t, tNext), new SeededRandom(4), StepObserver.NONE);
            double[] m = moments(out);
            double variance = eta * eta * g2 * h;
            double se = Math.sqrt(variance / N) + 1e-12;
            assertEquals(meanX, m[0], 4.5 * se, "η=" + eta + " mean x");
            assertEquals(meanY, m[1], 4.5 * se, "η=" + eta + " mean y");
            assertEquals(variance, m[2], 0.04 * variance + 1e-20, "η=" + eta + " variance η²g²h");
        }
    }

    /**
     * With x̂0 ≡ 0 the EDM ODE dx/dσ = x/σ scales x by σ_{i+1}/σ̂ exactly, Euler or Heun alike, so
     * without noise (S_noise = 0) the end point reveals σ̂ = σ_i(1 + γ_i) with
     * γ_i = min(S_churn/K, √2 − 1) on [S_tmin, S_tmax], and no churn above the first level.
     */
    @Test
    void edmChurnRaisesTheNoiseLevelByGamma() {
        Edm edm = new Edm(0.002, 10);
        TimeGrid grid = TimeGrid.of(1.0, 0.5, 0.2); // σ = 10, 5, 2; K = 2
        double[] x = {1.5, -0.5};
        Denoiser zero = constant(edm, 0, 0);
        double[][] cases = { // S_churn, S_tmax, expected factor x_K/x_0
            {0.4, 50, 2.0 / (10 * 1.2)}, // γ = 0.2 at σ = 5; the first level is never raised above σ_max
            {2.0, 50, 2.0 / (10 * Math.sqrt(2))}, // γ capped at √2 − 1
            {0.4, 4, 2.0 / 10}, // σ = 5 lies above S_tmax: no churn
            {0.0, 50, 2.0 / 10},
        };
        for (double[] c : cases) {
            double[] out = new EdmStochasticSampler(c[0], 0.05, c[1], 0.0).run(zero, x, grid, new SeededRandom(1),
                    StepObserver.NONE);
            assertEquals(x[0] * c[2], out[0], 1e-12, "S_churn " + c[0] + ", S_tmax " + c[1]);
            assertEquals(x[1] * c[2], out[1], 1e-12);
        }
    }

    @Test
    void ddimEtaAtZeroIsDdim() {
        Schedule vp = ScheduleKind.VP.createDefault();
        Denoiser d = ClosedForm.denoiser(vp);
        SampleResult ddim = Sampling.fromPrior(d, SamplerSettings.defaults(SamplerKind.DDIM), 50, 8, Recording.NONE);
        SampleResult eta0 = Sampling.fromPrior(d, SamplerSettings.defaults(SamplerKind.DDIM_ETA).withEta(0), 50, 8,
                Recording.NONE);
        assertArrayEquals(ddim.samples(), eta0.samples(), 0.0);
    }

    /** Euler–Maruyama diverges where |1 − h f − ½h(1 + η²)g²/σ²| > 1: refused, with what to change. */
    @Test
    void unstableEulerMaruyamaGridsAreRefusedAndStableOnesStayBounded() {
        Schedule lin = ScheduleKind.LINEAR.createDefault();
        Denoiser d = ClosedForm.denoiser(lin);
        SamplerSettings sde = SamplerSettings.defaults(SamplerKind.SDE);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Sampling.fromPrior(d, sde.withGrid(GridKind.UNIFORM), 100, 1, Recording.NONE));
        assertTrue(e.getMessage().contains("would diverge") && e.getMessage().contains("logsnr"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> Sampling.fromPrior(d, SamplerSettings.defaults(SamplerKind.PC).withGrid(GridKind.UNIFORM), 100,
                        1, Recording.NONE));
        assertThrows(InvalidInputException.class, () -> Sampling.fromPrior(d, sde.withEta(3), 100, 1, Recording.NONE));
        assertDoesNotThrow(() -> Sampling.fromPrior(d, sde.withEta(3).withSteps(128), 100, 1, Recording.NONE));

        for (ScheduleKind k : new ScheduleKind[] {ScheduleKind.LINEAR, ScheduleKind.TRIG, ScheduleKind.VP_COSINE,
            ScheduleKind.VP}) {
            Schedule s = k.createDefault();
            SampleResult r = Sampling.fromPrior(ClosedForm.denoiser(s), sde, 2000, 1, Recording.POSITIONS);
            for (double[] row : r.trajectories().positions()) {
                double rms = Math.sqrt(moments2(row));
                assertTrue(rms < 2.0, k.id() + ": the cloud's rms stays near the data's and the prior's, got " + rms);
            }
        }
    }

    private static double moments2(double[] row) {
        double sum = 0;
        for (double v : row) {
            sum += v * v;
        }
        return sum / (row.length / 2);
    }
}
