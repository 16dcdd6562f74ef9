package org.scorefield.core.sample;

import java.util.Locale;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.random.SeededRandom;

/**
 * Three ways to move particles with the score of the blurred data {@code p_σ = p_data ∗ N(0, σ²I)}
 * (docs/math.md §5.13), from the same start and, for the two noisy ones, the same noise:
 *
 * <pre>
 *   Langevin at one level (Rakitin Alg. 1; book 3.1):   x ← x + (ε/2)·∇log p_σ(x) + √ε·z,   K steps
 *   score ascent (the same without noise):              x ← x + (ε/2)·∇log p_σ(x),          K steps
 *   annealed Langevin (Song &amp; Ermon 2019, Alg. 1; book Algorithm 1, every level run):
 *       σ_ℓ = σ_max·(σ/σ_max)^{ℓ/(L−1)},  ℓ = 0 … L−1  (σ_{L−1} = σ)
 *       ε_ℓ = ε·σ_ℓ²/σ²
 *       at each level, K/L steps of  x ← x + (ε_ℓ/2)·∇log p_{σ_ℓ}(x) + √ε_ℓ·z
 * </pre>
 *
 * With {@code η = ε/2} this is the {@code x ← x + η·ŝ + sqrt(2η)·ξ} of {@link LangevinCorrector}. All three
 * make K score evaluations (annealed Langevin spreads them over its L levels, the last of which is σ),
 * so they compare at equal cost. Langevin leaves p_σ invariant only up to an O(ε) bias: on a Gaussian of
 * variance v its chain has the stationary variance {@code v/(1 − ε/(4v))}, about {@code v + ε/4}.
 * Between well separated modes it mixes slowly: a particle keeps to the basin it fell into, so the
 * modes' shares are those of the start, not the mixture's weights. Score ascent has no noise and
 * collapses every particle onto a mode's centre. Annealed Langevin starts where p_{σ_max} has one broad
 * basin and lets the modes split off as σ falls, which hands each its weight.
 */
public final class LangevinDynamics {

    /** The score of p_σ at every point (interleaved), one NFE per call. */
    @FunctionalInterface
    public interface Score {
        double[] score(double[] x, double sigma);
    }

    /** The three update rules, each with its rule as a pane title shows it. */
    public enum Rule {
        LANGEVIN("Langevin at one \u03c3", "x \u2190 x + (\u03b5/2)\u00b7\u2207log p_\u03c3(x)  + \u221a\u03b5\u00b7z"),
        SCORE_ASCENT("score ascent", "x \u2190 x + (\u03b5/2)\u00b7\u2207log p_\u03c3(x)"),
        ANNEALED("annealed Langevin", "x \u2190 x + (\u03b5\u2097/2)\u00b7\u2207log p_\u03c3\u2097(x)  + \u221a\u03b5\u2097\u00b7z,  "
                + "\u03c3\u2097: \u03c3_max \u2192 \u03c3");

        private final String label;
        private final String update;

        Rule(String label, String update) {
            this.label = label;
            this.update = update;
        }

        /** "score ascent". */
        public String label() {
            return label;
        }

        /** The update rule in symbols, phrases two spaces apart where a narrow pane may wrap it. */
        public String update() {
            return update;
        }
    }

    /**
     * How the dynamics run.
     *
     * @param stepSize  ε, in squared distance (the step of the last level σ for annealed Langevin)
     * @param steps     K, the score evaluations of each rule
     * @param sigma     σ, the level of Langevin and score ascent and the last level of annealed Langevin
     * @param sigmaMax  σ_max, annealed Langevin's first level (about the data's diameter)
     * @param levels    L, annealed Langevin's levels (one level when σ ≥ σ_max)
     * @param snapshots the positions recorded: at K/snapshots steps apart, plus the start
     */
    public record Settings(double stepSize, int steps, double sigma, double sigmaMax, int levels, int snapshots) {

        /** σ_max for the unit-scale presets: their diameter is about 3 to 5. */
        public static final double SIGMA_MAX = 3.0;
        /** NCSN used L = 10 levels. */
        public static final int LEVELS = 10;
        /** Recorded positions per run (the scrubber's resolution). */
        public static final int SNAPSHOTS = 100;

        public Settings {
            InvalidInputException.require(stepSize > 0 && Double.isFinite(stepSize),
                    "The Langevin step size \u03b5 must be positive, got " + stepSize + ".");
            InvalidInputException.require(sigma > 0 && Double.isFinite(sigma),
                    "The noise level \u03c3 must be positive, got " + sigma + ".");
            InvalidInputException.require(sigmaMax > 0 && Double.isFinite(sigmaMax),
                    "The first level \u03c3_max must be positive, got " + sigmaMax + ".");
            InvalidInputException.require(levels >= 1, "Annealed Langevin needs at least one level, got " + levels + ".");
            InvalidInputException.require(steps >= levels,
                    "Langevin needs at least as many steps as levels (" + levels + "), got " + steps + ".");
            InvalidInputException.require(snapshots >= 1, "Record at least one snapshot, got " + snapshots + ".");
        }

