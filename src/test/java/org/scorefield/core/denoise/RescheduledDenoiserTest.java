package org.scorefield.core.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SamplerKind;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * A denoiser read under another schedule (docs/math.md §2.10, book Prop 6.3.3): for an exact oracle the
 * change of time and scale must give the oracle of the other schedule itself, which is computed here
 * directly from the mixture under that schedule.
 */
class RescheduledDenoiserTest {

    static final GaussianMixture EIGHT = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();

    static final double[] POINTS = {0.3, -1.2, 2.5, 0.4, -0.7, -0.1, 4.0, -3.5, 0.0, 0.0};

    @Test
    void theOracleOfOneScheduleReadUnderAnotherIsTheOtherSchedulesOracle() {
        ScheduleKind[][] pairs = {{ScheduleKind.VP, ScheduleKind.LINEAR}, {ScheduleKind.LINEAR, ScheduleKind.VP},
            {ScheduleKind.VP, ScheduleKind.EDM}, {ScheduleKind.VE, ScheduleKind.VP_COSINE},
            {ScheduleKind.SUB_VP, ScheduleKind.TRIG}};
        int compared = 0;
        for (ScheduleKind[] pair : pairs) {
            Schedule trained = pair[0].createDefault();
            Schedule other = pair[1].createDefault();
            Denoiser read = RescheduledDenoiser.of(new GaussianMixtureDenoiser(EIGHT, trained), other);
            Denoiser direct = new GaussianMixtureDenoiser(EIGHT, other);
            for (int i = 0; i <= 40; i++) {
                double t = other.tMin() + (other.tMax() - other.tMin()) * i / 40.0;
                double lambda = other.lambda(t);
                // only where the trained schedule reaches the same λ inside [0, 1] is the map exact
                if (lambda > trained.lambda(trained.tMin()) || lambda < trained.lambda(trained.tMax())) {
                    continue;
                }
                double[] expected = direct.denoise(POINTS, t);
                double[] got = read.denoise(POINTS, t);
                for (int k = 0; k < POINTS.length; k++) {
                    assertEquals(expected[k], got[k], 1e-9 * (1 + Math.abs(expected[k])),
                            pair[0].id() + " read as " + pair[1].id() + " at t = " + t);
                }
                compared++;
            }
        }
        assertTrue(compared > 120, "compared at " + compared + " times");
    }

    @Test
    void theTrainedTimeHasTheSameHalfLogSnr() {
        Schedule vp = ScheduleKind.VP.createDefault();
        Schedule linear = ScheduleKind.LINEAR.createDefault();
        var read = (RescheduledDenoiser) RescheduledDenoiser.of(new GaussianMixtureDenoiser(EIGHT, vp), linear);
        for (double t : new double[] {0.01, 0.1, 0.3, 0.5, 0.8, 0.99}) {
            // linear: α = 1 − t, σ = t, so λ = log((1 − t)/t)
            double lambda = Math.log((1 - t) / t);
            double tPrime = read.trainedTime(t);
            assertEquals(lambda, vp.lambda(tPrime), 1e-9, "t = " + t);
        }
        // below the trained prior's signal-to-noise ratio the time is held at 1, noise of its size
        double tTop = linear.tMax();
        assertTrue(linear.lambda(tTop) < vp.lambda(1.0));
        assertEquals(1.0, read.trainedTime(tTop));
        double[] x0 = read.denoise(POINTS, tTop);
        assertTrue(Arrays.stream(x0).allMatch(Double::isFinite));
    }

    @Test
    void samplesFromTheSameNoiseEndWhereTheOtherSchedulesOracleEnds() {
        // RK4 with 64 log-SNR steps from the same seed: the VP oracle read under linear against the linear oracle
        Schedule linear = ScheduleKind.LINEAR.createDefault();
        Denoiser read = RescheduledDenoiser.of(new GaussianMixtureDenoiser(EIGHT, ScheduleKind.VP.createDefault()),
                linear);
        Denoiser direct = new GaussianMixtureDenoiser(EIGHT, linear);
        SamplerSettings settings = SamplerKind.RK4.settings(64, SamplerSettings.defaults(SamplerKind.RK4).grid(),
                SamplerSettings.defaults(SamplerKind.RK4).eta());
        int n = 500;
        double[] a = Sampling.fromPrior(read, settings, n, 11, Recording.NONE).samples();
        double[] b = Sampling.fromPrior(direct, settings, n, 11, Recording.NONE).samples();
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            distance[i] = Math.hypot(a[2 * i] - b[2 * i], a[2 * i + 1] - b[2 * i + 1]);
        }
        Arrays.sort(distance);
        // the modes lie 4 apart with spread 0.1 (or so); the ends differ only by the first steps' held time
        assertTrue(distance[n / 2] < 1e-3, "median distance " + distance[n / 2]);
        assertTrue(distance[n - 1] < 0.05, "largest distance " + distance[n - 1]);
    }

    @Test
    void theSameScheduleOrAWrappedOneIsNotWrappedAgain() {
        Schedule vp = ScheduleKind.VP.createDefault();
        Schedule linear = ScheduleKind.LINEAR.createDefault();
        Denoiser oracle = new GaussianMixtureDenoiser(EIGHT, vp);
        assertSame(oracle, RescheduledDenoiser.of(oracle, vp));
        Denoiser once = RescheduledDenoiser.of(oracle, linear);
        assertSame(oracle, RescheduledDenoiser.of(once, vp), "back to the trained schedule");
        Denoiser twice = RescheduledDenoiser.of(once, ScheduleKind.EDM.createDefault());
        assertSame(oracle, ((RescheduledDenoiser) twice).trained());
    }

    @Test
    void aFlowFromAnotherSourceIsRefusedInOneSentence() {
        Denoiser flow = new Denoiser() {
            @Override
            public Schedule schedule() {
                return ScheduleKind.LINEAR.createDefault();
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
        var e = assertThrows(InvalidInputException.class,
                () -> RescheduledDenoiser.of(flow, ScheduleKind.VP.createDefault()));
        assertTrue(e.getMessage().contains("Gaussian noise"), e.getMessage());
    }
}
