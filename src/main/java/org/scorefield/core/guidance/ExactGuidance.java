package org.scorefield.core.guidance;

import java.util.Optional;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.GaussianMixture;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.field.GridSpec;
import org.scorefield.core.field.ScalarGrid;
import org.scorefield.core.metric.PointSampler;
import org.scorefield.core.schedule.Schedule;

/**
 * Guidance of labelled data, exactly (docs/math.md §9): the class-conditional denoisers, the noisy
 * classifier {@code p_t(c | x) = π_c·p_t(x | c) / p_t(x)}, the guided field of classifier-free
 * guidance, and the tilted density {@code p·p(c | x)^ω} that guidance is often said to sample and
 * does not. With exact parts, classifier guidance {@code ŝ + ω∇log p_t(c | x)} and classifier-free
 * guidance {@code ω·ŝ_c + (1 − ω)·ŝ} are the same field, since {@code ∇log p_t(c | x) = ŝ_c − ŝ}
 * (Bayes' rule; π_c has no gradient).
 *
 * <p>The data is a labelled Gaussian mixture (its closed forms, §4.2) or a labelled point set (the
 * memorising oracle, §4.1); {@link #of} picks the one the data has, and callers need not know which.
 * Unlabelled points are one class, whose guidance changes nothing.
 */
public final class ExactGuidance {

    /** Mixture draws per tilted sample of a mixture in {@link #tiltedSampler}. */
    public static final int TILT_DRAWS = LabelledMixture.TILT_DRAWS;

    private final LabelledOracle oracle;

    /** Guidance of a labelled mixture: its components of label c are class c. */
    public ExactGuidance(GaussianMixture mixture, Schedule schedule) {
        this(new LabelledMixture(mixture, schedule));
    }

    private ExactGuidance(LabelledOracle oracle) {
        this.oracle = oracle;
    }

    /**
     * The exact guidance of some data, chosen as its exact oracle is (ExactOracle): the closed form of
     * its mixture when it is one, otherwise the memorising oracle of its points (their labels the
     * classes; unlabelled points are one class).
     *
     * @throws InvalidInputException for an empty point set, or labels beyond 999
     */
    public static ExactGuidance of(Optional<GaussianMixture> mixture, PointSet points, Schedule schedule) {
        return mixture.map(m -> new ExactGuidance(m, schedule))
                .orElseGet(() -> new ExactGuidance(new LabelledPoints(points, schedule)));
    }

    /** Labels 0 … classes − 1 (some may carry nothing, and then have prior 0). */
    public int classes() {
        return oracle.classes();
    }

    /** π_c: the weight of class c's components, or the share of the points labelled c. */
    public double prior(int c) {
        checkClass(c);
        return oracle.prior(c);
    }

    /** The schedule every oracle here answers for. */
    public Schedule schedule() {
        return oracle.schedule();
    }

    /** The unconditional oracle of the whole data. */
    public Denoiser unconditional() {
        return oracle.unconditional();
    }

    /**
     * The exact class-conditional oracle of p_t(x | c): class c's components with their weights
     * renormalised, or the memorising oracle of class c's points.
     */
    public Denoiser conditional(int c) {
        checkClass(c);
        Denoiser d = oracle.conditional(c);
        InvalidInputException.require(d != null, oracle.noneCarries(c));
        return d;
    }