        /** The defaults around a step size, a step count and a level. */
        public static Settings of(double stepSize, int steps, double sigma) {
            return new Settings(stepSize, steps, sigma, SIGMA_MAX, LEVELS, SNAPSHOTS);
        }

        /** The levels annealed Langevin visits, σ_max down to σ (geometric); just σ when σ ≥ σ_max. */
        public double[] ladder() {
            if (sigma >= sigmaMax || levels == 1) {
                return new double[] {sigma};
            }
            double[] out = new double[levels];
            for (int l = 0; l < levels; l++) {
                out[l] = sigmaMax * Math.pow(sigma / sigmaMax, (double) l / (levels - 1));
            }
            out[levels - 1] = sigma;
            return out;
        }
    }

    /**
     * One rule's run.
     *
     * @param rule       which dynamics
     * @param paths      the positions at the recorded steps, with times falling from 1 (the start) to 0 (the
     *                   last step), so that a scrubber from t = 1 to 0 plays the run forward
     * @param iterations the step of each recorded row
     * @param levels     the noise level σ_ℓ the particles were at in each recorded row
     */
    public record Run(Rule rule, Trajectories paths, int[] iterations, double[] levels) {

        /** The positions after the last step. */
        public double[] end() {
            return paths.positions()[paths.length() - 1].clone();
        }

        /** The recorded row shown at scrubber time t (the last one at or before it). */
        public int rowAt(double t) {
            double[] times = paths.times();
            int r = 0;
            while (r < times.length - 1 && times[r + 1] >= t - 1e-12) {
                r++;
            }
            return r;
        }

        /** "step 400 of 1,000" at scrubber time t, and for annealed Langevin "  ·  σ = 0.42", its level. */
        public String progressAt(double t) {
            int r = rowAt(t);
            String step = String.format(Locale.ROOT, "step %,d of %,d", iterations[r], iterations[iterations.length - 1]);
            return rule != Rule.ANNEALED ? step : step + String.format(Locale.ROOT, "  \u00b7  \u03c3 = %.3g", levels[r]);
        }
    }

    /** Steps between two reports of progress. */
    private static final int PROGRESS_EVERY = 50;

    private LangevinDynamics() {
    }

    /**
     * Runs one rule from {@code start} (not changed), recording {@link Settings#snapshots()} + 1 rows.
     *
     * @param noise    the noise z of Langevin's steps (score ascent draws none)
     * @param progress told the fraction done; checked between steps
     */
    public static Run run(Rule rule, Score score, double[] start, Settings settings, SeededRandom noise,
                          Progress progress) {
        int k = settings.steps();
        double[] x = start.clone();
        double[] ladder = rule == Rule.ANNEALED ? settings.ladder() : new double[] {settings.sigma()};
        int rows = Math.min(settings.snapshots(), k) + 1;
        double[] times = new double[rows];
        double[][] positions = new double[rows][];
        int[] iterations = new int[rows];
        double[] levels = new double[rows];
        positions[0] = x.clone();
        times[0] = 1;
        levels[0] = ladder[0];
        int row = 1;
        int done = 0;
        for (int l = 0; l < ladder.length; l++) {
            double sigma = ladder[l];
            double eps = settings.stepSize() * (sigma * sigma) / (settings.sigma() * settings.sigma()); // ε_ℓ = ε·σ_ℓ²/σ²
            int stepsHere = (int) ((long) (l + 1) * k / ladder.length - (long) l * k / ladder.length); // K/L, summing to K
            for (int m = 0; m < stepsHere; m++) {
                progress.check();
                double[] s = score.score(x, sigma);
                Vectors.addScaled(x, eps / 2, s); // Move up the score by ε/2.
                if (rule != Rule.SCORE_ASCENT) {
                    Vectors.addNoise(x, Math.sqrt(eps), noise); // Add noise √ε·z.
                }
                done++;
                if (done % PROGRESS_EVERY == 0) {
                    progress.update(rule.label(), (double) done / k);
                }
                if (row < rows && (long) done * (rows - 1) >= (long) row * k) {
                    positions[row] = x.clone();
                    times[row] = 1 - (double) done / k;
                    iterations[row] = done;
                    levels[row] = sigma;
                    row++;
                }
            }
        }
        times[rows - 1] = 0;
        return new Run(rule, new Trajectories(times, positions, null), iterations, levels);
    }
}
