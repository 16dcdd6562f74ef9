package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The score of p_σ read from a denoiser through the VE-equivalent variables (docs/math.md §2.10). */
class NoiseLevelScoreTest {

    /**
     * For the labelled mixture (tilted covariances, weights 0.5, 0.3, 0.2) under four schedules, the score
     * read at σ equals central differences (h = 1e-5) of log Σ π_k N(x; μ_k, Σ_k + σ²I) computed here from
     * the components, to 1e-6.
     */
    @Test
    void theOraclesScoreAtALevelIsTheScoreOfTheBlurredMixture() {
        GaussianMixture mixture = DatasetPreset.GMM_LABELLED.mixture().orElseThrow();
        double[] points = {0.3, -0.2, -1.1, 0.9, 0.0, -1.6, 1.4, 0.7, 2.5, -2.0};
        for (ScheduleKind kind : List.of(ScheduleKind.VP, ScheduleKind.VE, ScheduleKind.LINEAR, ScheduleKind.EDM)) {
            Schedule schedule = kind.createDefault();
            var score = new NoiseLevelScore(new GaussianMixtureDenoiser(mixture, schedule));
            for (double sigma : new double[] {0.05, 0.3, 1.5}) {
                double level = score.levelAt(sigma);
                assertEquals(sigma, level, 1e-9 * sigma, kind.id() + ": σ = " + sigma + " lies in the schedule's range");
                double[] s = score.score(points, sigma);
                double h = 1e-5;
                for (int i = 0; i < points.length; i += 2) {
                    double x = points[i];
                    double y = points[i + 1];
                    double dx = (logDensity(mixture, sigma, x + h, y) - logDensity(mixture, sigma, x - h, y)) / (2 * h);
                    double dy = (logDensity(mixture, sigma, x, y + h) - logDensity(mixture, sigma, x, y - h)) / (2 * h);
                    assertEquals(dx, s[i], 1e-6 * Math.max(1, Math.abs(dx)), kind.id() + " σ=" + sigma + " ∂x");
                    assertEquals(dy, s[i + 1], 1e-6 * Math.max(1, Math.abs(dy)), kind.id() + " σ=" + sigma + " ∂y");
                }
            }
        }
    }

    /** Below the schedule's least noise the level is held at tMin, and says so. */
    @Test
    void aLevelBelowTheSchedulesRangeIsReadAtTMin() {
        Schedule ve = ScheduleKind.VE.createDefault();
        var score = new NoiseLevelScore(new GaussianMixtureDenoiser(DatasetPreset.GAUSSIAN.mixture().orElseThrow(), ve));
        assertEquals(ve.tMin(), score.time(1e-4));
        assertEquals(ve.sigma(ve.tMin()) / ve.alpha(ve.tMin()), score.levelAt(1e-4), 1e-15);
    }

    /** A denoiser without a score is refused in one sentence. */
    @Test
    void aFlowWithoutAScoreIsRefused() {
        Denoiser noScore = new Denoiser() {
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
        var e = assertThrows(InvalidInputException.class, () -> new NoiseLevelScore(noScore));
        assertEquals(true, e.getMessage().startsWith("Langevin dynamics needs a score"));
    }

    private static double logDensity(GaussianMixture m, double sigma, double x, double y) {
        double total = 0;
        for (GaussianMixture.Component c : m.components()) {
            double a = c.cxx() + sigma * sigma;
            double b = c.cxy();
            double d = c.cyy() + sigma * sigma;
            double det = a * d - b * b;
            double dx = x - c.meanX();
            double dy = y - c.meanY();
            double q = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
            total += c.weight() * Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
        }
        return Math.log(total);
    }
}
