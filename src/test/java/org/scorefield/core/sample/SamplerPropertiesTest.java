package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Edm;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;
import org.scorefield.core.schedule.TimeGrid;

/** Identities between samplers, NFE accounting, trajectories and reproducibility. */
class SamplerPropertiesTest {

    /** Four modes, so that trajectories bend. */
    private static final GaussianMixture MODES = new GaussianMixture(List.of(
            GaussianMixture.Component.isotropic(1, 1, 1, 0.2, 0),
            GaussianMixture.Component.isotropic(1, -1, 1, 0.2, 1),
            GaussianMixture.Component.isotropic(1, -1, -1, 0.2, 2),
            GaussianMixture.Component.isotropic(2, 1, -1, 0.3, 3)));

    private static Denoiser oracle(Schedule s) {
        return new GaussianMixtureDenoiser(MODES, s);
    }

    private static double[] start(int n) {
        return new SeededRandom(17).gaussianPoints(n);
    }

    /** docs/math.md §6.1: under VE with σ = t, an Euler step from t to t' is (t'/t)·x + (1 − t'/t)·D(x; t). */
    @Test
    void eulerStepWithSigmaEqualToTimeIsAConvexCombination() {
        Edm sigmaIsT = new Edm(0.002, 1.0);
        Denoiser d = oracle(sigmaIsT);
        double t = 0.8;
        double tNext = 0.3;
        double[] x = start(30);
        double[] out = new EulerMaruyamaSampler(0).run(d, x, TimeGrid.of(t, tNext), null, StepObserver.NONE);
        double[] dx = d.denoise(x, t);
        for (int i = 0; i < x.length; i++) {
            assertEquals(tNext / t * x[i] + (1 - tNext / t) * dx[i], out[i], 1e-12);
        }
    }

    /** Book 9.2 and docs/math.md §12.4: Euler on û equals DDIM exactly for schedules linear in t. */
    @Test
    void ddimIsEulerForSchedulesLinearInTime() {
        for (Schedule s : List.of(ScheduleKind.LINEAR.createDefault(), ScheduleKind.EDM.createDefault())) {
            TimeGrid grid = GridKind.UNIFORM.build(s, 1.0, s.tMin(), 12);
            double[] euler = new EulerMaruyamaSampler(0).run(oracle(s), start(40), grid, null, StepObserver.NONE);
            double[] ddim = new DdimSampler(0).run(oracle(s), start(40), grid, null, StepObserver.NONE);
            assertArrayEquals(euler, ddim, 1e-9, s.describe());
        }
        // and not for VP, where α and σ are curved in t
        Schedule vp = ScheduleKind.VP.createDefault();
        TimeGrid grid = GridKind.UNIFORM.build(vp, 1.0, 1e-3, 12);
        double[] euler = new EulerMaruyamaSampler(0).run(oracle(vp), start(40), grid, null, StepObserver.NONE);
        double[] ddim = new DdimSampler(0).run(oracle(vp), start(40), grid, null, StepObserver.NONE);
        assertTrue(ClosedForm.meanDistance(euler, ddim) > 1e-3);
    }

    /** DPM-Solver++'s first step is first order: one step of it is one DDIM step. */
    @Test
    void dpmSolverFirstStepIsDdim() {
        Schedule vp = ScheduleKind.VP.createDefault();
        TimeGrid grid = TimeGrid.of(1.0, 0.4);
        double[] dpm = new DpmSolverPp2M().run(oracle(vp), start(20), grid, null, StepObserver.NONE);
        double[] ddim = new DdimSampler(0).run(oracle(vp), start(20), grid, null, StepObserver.NONE);
        assertArrayEquals(ddim, dpm, 1e-12);
    }

    /** Without churn, Karras Algorithm 2 is Algorithm 1: Heun, here on the EDM schedule σ = σ_max·t. */
    @Test
    void edmSamplerWithoutChurnIsHeun() {
        Schedule edm = ScheduleKind.EDM.createDefault();
        TimeGrid grid = GridKind.EDM.build(edm, 1.0, edm.tMin(), 10);
        double[] heun = new HeunSampler().run(oracle(edm), start(25), grid, null, StepObserver.NONE);
        double[] churn0 = EdmStochasticSampler.withChurn(0).run(oracle(edm), start(25), grid,
                new SeededRandom(1), StepObserver.NONE);
        assertArrayEquals(heun, churn0, 1e-10);
    }

