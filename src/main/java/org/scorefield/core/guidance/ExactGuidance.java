package org.scorefield.core.guidance;

import java.util.ArrayList;
import java.util.List;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.GaussianMixtureDenoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.schedule.Schedule;

/**
 * Guidance of a labelled Gaussian mixture, exactly (docs/math.md §9): the class-conditional
 * denoisers, the noisy classifier {@code p_t(c | x) = π_c·p_t(x | c) / p_t(x)}, the guided field of
 * classifier-free guidance, and the tilted density {@code p·p(c | x)^ω} that guidance is often said
 * to sample and does not. With exact parts, classifier guidance {@code ŝ + ω∇log p_t(c | x)} and
 * classifier-free guidance {@code ω·ŝ_c + (1 − ω)·ŝ} are the same field, since
 * {@code ∇log p_t(c | x) = ŝ_c − ŝ} (Bayes' rule; π_c has no gradient).
 */
public final class ExactGuidance {

    private final GaussianMixture mixture;
    private final Schedule schedule;
    private final GaussianMixtureDenoiser all;
    /** Per class: its components' mixture (renormalised), or null for a label no component carries. */
    private final GaussianMixtureDenoiser[] byClass;
    private final double[] prior;

    public ExactGuidance(GaussianMixture mixture, Schedule schedule) {
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

    /** Labels 0 … classes − 1 (some may carry no component, and then have prior 0). */
    public int classes() {
        return byClass.length;
    }

    /** π_c: the weight of class c's components. */
    public double prior(int c) {
        checkClass(c);
        return prior[c];
    }

    /** The unconditional oracle of the whole mixture. */
    public GaussianMixtureDenoiser unconditional() {
        return all;
    }

    /** The exact class-conditional oracle of p_t(x | c): class c's components, their weights renormalised. */
    public GaussianMixtureDenoiser conditional(int c) {
        checkClass(c);
        InvalidInputException.require(byClass[c] != null, "No component of the mixture carries class " + c + ".");
        return byClass[c];
    }

    /**
     * p_t(c | x) for every point and class: {@code n × classes} values, row by row, each row summing
     * to one. Computed from log-densities (log-sum-exp), so far from every component it stays finite.
     */
    public double[] classifier(double[] xt, double t) {
        int n = xt.length / 2;
        int classes = classes();
        double[][] logJoint = new double[classes][];
        for (int c = 0; c < classes; c++) {
            if (byClass[c] != null) {
                logJoint[c] = byClass[c].logDensity(xt, t);
            }
        }
        double[] out = new double[n * classes];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                if (logJoint[c] != null) {
                    max = Math.max(max, logJoint[c][i] + Math.log(prior[c]));
                }
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double p = logJoint[c] == null ? 0 : Math.exp(logJoint[c][i] + Math.log(prior[c]) - max);
                out[i * classes + c] = p;
                sum += p;
            }
            for (int c = 0; c < classes; c++) {
                out[i * classes + c] /= sum;
            }
        }
        return out;
    }

    /**
     * The guided oracle for class c at scale ω: {@code x̂0_ω = ω·x̂0(x | c) + (1 − ω)·x̂0(x)}, hence the
     * same combination of the scores (§9.1). ω = 0 is the unconditional oracle, ω = 1 the class's own.
     */
    public Denoiser guided(int c, double omega) {
        Denoiser conditional = conditional(c);
        return classifierFree(conditional, all, omega);
    }

    /**
     * Classifier-free guidance of any pair of denoisers, a class's and the whole data's (an oracle's,
     * or one network's with the label and with "none"): {@code ω·x̂0_c + (1 − ω)·x̂0}, so the same
     * combination of every head (§9.1). ω = 0 is the unconditional denoiser itself and ω = 1 the
     * conditional one, so that their samples are theirs bit for bit; otherwise each call evaluates
     * both ({@link #evaluationsPerCall}).
     */
    public static Denoiser classifierFree(Denoiser conditional, Denoiser unconditional, double omega) {
        checkOmega(omega);
        if (omega == 0) {
            return unconditional;
        }
        if (omega == 1) {
            return conditional;
        }
        return new Denoiser() {
            @Override
            public Schedule schedule() {
                return unconditional.schedule();
            }

            @Override
            public boolean gaussianNoise() {
                return unconditional.gaussianNoise();
            }

            @Override
            public boolean hasScore() {
                return unconditional.hasScore() && conditional.hasScore();
            }

            @Override
            public double[] denoise(double[] xt, double t) {
                return combine(conditional.denoise(xt, t), unconditional.denoise(xt, t), omega);
            }

            @Override
            public double[] score(double[] xt, double t) {
                return combine(conditional.score(xt, t), unconditional.score(xt, t), omega);
            }
        };
    }

    /** Denoiser evaluations per guided call: 1 at ω = 0 or 1, else 2 (the class's and the whole's). */
    public static int evaluationsPerCall(double omega) {
        return omega == 0 || omega == 1 ? 1 : 2;
    }

    /**
     * The tilted density {@code p_t(x)·p_t(c | x)^ω}, normalised on the grid (its cells' masses sum
     * to one), as log values. ω = 1 gives π_c·p_t(x | c) normalised: the class's own density.
     */
    public ScalarGrid tiltedLogDensity(int c, double omega, GridSpec spec, double t) {
        conditional(c); // a class no component carries has no tilted density
        checkOmega(omega);
        double[] xy = new double[2 * spec.size()];
        for (int j = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++) {
                int k = j * spec.nx() + i;
                xy[2 * k] = spec.x(i);
                xy[2 * k + 1] = spec.y(j);
            }
        }
        double[] logP = all.logDensity(xy, t);
        double[] classes = classifier(xy, t);
        double[] log = new double[spec.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < log.length; k++) {
            log[k] = omega == 0 ? logP[k] : logP[k] + omega * Math.log(classes[k * classes() + c]);
            max = Math.max(max, log[k]);
        }
        double mass = 0;
        for (double v : log) {
            mass += Math.exp(v - max);
        }
        double logNorm = max + Math.log(mass * spec.dx() * spec.dy());
        for (int k = 0; k < log.length; k++) {
            log[k] -= logNorm;
        }
        return new ScalarGrid(spec, log);
    }

    /** Class c's own distribution, to judge guided samples against (its components, renormalised). */
    public org.scorefield.core.metric.PointSampler classSampler(int c) {
        GaussianMixture own = conditional(c).mixture();
        return (count, seed) -> own.sample(count, new org.scorefield.core.random.SeededRandom(seed)).xy();
    }

    /**
     * Draws from the tilted density {@code p_0(x)·p_0(c | x)^ω} by importance resampling:
     * {@value #TILT_DRAWS}·n points of the mixture, each kept with weight {@code p_0(c | x)^ω}, n of
     * them resampled with replacement. Exact as the draws grow; enough to judge samples against.
     */
    public org.scorefield.core.metric.PointSampler tiltedSampler(int c, double omega) {
        conditional(c);
        return (count, seed) -> {
            int m = TILT_DRAWS * count;
            double[] draws = mixture.sample(m, new org.scorefield.core.random.SeededRandom(seed)).xy();
            double[] p = classifier(draws, 0);
            double[] cumulative = new double[m];
            double total = 0;
            for (int i = 0; i < m; i++) {
                double pc = p[i * classes() + c];
                total += omega == 0 ? 1 : Math.pow(pc, omega);
                cumulative[i] = total;
            }
            InvalidInputException.require(total > 0, "The tilted density of class " + c + " has no mass here.");
            org.scorefield.core.random.SeededRandom pick = new org.scorefield.core.random.SeededRandom(
                    org.scorefield.core.random.SeededRandom.derive(seed, "tilt-resample"));
            double[] out = new double[2 * count];
            for (int i = 0; i < count; i++) {
                int k = java.util.Arrays.binarySearch(cumulative, pick.nextUniform() * total);
                k = Math.min(m - 1, k >= 0 ? k : -k - 1);
                out[2 * i] = draws[2 * k];
                out[2 * i + 1] = draws[2 * k + 1];
            }
            return out;
        };
    }

    /** Mixture draws per tilted sample in {@link #tiltedSampler}. */
    public static final int TILT_DRAWS = 20;

    /** The share of the points (x0, y0, x1, y1, …) the exact classifier of the data (t = 0) puts in class c. */
    public double classFraction(double[] points, int c) {
        checkClass(c);
        double[] p = classifier(points, 0);
        int n = points.length / 2;
        int in = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < classes(); k++) {
                if (p[i * classes() + k] > p[i * classes() + best]) {
                    best = k;
                }
            }
            in += best == c ? 1 : 0;
        }
        return n == 0 ? Double.NaN : (double) in / n;
    }

    /** The mixture guided. */
    public GaussianMixture mixture() {
        return mixture;
    }

    private static double[] combine(double[] conditional, double[] unconditional, double omega) {
        double[] out = new double[conditional.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = omega * conditional[i] + (1 - omega) * unconditional[i];
        }
        return out;
    }

    private static void checkOmega(double omega) {
        InvalidInputException.require(Double.isFinite(omega) && omega >= 0, "The guidance scale ω must be a "
                + "finite number ≥ 0, got " + omega + ".");
    }

    private void checkClass(int c) {
        InvalidInputException.require(c >= 0 && c < classes(), "The class must lie between 0 and " + (classes() - 1)
                + ", got " + c + ".");
    }
}
