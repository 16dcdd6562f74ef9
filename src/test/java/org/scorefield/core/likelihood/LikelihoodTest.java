package org.scorefield.core.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scorefield.core.data.DatasetPreset;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.denoise.VelocityDivergence;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Coefficients;
import org.scorefield.core.schedule.GridKind;
import org.scorefield.core.schedule.Schedule;
import org.scorefield.core.schedule.ScheduleKind;

/** The likelihood ODE (docs/math.md §7) on oracles whose density is known in closed form. */
class LikelihoodTest {

    private static final double MEAN_X = 0.8;
    private static final double MEAN_Y = -0.4;
    private static final double STD = 0.5;

    private static GaussianMixture oneGaussian() {
        return new GaussianMixture(java.util.List.of(GaussianMixture.Component.isotropic(1, MEAN_X, MEAN_Y, STD, 0)));
    }

    /** The bar: 8gaussians, RK4 in 64 steps, 1,000 points, within 0.02 nats of the exact mixture. */
    @ParameterizedTest
    @EnumSource(value = ScheduleKind.class, names = {"VP", "LINEAR"})
    void theOracleOfEightGaussiansGivesTheMixtureLikelihood(ScheduleKind kind) {
        GaussianMixture mixture = DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow();
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(mixture, kind.createDefault());
        double[] data = DatasetPreset.EIGHT_GAUSSIANS.sample(1000, 3).xy();
        Likelihood.Result r = Likelihood.logDensity(oracle, data, LikelihoodSettings.defaults(),
                Likelihood.PathObserver.NONE);
        // the exact mixture density at t = 0, by hand: Σ_k π_k N(x; μ_k, s²I)
        double exact = 0;
        for (int p = 0; p < 1000; p++) {
            double sum = 0;
            for (int k = 0; k < mixture.size(); k++) {
                GaussianMixture.Component c = mixture.component(k);
                double dx = data[2 * p] - c.meanX();
                double dy = data[2 * p + 1] - c.meanY();
                double s2 = DatasetPreset.EIGHT_GAUSSIANS_STD * DatasetPreset.EIGHT_GAUSSIANS_STD;
                sum += c.weight() * Math.exp(-(dx * dx + dy * dy) / (2 * s2)) / (2 * Math.PI * s2);
            }
            exact -= Math.log(sum);
        }
        exact /= 1000;
        assertEquals(exact, r.nll(), 0.02);
        assertEquals(64 * 4, r.evaluations());
    }

    /**
     * For Gaussian data N(m, s²I) every p_t is N(αm, (α²s² + σ²)I), known by hand. The ODE carries
     * log p_{t_min}(α·x0) to log p_1(x(1)) exactly: with the true p_1 in place of the prior N(0, σ²I)
     * each point's sum is within 10⁻⁴ of the closed form, on every schedule.
     */
    @ParameterizedTest
    @EnumSource(value = ScheduleKind.class, names = {"VP", "SUB_VP", "VP_COSINE", "VE", "EDM", "LINEAR", "TRIG"})
    void aGaussianIsIntegratedPointByPoint(ScheduleKind kind) {
        Schedule schedule = kind.createDefault();
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(oneGaussian(), schedule);
        double[] data = new SeededRandom(5).gaussianPoints(20);
        Likelihood.Result r = Likelihood.logDensity(oracle, data, LikelihoodSettings.defaults().withSteps(128)
                .withGrid(GridKind.LOG_SNR), Likelihood.PathObserver.NONE);
        Coefficients bottom = schedule.at(r.tMin());
        Coefficients top = schedule.at(r.tTop());
        for (int p = 0; p < 20; p++) {
            double start = gaussianLogDensity(bottom, bottom.alpha() * data[2 * p], bottom.alpha() * data[2 * p + 1]);
            double end = gaussianLogDensity(top, r.end()[2 * p], r.end()[2 * p + 1]);
            assertEquals(start, end + r.logDet()[p], 1e-4, kind + " point " + p);
            assertEquals(r.logPrior()[p] + r.logDet()[p] + 2 * Math.log(bottom.alpha()), r.logDensity()[p], 1e-12);
        }
    }

    /** log N(x; αm, (α²s² + σ²)I): p_t of the Gaussian data. */
    private static double gaussianLogDensity(Coefficients c, double x, double y) {
        double var = c.alpha() * c.alpha() * STD * STD + c.sigma() * c.sigma();
        double dx = x - c.alpha() * MEAN_X;
        double dy = y - c.alpha() * MEAN_Y;
        return -Math.log(2 * Math.PI * var) - (dx * dx + dy * dy) / (2 * var);
    }

