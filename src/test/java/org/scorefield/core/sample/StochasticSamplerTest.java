package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * Stochastic samplers keep the marginals p_t (book Prop 6.4.1): for Gaussian data p_t is known
 * exactly, N(α m, s_t² I), so the end points' mean and spread can be checked against it.
 */
class StochasticSamplerTest {

    private static final int N = 20_000;

    /** Mean (x, y) and the pooled standard deviation of interleaved points. */
    private static double[] moments(double[] x) {
        int n = x.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[2 * i];
            my += x[2 * i + 1];
        }
        mx /= n;
        my /= n;
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += (x[2 * i] - mx) * (x[2 * i] - mx) + (x[2 * i + 1] - my) * (x[2 * i + 1] - my);
        }
        return new double[] {mx, my, Math.sqrt(v / (2 * n))};
    }

    /** Runs to t_min without the final denoising and returns the spread relative to p_{t_min}'s. */
    private static double checkMarginal(Schedule s, SamplerSettings settings, double stdTolerance) {
        SamplerSettings st = settings.withFinalDenoise(false);
        double[] x = Sampling.fromPrior(ClosedForm.denoiser(s), st, N, 5, Recording.NONE).samples();
        double tEnd = Sampling.endTime(s, st);
        double[] m = moments(x);
        double std = ClosedForm.std(s, tEnd);
        double se = std / Math.sqrt(N);
        String what = st.kind().id() + " η=" + st.eta() + " K=" + st.steps() + " on " + s.kind().id();
        assertEquals(s.alpha(tEnd) * ClosedForm.MX, m[0], 4.5 * se + 0.005, what + " mean x");
        assertEquals(s.alpha(tEnd) * ClosedForm.MY, m[1], 4.5 * se + 0.005, what + " mean y");
        assertEquals(1, m[2] / std, stdTolerance, what + " std ratio");
        return m[2] / std;
    }

    @Test
    void reverseSdeAndNoisierMembersOfTheFamilyKeepTheMarginals() {
        for (ScheduleKind k : new ScheduleKind[] {ScheduleKind.VP, ScheduleKind.LINEAR, ScheduleKind.VE}) {
            Schedule s = k.createDefault();
            checkMarginal(s, SamplerSettings.defaults(SamplerKind.SDE).withSteps(400), 0.015);
            checkMarginal(s, SamplerSettings.defaults(SamplerKind.SDE).withSteps(400).withEta(2), 0.03);
        }
    }

    @Test
    void predictorCorrectorKeepsTheMarginals() {
        checkMarginal(ScheduleKind.VP.createDefault(), SamplerSettings.defaults(SamplerKind.PC).withSteps(100), 0.015);
        checkMarginal(ScheduleKind.VE.createDefault(), SamplerSettings.defaults(SamplerKind.PC).withSteps(100), 0.015);
    }

    @Test
    void edmChurnKeepsTheMarginals() {
        SamplerSettings churn = SamplerSettings.defaults(SamplerKind.EDM_CHURN).withSteps(64).withChurn(20)
                .withGrid(GridKind.EDM);
        checkMarginal(ScheduleKind.VE.createDefault(), churn, 0.03);
        checkMarginal(ScheduleKind.VP.createDefault(), churn, 0.03);
    }

    /** DDIM-η with x̂0 in place of x0 is exact only as steps shrink: first-order weak convergence. */
    @Test
    void ddimEtaConvergesToTheMarginalsAtFirstOrder() {
        Schedule vp = ScheduleKind.VP.createDefault();
        SamplerSettings ddpm = SamplerSettings.defaults(SamplerKind.DDIM_ETA).withEta(1);
        double coarse = Math.abs(1 - checkMarginal(vp, ddpm.withSteps(100), 0.1));
        double fine = Math.abs(1 - checkMarginal(vp, ddpm.withSteps(400), 0.03));
        assertTrue(fine < 0.4 * coarse, "error " + coarse + " at K=100, " + fine + " at K=400");
    }

    /**
     * One Langevin level started in p_t = N(μ, v) stays at the stationary law of its discretisation:
     * x' − μ = (1 − η/v)(x − μ) + sqrt(2η) ξ has variance v/(1 − η/(2v)). Without the √2 of the
     * noise (docs/math.md §5.13) it would be half that.
     */
    @Test
    void aLangevinLevelLeavesItsExactStationaryLaw() {
        Schedule vp = ScheduleKind.VP.createDefault();
        double t = 0.5;
        double r = 0.2;
        Denoiser d = ClosedForm.denoiser(vp);
        double std = ClosedForm.std(vp, t);
        double v = std * std;
        double eta = r * vp.sigma(t) * vp.sigma(t);
        double[] x = new SeededRandom(8).gaussianPoints(N);
        for (int i = 0; i < x.length; i += 2) {
            x[i] = vp.alpha(t) * ClosedForm.MX + std * x[i];
            x[i + 1] = vp.alpha(t) * ClosedForm.MY + std * x[i + 1];
        }
        new LangevinCorrector(200, r).run(d, x, t, new SeededRandom(9));
        double[] m = moments(x);
        double expected = Math.sqrt(v / (1 - eta / (2 * v)));
        assertEquals(vp.alpha(t) * ClosedForm.MX, m[0], 4.5 * std / Math.sqrt(N));
        assertEquals(expected, m[2], 0.01 * expected, "ULA stationary std");
        assertTrue(Math.abs(m[2] - std) > 0.02 * std, "the discretisation bias is visible, and predicted");
    }

    /** Annealing through enough levels reaches p_{t_min} where modes are narrow relative to σ. */
    @Test
    void annealedLangevinReachesTheTargetWithEnoughLevels() {
        SamplerSettings s = SamplerSettings.defaults(SamplerKind.LANGEVIN).withSteps(50).withLangevin(20, 0.3)
                .withGrid(GridKind.LOG_SNR);
        checkMarginal(ScheduleKind.VE.createDefault(), s, 0.03);
    }
}