    /** On VP the EDM sampler works on x/α against σ/α, and still solves the same PF-ODE. */
    @Test
    void edmSamplerWithoutChurnSolvesThePfOdeOnOtherSchedules() {
        Schedule vp = ScheduleKind.VP.createDefault();
        Denoiser d = ClosedForm.denoiser(vp);
        TimeGrid grid = GridKind.EDM.build(vp, 1.0, 1e-3, 128);
        double[] x = start(50);
        double[] out = EdmStochasticSampler.withChurn(0).run(d, x, grid, new SeededRandom(1), StepObserver.NONE);
        assertTrue(ClosedForm.meanDistance(out, ClosedForm.flow(vp, x, 1.0, 1e-3)) < 1e-3);
    }

    @ParameterizedTest
    @EnumSource(SamplerKind.class)
    void nfeIsCountedAsTheMethodPrescribes(SamplerKind kind) {
        int k = 8;
        SamplerSettings s = SamplerSettings.defaults(kind).withSteps(k).withLangevin(3, 0.05);
        SampleResult r = Sampling.fromPrior(oracle(ScheduleKind.VP.createDefault()), s, 5, 1, Recording.NONE);
        long expected = switch (kind) {
            case EULER, DDIM, DDIM_ETA, DPM2M, SDE -> k;
            case HEUN, EDM_CHURN -> 2L * k;
            case RK4 -> 4L * k;
            case LANGEVIN -> (k + 1) * 3L;
            case PC -> k * (1 + 3L);
        };
        assertEquals(expected + 1, r.nfe(), "including the final denoising step");
        SampleResult noFinal = Sampling.fromPrior(oracle(ScheduleKind.VP.createDefault()), s.withFinalDenoise(false),
                5, 1, Recording.NONE);
        assertEquals(expected, noFinal.nfe());
    }

    @ParameterizedTest
    @EnumSource(SamplerKind.class)
    void trajectoriesHoldEveryGridTimeAndTheDenoisedPath(SamplerKind kind) {
        Schedule vp = ScheduleKind.VP.createDefault();
        SamplerSettings s = SamplerSettings.defaults(kind).withSteps(6).withLangevin(2, 0.05);
        SampleResult r = Sampling.fromPrior(oracle(vp), s, 7, 3, Recording.POSITIONS_AND_DENOISED);
        Trajectories tr = r.trajectories();
        assertNotNull(tr);
        assertEquals(6 + 2, tr.length(), "K + 1 grid times and the final denoised point");
        assertArrayEquals(r.grid().times(), Arrays.copyOf(tr.times(), 7), 0.0);
        assertEquals(0.0, tr.times()[7], 0.0);
        assertArrayEquals(r.samples(), tr.positions()[7], 0.0);
        assertEquals(7, tr.particles());
        if (kind != SamplerKind.LANGEVIN) {
            assertArrayEquals(Sampling.prior(vp, s, 7, 3), tr.positions()[0], 0.0, "starts at the prior draw");
        }
        for (int row = 0; row < 7; row++) {
            double[] expected = oracle(vp).denoise(tr.positions()[row], tr.times()[row]);
            assertArrayEquals(expected, tr.denoised()[row], 1e-12, "x̂0 at row " + row);
        }
        assertEquals(2 * 8, tr.path(3).length);
        assertNull(Sampling.fromPrior(oracle(vp), s, 7, 3, Recording.NONE).trajectories());
        assertFalse(Sampling.fromPrior(oracle(vp), s, 7, 3, Recording.POSITIONS).trajectories().hasDenoised());
    }

    @ParameterizedTest
    @EnumSource(SamplerKind.class)
    void sameSeedSameBitsAndOtherSeedOtherNoise(SamplerKind kind) {
        Schedule vp = ScheduleKind.VP.createDefault();
        SamplerSettings s = SamplerSettings.defaults(kind).withSteps(10).withLangevin(2, 0.05);
        double[] a = Sampling.fromPrior(oracle(vp), s, 50, 123, Recording.NONE).samples();
        double[] b = Sampling.fromPrior(oracle(vp), s, 50, 123, Recording.NONE).samples();
        assertArrayEquals(a, b, 0.0);
        double[] x = start(50);
        double[] c = Sampling.fromPoints(oracle(vp), s, x, 5, Recording.NONE).samples();
        double[] d = Sampling.fromPoints(oracle(vp), s, x, 6, Recording.NONE).samples();
        if (s.stochastic()) {
            assertTrue(ClosedForm.meanDistance(c, d) > 1e-6, "another seed, other noise");
        } else {
            assertArrayEquals(c, d, 0.0, "a deterministic sampler ignores the noise seed");
        }
    }

