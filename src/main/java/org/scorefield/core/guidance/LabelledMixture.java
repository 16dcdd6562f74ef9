package org.scorefield.core.guidance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.metric.PointSampler;
import org.scorefield.core.random.SeededRandom;
import org.scorefield.core.schedule.Schedule;

/**
 * A labelled Gaussian mixture's exact classes (docs/math.md §9.2): class c is its components of
 * label c, weights renormalised, with prior π_c their total weight, and
 * {@code p_t(c | x) = π_c·p_t(x | c) / p_t(x)}, the responsibilities summed over the class.
 */
final class LabelledMixture implements LabelledOracle {

    /** Mixture draws per tilted sample in {@link #tiltedSampler}. */
    static final int TILT_DRAWS = 20;

    private final GaussianMixture mixture;
    private final Schedule schedule;
    private final GaussianMixtureDenoiser all;
    /** Per class: its components' mixture (renormalised), or null for a label no component carries. */
    private final GaussianMixtureDenoiser[] byClass;
    private final double[] prior;

    LabelledMixture(GaussianMixture mixture, Schedule schedule) {
        this.mixture = mixture;
        this.schedule = schedule;
        this.all = new GaussianMixtureDenoiser(mixture, schedule);
        int classes = mixture.labelCount();
        byClass = new GaussianMixtureDenoiser[classes];
        prior = new double[classes];
        for (int c = 0; c < classes; c++) {
            List<GaussianMixture.Component> mine = new ArrayList<>();
            for (GaussianMixture.Component k : mixture.components()) {
                if (k.label() == c) {
                    mine.add(k);
                    prior[c] += k.weight();
                }
            }
            byClass[c] = mine.isEmpty() ? null : new GaussianMixtureDenoiser(new GaussianMixture(mine), schedule);
        }
    }

    GaussianMixture mixture() {
        return mixture;
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public int classes() {
        return byClass.length;
    }

    @Override
    public double prior(int c) {
        return prior[c];
    }

    @Override
    public Denoiser unconditional() {
        return all;
    }

    @Override
    public Denoiser conditional(int c) {
        return byClass[c];
    }

    @Override
    public String noneCarries(int c) {
        return "No component of the mixture carries class " + c + ".";
    }

    /** From the classes' log-densities (log-sum-exp), so far from every component it stays finite. */
    @Override
    public double[] logClassifier(double[] xt, double t) {
        int n = xt.length / 2;
        int classes = classes();
        double[] logJoint = new double[n * classes];
        for (int c = 0; c < classes; c++) {
            double[] log = byClass[c] == null ? null : byClass[c].logDensity(xt, t);
            for (int i = 0; i < n; i++) {
                logJoint[i * classes + c] = log == null ? Double.NEGATIVE_INFINITY : log[i] + Math.log(prior[c]);
            }
        }
        return org.scorefield.core.nn.NoisyClassifier.logSoftmax(logJoint, classes);
    }

    /** The mixture's density is finite at σ = 0 (its covariances are positive definite). */
    @Override
    public double densityTime(double t) {
        return t;
    }

    @Override
    public double[] logDensity(double[] xt, double t) {
        return all.logDensity(xt, t);
    }

    /** The most probable class under the exact classifier at t = 0 (the lowest label on a tie). */
    @Override
    public int[] dataClasses(double[] points) {
        return org.scorefield.core.nn.NoisyClassifier.argmax(logClassifier(points, 0), classes());
    }

    @Override
    public PointSampler classSampler(int c) {
        GaussianMixture own = byClass[c].mixture();
        return (count, seed) -> own.sample(count, new SeededRandom(seed)).xy();
    }

    /**
     * Importance resampling: {@value #TILT_DRAWS}·n points of the mixture, each kept with weight
     * {@code p_0(c | x)^ω}, n of them resampled with replacement. Exact as the draws grow; enough to
     * judge samples against.
     */
    @Override
    public PointSampler tiltedSampler(int c, double omega) {
        return (count, seed) -> {
            int m = TILT_DRAWS * count;
            double[] draws = mixture.sample(m, new SeededRandom(seed)).xy();
            double[] log = logClassifier(draws, 0);
            double[] cumulative = new double[m];
            double total = 0;
            for (int i = 0; i < m; i++) {
                double pc = Math.exp(log[i * classes() + c]);
                total += omega == 0 ? 1 : Math.pow(pc, omega);
                cumulative[i] = total;
            }
            InvalidInputException.require(total > 0, "The tilted density of class " + c + " has no mass here.");
            SeededRandom pick = new SeededRandom(SeededRandom.derive(seed, "tilt-resample"));
            double[] out = new double[2 * count];
            for (int i = 0; i < count; i++) {
                int k = Arrays.binarySearch(cumulative, pick.nextUniform() * total);
                k = Math.min(m - 1, k >= 0 ? k : -k - 1);
                out[2 * i] = draws[2 * k];
                out[2 * i + 1] = draws[2 * k + 1];
            }
            return out;
        };
    }
}
