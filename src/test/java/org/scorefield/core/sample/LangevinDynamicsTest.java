package org.scorefield.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.metric.ModeWeights;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.ScheduleKind;

/**
 * The three dynamics of docs/math.md §5.13 against closed forms: score ascent's geometric rate,
 * Langevin's stationary variance with its O(ε) bias, and the mode weights that annealed Langevin gets
 * right and Langevin at one level does not.
 */
class LangevinDynamicsTest {

    /** Data N(m, s²I): p_σ = N(m, (s² + σ²)I), whose score is −(x − m)/(s² + σ²). */
    private static final double MX = 0.8;
    private static final double MY = -0.4;
    private static final double S = 0.5;

    private static LangevinDynamics.Score gaussianScore() {
        return (x, sigma) -> {
            double v = S * S + sigma * sigma;
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i += 2) {
                out[i] = -(x[i] - MX) / v;
                out[i + 1] = -(x[i + 1] - MY) / v;
            }
            return out;
        };
    }

    /**
     * Score ascent on N(m, vI) contracts x − m by exactly 1 − ε/(2v) per step: after k steps
     * {@code x_k − m = (1 − ε/(2v))^k·(x_0 − m)}, for the closed-form score and for the exact oracle read
     * at the level through {@link NoiseLevelScore} (VP schedule), where v uses the level actually read.
     */
    @Test
    void scoreAscentConvergesToTheMeanAtTheClosedFormGeometricRate() {
        double eps = 0.02;
        double sigma = 0.1;
        int steps = 400;
        double[] start = {2.0, 1.0, -1.5, -2.0, 0.8, 3.0};
        var settings = new LangevinDynamics.Settings(eps, steps, sigma, 3, 10, 40);
        var oracle = new NoiseLevelScore(new GaussianMixtureDenoiser(new GaussianMixture(List.of(
                GaussianMixture.Component.isotropic(1, MX, MY, S, 0))), ScheduleKind.VP.createDefault()));
        for (var score : List.of(gaussianScore(), oracle)) {
            double level = score == oracle ? oracle.levelAt(sigma) : sigma;
            double rate = 1 - eps / (2 * (S * S + level * level));
            var run = LangevinDynamics.run(LangevinDynamics.Rule.SCORE_ASCENT, score, start, settings,
                    new SeededRandom(1), Progress.NONE);
            double[][] rows = run.paths().positions();
            for (int r = 0; r < rows.length; r++) {
                int k = run.iterations()[r];
                double factor = Math.pow(rate, k);
                for (int i = 0; i < start.length; i += 2) {
                    assertEquals(MX + factor * (start[i] - MX), rows[r][i], 1e-9, "x after " + k + " steps");
                    assertEquals(MY + factor * (start[i + 1] - MY), rows[r][i + 1], 1e-9, "y after " + k + " steps");
                }
            }
            assertEquals(steps, run.iterations()[rows.length - 1]);
            assertEquals(0.0, run.paths().times()[rows.length - 1], "the last step is at t = 0");
            assertEquals(1.0, run.paths().times()[0], "the start is at t = 1");
        }
    }

    /**
     * Langevin on N(m, vI), v = s² + σ², is the autoregression x' − m = (1 − a)(x − m) + √ε·z with
     * a = ε/(2v): its stationary variance is ε/(1 − (1 − a)²) = v/(1 − ε/(4v)), the O(ε) bias of the
     * unadjusted scheme (≈ v + ε/4). 20,000 particles started at m run 10/a steps (the start is
     * forgotten to e^{−20}); the pooled sample variance of 40,000 coordinates has a standard error of
     * √(2/40,000) ≈ 0.7 % of V, and the tolerance is 3 % (over 4 standard errors). At ε = 0.1 the bias is
     * 10.6 %, which the test sees; at ε = 0.004 it is 0.4 %, under the tolerance.
     */
    @Test
    void langevinAtOneLevelHasTheStationaryVarianceOfItsChain() {
        double sigma = 0.1;
        double v = S * S + sigma * sigma;
        int n = 20_000;
        double[] start = new double[2 * n];
        for (int i = 0; i < n; i++) {
            start[2 * i] = MX;
            start[2 * i + 1] = MY;
        }
        for (double eps : new double[] {0.1, 0.004}) {
            double a = eps / (2 * v);
            int steps = (int) Math.ceil(10 / a);
            var run = LangevinDynamics.run(LangevinDynamics.Rule.LANGEVIN, gaussianScore(), start,
                    new LangevinDynamics.Settings(eps, steps, sigma, 3, 10, 1), new SeededRandom(7), Progress.NONE);
            double[] end = run.end();
            double meanX = 0;
            double meanY = 0;
            for (int i = 0; i < n; i++) {
                meanX += end[2 * i] / n;
                meanY += end[2 * i + 1] / n;
            }
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (Math.pow(end[2 * i] - meanX, 2) + Math.pow(end[2 * i + 1] - meanY, 2)) / (2.0 * (n - 1));
            }
            double chain = v / (1 - eps / (4 * v));
            assertEquals(chain, var, 0.03 * chain, "ε = " + eps + ": the chain's stationary variance");
            assertEquals(MX, meanX, 4 * Math.sqrt(chain / n), "the mean");
            if (eps == 0.1) {
                assertTrue(var > 1.05 * v, "at ε = 0.1 the O(ε) bias shows: " + var + " against v = " + v);
            } else {
                assertEquals(v, var, 0.03 * v, "at ε = 0.004 the bias is under the tolerance");
            }
        }
    }

    /**
     * The lesson's claim on a two-mode mixture with weights 0.8 and 0.2, modes 3 apart with standard
     * deviation 0.3 (a barrier of about 11 nats at σ = 0.1), ε = 0.002, K = 2,000 score evaluations each,
     * 2,000 particles. From the light mode, Langevin at σ keeps them all there (weights error 0.8), and so
     * does score ascent; from the uniform square each mode keeps the share of the square its basin covers,
     * about half (error 0.28, measured 0.275). Annealed Langevin from σ_max = 3 over 10 levels gets the
     * weights to within 0.05 in total variation from either start (measured 0.014; a share's standard error
     * is √(0.16/2,000) ≈ 0.009, and the scheme's O(ε) bias at the coarse levels spreads mass towards equal
     * shares: at ε = 0.002, σ = 0.05 it reached 0.044).
     */
    @Test
    void annealedLangevinGetsUnequalWeightsRightWherePlainLangevinDoesNot() {
        GaussianMixture mixture = new GaussianMixture(List.of(
                GaussianMixture.Component.isotropic(0.8, -1.5, 0, 0.3, 0),
                GaussianMixture.Component.isotropic(0.2, 1.5, 0, 0.3, 1)));
        double sigma = 0.1;
        var score = new NoiseLevelScore(new GaussianMixtureDenoiser(mixture, ScheduleKind.VP.createDefault()));
        var settings = LangevinDynamics.Settings.of(0.002, 2000, sigma);
        PointSet none = PointSet.of(new double[0]);
        double[] oneMode = LangevinStart.ONE_MODE.draw(2000, 3, Optional.of(mixture), none);
        assertEquals(1.0, ModeWeights.of(oneMode, mixture, sigma).shares()[1], 1e-6, "all start in the light mode");
        double[] uniform = LangevinStart.UNIFORM.draw(2000, 3, Optional.of(mixture), none);
        for (double[] start : List.of(oneMode, uniform)) {
            String from = start == oneMode ? "from the light mode" : "from the square";
            var plain = LangevinDynamics.run(LangevinDynamics.Rule.LANGEVIN, score, start, settings,
                    new SeededRandom(5), Progress.NONE);
            var ascent = LangevinDynamics.run(LangevinDynamics.Rule.SCORE_ASCENT, score, start, settings,
                    new SeededRandom(5), Progress.NONE);
            var annealed = LangevinDynamics.run(LangevinDynamics.Rule.ANNEALED, score, start, settings,
                    new SeededRandom(5), Progress.NONE);
            double wrong = start == oneMode ? 0.78 : 0.2;
            assertTrue(ModeWeights.of(plain.end(), mixture, sigma).error() > wrong, "plain Langevin " + from);
            assertTrue(ModeWeights.of(ascent.end(), mixture, sigma).error() > wrong, "score ascent " + from);
            ModeWeights w = ModeWeights.of(annealed.end(), mixture, sigma);
            assertTrue(w.error() < 0.05, "annealed Langevin gets the weights " + from + ": " + w);
            assertEquals(3.0, annealed.levels()[1], 1e-12, "it starts at σ_max");
            assertEquals(sigma, annealed.levels()[annealed.levels().length - 1], 1e-12, "and ends at σ");
        }
    }

    /** The ladder is geometric from σ_max to σ; K steps are shared out over the levels and sum to K. */
    @Test
    void theLadderIsGeometricAndEveryRuleMakesKScoreCalls() {
        var settings = new LangevinDynamics.Settings(0.01, 95, 0.03, 3, 5, 1000);
        double[] ladder = settings.ladder();
        assertEquals(5, ladder.length);
        for (int l = 0; l < 5; l++) {
            assertEquals(3 * Math.pow(0.01, l / 4.0), ladder[l], 1e-12);
        }
        for (var rule : LangevinDynamics.Rule.values()) {
            int[] calls = {0};
            LangevinDynamics.Score counting = (x, s) -> {
                calls[0]++;
                return new double[x.length];
            };
            var run = LangevinDynamics.run(rule, counting, new double[] {0, 0}, settings, new SeededRandom(1),
                    Progress.NONE);
            assertEquals(95, calls[0], rule.label());
            assertEquals(96, run.paths().length(), "every step recorded when snapshots exceed steps");
        }
        assertEquals(1, new LangevinDynamics.Settings(0.01, 10, 4, 3, 10, 5).ladder().length, "σ ≥ σ_max: one level");
    }

    /** Bad settings are one sentence. */
    @Test
    void badSettingsAreRefusedInOneSentence() {
        var e = assertThrows(InvalidInputException.class, () -> LangevinDynamics.Settings.of(0, 100, 0.1));
        assertTrue(e.getMessage().startsWith("The Langevin step size"));
        assertThrows(InvalidInputException.class, () -> LangevinDynamics.Settings.of(0.01, 5, 0.1));
    }
}
