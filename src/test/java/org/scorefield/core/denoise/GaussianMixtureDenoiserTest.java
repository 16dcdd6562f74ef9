package org.scorefield.core.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.GaussianMixture.Component;
import org.scorefield.core.head.PredictionHead;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The mixture oracle of docs/math.md §4.2 against independent computations. */
class GaussianMixtureDenoiserTest {

    /** Three components with different weights and correlated covariances. */
    static final GaussianMixture MIXTURE = new GaussianMixture(List.of(
            new Component(0.5, -1.0, 0.5, 0.09, 0.03, 0.04, 0),
            new Component(0.3, 1.0, 0.8, 0.02, -0.01, 0.08, 1),
            new Component(0.2, 0.2, -1.0, 0.05, 0.0, 0.05, 2)));

    private static double[] queries() {
        return new SeededRandom(3).gaussianPoints(40);
    }

    @Test
    void scoreIsTheGradientOfTheLogDensity() {
        GaussianMixtureDenoiser d = new GaussianMixtureDenoiser(MIXTURE, ScheduleKind.VP.createDefault());
        double[] x = queries();
        for (double t : new double[] {0.01, 0.1, 0.5, 0.95}) {
            double[] score = d.score(x, t);
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (d.logDensity(plus, t)[i / 2] - d.logDensity(minus, t)[i / 2]) / (2 * h);
                assertEquals(numeric, score[i], 1e-5 * Math.max(1, Math.abs(numeric)), "t=" + t + " coord " + i);
            }
        }
    }

    @Test
    void denoiserAndScoreAgreeThroughTweedie() {
        for (ScheduleKind k : ScheduleKind.values()) {
            Schedule s = k.createDefault();
            GaussianMixtureDenoiser d = new GaussianMixtureDenoiser(MIXTURE, s);
            double[] x = queries();
            for (double t : new double[] {0.05, 0.4, 0.8}) {
                double[] viaTweedie = PredictionHead.dataFromScore(s.at(t), x, d.score(x, t));
                assertArrayEquals(viaTweedie, d.denoise(x, t), 1e-9, k.id() + " t=" + t);
            }
        }
    }

    @Test
    void densityIntegratesToOne() {
        GaussianMixtureDenoiser d = new GaussianMixtureDenoiser(MIXTURE, ScheduleKind.VP.createDefault());
        for (double t : new double[] {0.05, 0.5}) {
            int n = 400;
            double lo = -5;
            double hi = 5;
            double cell = (hi - lo) / n;
            double[] grid = new double[2 * n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    grid[2 * (i * n + j)] = lo + (i + 0.5) * cell;
                    grid[2 * (i * n + j) + 1] = lo + (j + 0.5) * cell;
                }
            }
            double mass = 0;
            for (double lp : d.logDensity(grid, t)) {
                mass += Math.exp(lp) * cell * cell;
            }
            assertEquals(1, mass, 1e-3, "t=" + t);
        }
    }

    @Test
    void singleGaussianPosteriorMeanIsTheClosedForm() {
        double m0 = 0.8;
        double m1 = -0.4;
        double sd = 0.5;
        GaussianMixture g = new GaussianMixture(List.of(Component.isotropic(1, m0, m1, sd, 0)));
        Schedule s = ScheduleKind.TRIG.createDefault();
        GaussianMixtureDenoiser d = new GaussianMixtureDenoiser(g, s);
        double[] x = queries();
        for (double t : new double[] {0.1, 0.5, 0.9, 1.0}) {
            double a = s.alpha(t);
            double sg = s.sigma(t);
            double gain = a * sd * sd / (a * a * sd * sd + sg * sg);
            double[] out = d.denoise(x, t);
            for (int i = 0; i < x.length; i += 2) {
                assertEquals(m0 + gain * (x[i] - a * m0), out[i], 1e-12);
                assertEquals(m1 + gain * (x[i + 1] - a * m1), out[i + 1], 1e-12);
            }
        }
    }

    @Test
    void atPureNoiseTheDenoiserAnswersTheDataMean() {
        GaussianMixtureDenoiser d = new GaussianMixtureDenoiser(MIXTURE, ScheduleKind.LINEAR.createDefault());
        double mx = 0.5 * -1.0 + 0.3 * 1.0 + 0.2 * 0.2;
        double my = 0.5 * 0.5 + 0.3 * 0.8 + 0.2 * -1.0;
        double[] out = d.denoise(queries(), 1.0);
        for (int i = 0; i < out.length; i += 2) {
            assertEquals(mx, out[i], 1e-12);
            assertEquals(my, out[i + 1], 1e-12);
        }
    }
}