    /**
     * p_t(c | x) for every point and class: {@code n × classes} values, row by row, each row summing
     * to one. Computed from log-densities (log-sum-exp), so far from the data it stays finite.
     */
    public double[] classifier(double[] xt, double t) {
        double[] p = oracle.logClassifier(xt, t);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i]);
        }
        return p;
    }

    /**
     * The guided oracle for class c at scale ω: {@code x̂0_ω = ω·x̂0(x | c) + (1 − ω)·x̂0(x)}, hence the
     * same combination of the scores (§9.1). ω = 0 is the unconditional oracle, ω = 1 the class's own.
     */
    public Denoiser guided(int c, double omega) {
        Denoiser conditional = conditional(c);
        return classifierFree(conditional, unconditional(), omega);
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
     * to one), as log values. ω = 1 gives π_c·p_t(x | c) normalised: the class's own density. A point
     * set has no density at σ = 0, so its tilted density is evaluated from the schedule's t_min on,
     * as its log-density is (§4.5).
     */
    public ScalarGrid tiltedLogDensity(int c, double omega, GridSpec spec, double t) {
        conditional(c); // a class nothing carries has no tilted density
        checkOmega(omega);
        double at = oracle.densityTime(t);
        double[] xy = new double[2 * spec.size()];
        for (int j = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++) {
                int k = j * spec.nx() + i;
                xy[2 * k] = spec.x(i);
                xy[2 * k + 1] = spec.y(j);
            }
        }
        double[] logP = oracle.logDensity(xy, at);
        double[] logClass = omega == 0 ? null : oracle.logClassifier(xy, at);
        double[] log = new double[spec.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < log.length; k++) {
            log[k] = omega == 0 ? logP[k] : logP[k] + omega * logClass[k * classes() + c];
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

    /**
     * Class c's own distribution, to judge guided samples against: its components, renormalised, or
     * its points, resampled with replacement.
     */
    public PointSampler classSampler(int c) {
        conditional(c);
        return oracle.classSampler(c);
    }

    /**
     * Draws from the tilted density {@code p_0(x)·p_0(c | x)^ω}. Of a mixture, by importance
     * resampling: {@value #TILT_DRAWS}·n points of the mixture, each kept with weight
     * {@code p_0(c | x)^ω}, n of them resampled with replacement; exact as the draws grow. Of a point
     * set, whose classifier at t = 0 is certain at every point: class c's points for every ω &gt; 0,
     * all the points at ω = 0.
     */
    public PointSampler tiltedSampler(int c, double omega) {
        conditional(c);
        checkOmega(omega);
        return oracle.tiltedSampler(c, omega);
    }

    /**
     * The class of each point (x0, y0, x1, y1, …) by the exact classifier of the data, as
     * {@link #classFraction} counts it.
     */
    public int[] dataClasses(double[] points) {
        return oracle.dataClasses(points);
    }

    /**
     * The share of the points (x0, y0, x1, y1, …) that the exact classifier of the data (t = 0) puts
     * in class c: for a mixture its most probable class there; for a point set, whose classifier at
     * t = 0 is the σ → 0 limit, the class of the nearest data point.
     */
    public double classFraction(double[] points, int c) {
        checkClass(c);
        int[] k = oracle.dataClasses(points);
        int in = 0;
        for (int v : k) {
            in += v == c ? 1 : 0;
        }
        return k.length == 0 ? Double.NaN : (double) in / k.length;
    }

    /** The mixture guided, when the data is one. */
    public Optional<GaussianMixture> mixture() {
        return oracle instanceof LabelledMixture m ? Optional.of(m.mixture()) : Optional.empty();
    }

    /** The memorised points guided, when the data is a point set. */
    public Optional<PointSet> points() {
        return oracle instanceof LabelledPoints p ? Optional.of(p.points()) : Optional.empty();
    }

    private static double[] combine(double[] conditional, double[] unconditional, double omega) {
        double[] out = new double[conditional.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = omega * conditional[i] + (1 - omega) * unconditional[i];
        }
        return out;
    }

    static void checkOmega(double omega) {
        InvalidInputException.require(Double.isFinite(omega) && omega >= 0, "The guidance scale ω must be a "
                + "finite number ≥ 0, got " + omega + ".");
    }

    private void checkClass(int c) {
        InvalidInputException.require(c >= 0 && c < classes(), "The class must lie between 0 and " + (classes() - 1)
                + ", got " + c + ".");
    }
}