    @Test
    void rk4ConvergesAtFourthOrder() {
        Schedule schedule = ScheduleKind.LINEAR.createDefault();
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(
                DatasetPreset.EIGHT_GAUSSIANS.mixture().orElseThrow(), schedule);
        double[] data = DatasetPreset.EIGHT_GAUSSIANS.sample(50, 8).xy();
        double reference = Likelihood.logDensity(oracle, data, LikelihoodSettings.defaults().withSteps(1024),
                Likelihood.PathObserver.NONE).nll();
        double coarse = Likelihood.logDensity(oracle, data, LikelihoodSettings.defaults().withSteps(24),
                Likelihood.PathObserver.NONE).nll() - reference;
        double fine = Likelihood.logDensity(oracle, data, LikelihoodSettings.defaults().withSteps(48),
                Likelihood.PathObserver.NONE).nll() - reference;
        double order = Math.log(Math.abs(coarse / fine)) / Math.log(2);
        assertTrue(order > 3.3 && order < 4.7, "RK4's observed order " + order + " (errors " + coarse + ", " + fine + ")");
    }

    /** The oracle's divergence by central differences equals the closed form for Gaussian data. */
    @Test
    void centralDifferencesOfTheOracleMatchTheClosedForm() {
        Schedule schedule = ScheduleKind.VP.createDefault();
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(oneGaussian(), schedule);
        double[] xt = new SeededRandom(1).gaussianPoints(7);
        for (double t : new double[] {0.001, 0.02, 0.5, 1}) {
            Coefficients c = schedule.at(t);
            // x̂0 = m + k(x − αm), k = αs²/(α²s² + σ²); û = (α' − σ'α/σ)x̂0 + (σ'/σ)x
            double k = c.alpha() * STD * STD / (c.alpha() * c.alpha() * STD * STD + c.sigma() * c.sigma());
            double expected = 2 * ((c.dAlpha() - c.dSigma() * c.alpha() / c.sigma()) * k + c.dSigma() / c.sigma());
            VelocityDivergence v = oracle.velocityDivergence(xt, t);
            for (double d : v.divergence()) {
                assertEquals(expected, d, 1e-6 * Math.abs(expected), "t = " + t);
            }
        }
    }

    @Test
    void hutchinsonTracksTheExactIntegral() {
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(DatasetPreset.EIGHT_GAUSSIANS.mixture()
                .orElseThrow(), ScheduleKind.LINEAR.createDefault());
        double[] data = DatasetPreset.EIGHT_GAUSSIANS.sample(400, 2).xy();
        LikelihoodSettings exact = LikelihoodSettings.defaults().withSteps(32);
        Likelihood.Result a = Likelihood.logDensity(oracle, data, exact, Likelihood.PathObserver.NONE);
        Likelihood.Result b = Likelihood.logDensity(oracle, data,
                exact.withEstimator(DivergenceEstimator.hutchinson(1), 4), Likelihood.PathObserver.NONE);
        // per point the estimate scatters; over 400 points the mean stays within 3 standard errors
        double[] diff = new double[400];
        double mean = 0;
        for (int p = 0; p < 400; p++) {
            diff[p] = b.logDensity()[p] - a.logDensity()[p];
            mean += diff[p] / 400;
        }
        double var = 0;
        for (double d : diff) {
            var += (d - mean) * (d - mean) / 399;
        }
        assertTrue(Math.sqrt(var) > 1e-3, "one probe must scatter");
        assertTrue(Math.abs(mean) <= 3 * Math.sqrt(var / 400), "mean difference " + mean + ", sd " + Math.sqrt(var));
    }

    @Test
    void theObserverSeesEveryStepFromTheBottomUp() {
        GaussianMixtureDenoiser oracle = new GaussianMixtureDenoiser(oneGaussian(), ScheduleKind.VP.createDefault());
        double[] times = new double[9];
        Likelihood.logDensity(oracle, new double[] {0.1, 0.2}, LikelihoodSettings.defaults().withSteps(8),
                (step, t, x, ell) -> times[step] = t);
        assertEquals(0.001, times[0], 1e-15);
        assertEquals(1, times[8], 1e-15);
        for (int i = 1; i < 9; i++) {
            assertTrue(times[i] > times[i - 1]);
        }
    }
}