    @Test
    void odeAndSdeRunsWithOneSeedStartFromTheSameNoise() {
        Schedule vp = ScheduleKind.VP.createDefault();
        SampleResult ode = Sampling.fromPrior(oracle(vp), SamplerSettings.defaults(SamplerKind.HEUN), 20, 9,
                Recording.POSITIONS);
        SampleResult sde = Sampling.fromPrior(oracle(vp), SamplerSettings.defaults(SamplerKind.SDE), 20, 9,
                Recording.POSITIONS);
        assertArrayEquals(ode.trajectories().positions()[0], sde.trajectories().positions()[0], 0.0);
    }

    @Test
    void startAndEndTimesFollowTheSchedule() {
        Schedule lin = ScheduleKind.LINEAR.createDefault();
        SamplerSettings heunUniform = SamplerSettings.defaults(SamplerKind.HEUN).withGrid(GridKind.UNIFORM);
        SamplerSettings sdeUniform = SamplerSettings.defaults(SamplerKind.SDE).withGrid(GridKind.UNIFORM);
        assertEquals(1.0, Sampling.startTime(lin, heunUniform), 0, "an ODE sampler may start at t = 1");
        assertEquals(lin.tMax(), Sampling.startTime(lin, sdeUniform), 0, "the SDE needs a finite g");
        assertEquals(lin.tMax(), Sampling.startTime(lin, SamplerSettings.defaults(SamplerKind.DPM2M)
                .withGrid(GridKind.UNIFORM)), 0, "DPM-Solver needs a finite λ");
        assertEquals(lin.tMax(), Sampling.startTime(lin, SamplerSettings.defaults(SamplerKind.HEUN)), 0,
                "the log-SNR grid needs a finite λ");
        assertEquals(1.0, Sampling.startTime(lin, sdeUniform.withEta(0)), 0);
        Schedule edm = ScheduleKind.EDM.createDefault();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Sampling.grid(edm, SamplerSettings.defaults(SamplerKind.HEUN).withTMin(0)));
        assertTrue(e.getMessage().contains("leaves no noise"), e.getMessage());
        assertEquals(0.0, Sampling.endTime(ScheduleKind.VE.createDefault(), SamplerSettings.defaults(SamplerKind.HEUN)));
    }

    @Test
    void samplingFromAClickedPointRunsOneTrajectory() {
        Schedule vp = ScheduleKind.VP.createDefault();
        SampleResult r = Sampling.fromPoints(oracle(vp), SamplerSettings.defaults(SamplerKind.HEUN),
                new double[] {0.3, -0.2}, 1, Recording.POSITIONS);
        assertEquals(1, r.trajectories().particles());
        assertEquals(2, r.samples().length);
    }

    @Test
    void impossibleSettingsAreRefusedWithReasons() {
        assertThrows(InvalidInputException.class, () -> SamplerSettings.defaults(SamplerKind.HEUN).withSteps(0));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SamplerSettings.defaults(SamplerKind.DDIM_ETA).withEta(1.5));
        assertTrue(e.getMessage().contains("sde"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> SamplerSettings.defaults(SamplerKind.SDE).withEta(-1));
        assertThrows(InvalidInputException.class, () -> SamplerKind.fromId("heun3"));
    }

    /** A denoiser whose answers are finite but overflow once the points grow: x̂0 = 1e300 · x. */
    @ParameterizedTest
    @EnumSource(SamplerKind.class)
    void samplesThatOverflowAreRefusedWhereTheyArise(SamplerKind kind) {
        Schedule vp = ScheduleKind.VP.createDefault();
        Denoiser huge = new Denoiser() {
            @Override
            public Schedule schedule() {
                return vp;
            }

            @Override
            public double[] denoise(double[] xt, double t) {
                double[] out = new double[xt.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = 1e300 * xt[i];
                }
                return out;
            }
        };
        SamplerSettings s = SamplerSettings.defaults(kind).withSteps(64).withLangevin(2, 0.05);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Sampling.fromPrior(huge, s, 16, 3, Recording.NONE));
        assertEquals("The samples became infinite or NaN: the denoiser's outputs overflow on the way (a model's "
                + "weights or the process constants are too large).", e.getMessage());
    }
}
