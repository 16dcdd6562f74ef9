package org.scorefield.core.guidance;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.EmpiricalDistribution;
import org.scorefield.core.data.PointCsv;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.denoise.EmpiricalDenoiser;
import org.scorefield.core.metric.PointSampler;
import org.scorefield.core.schedule.Schedule;

/**
 * A labelled point set's exact classes under its memorising oracle (docs/math.md §4.1, §9.2). The
 * posterior over which point produced x_t, {@code w_i ∝ N(x_t; α x⁽ⁱ⁾, σ² I)}, summed over a class
 * is the noisy classifier, and a class's own oracle memorises the class's points:
 * <pre>
 *   p_t(c | x) = Σ_{i ∈ c} w_i / Σ_i w_i,    p_t(x | c) = (1/N_c) Σ_{i ∈ c} N(x; α x⁽ⁱ⁾, σ² I),    π_c = N_c / N
 * </pre>
 * Unlabelled points are one class. At σ = 0 the posterior is the point nearest to x_t/α, so the
 * classifier is that point's class; {@link #dataClasses} uses that limit on the data space, and the
 * tilted density at t = 0 is the class's points themselves.
 */
final class LabelledPoints implements LabelledOracle {

    /** One entry per class is kept; labels stop where a CSV file's do. */
    static final int MAX_CLASSES = PointCsv.MAX_LABEL + 1;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final PointSet points;
    private final Schedule schedule;
    private final double[] xy;
    private final int[] label;
    private final EmpiricalDenoiser all;
    /** Per class: its points' oracle, or null for a label no point carries. */
    private final EmpiricalDenoiser[] byClass;
    private final PointSet[] members;
    private final double[] prior;

    LabelledPoints(PointSet points, Schedule schedule) {
        InvalidInputException.require(points.size() > 0, "Guidance needs at least one data point.");
        int classes = Math.max(1, points.labelCount());
        InvalidInputException.require(classes <= MAX_CLASSES, "Guidance keeps one entry per class, so labels must "
                + "lie between 0 and " + (MAX_CLASSES - 1) + "; these points have label " + (classes - 1) + ".");
        this.points = points;
        this.schedule = schedule;
        this.xy = points.xy();
        int n = points.size();
        this.label = new int[n];
        int[] count = new int[classes];
        for (int i = 0; i < n; i++) {
            label[i] = points.label(i);
            count[label[i]]++;
        }
        this.all = new EmpiricalDenoiser(points, schedule);
        byClass = new EmpiricalDenoiser[classes];
        members = new PointSet[classes];
        prior = new double[classes];
        for (int c = 0; c < classes; c++) {
            prior[c] = (double) count[c] / n;
            if (count[c] == n) {
                // one class holds every point: its oracle is the whole data's
                members[c] = points;
                byClass[c] = all;
            } else if (count[c] > 0) {
                double[] mine = new double[2 * count[c]];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (label[i] == c) {
                        mine[2 * k] = xy[2 * i];
                        mine[2 * k + 1] = xy[2 * i + 1];
                        k++;
                    }
                }
                members[c] = PointSet.of(mine);
                byClass[c] = new EmpiricalDenoiser(members[c], schedule);
            }
        }
    }

    PointSet points() {
        return points;
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
        return "No point of the data carries class " + c + ".";
    }

    /**
     * {@code log Σ_{i ∈ c} w_i − log Σ_i w_i}, each class's sum a running log-sum-exp of the logits
     * {@code −‖x_t − α x⁽ⁱ⁾‖²/(2σ²)}, so it stays finite far from every point. At σ = 0, the limit: 0 for
     * the class of the point nearest to x_t/α, −∞ for the others.
     */
    @Override
    public double[] logClassifier(double[] xt, double t) {
        double alpha = schedule.alpha(t);
        double sigma = schedule.sigma(t);
        int n = xt.length / 2;
        int classes = classes();
        double[] out = new double[n * classes];
        if (sigma == 0) {
            java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
            for (int q = 0; q < n; q++) {
                out[q * classes + label[nearest(xt[2 * q], xt[2 * q + 1], alpha)]] = 0;
            }
            return out;
        }
        double[] mass = new double[classes];
        for (int q = 0; q < n; q++) {
            logClassMass(xt[2 * q], xt[2 * q + 1], alpha, sigma, mass);
            double logTotal = logSumExp(mass);
            for (int c = 0; c < classes; c++) {
                out[q * classes + c] = mass[c] - logTotal;
            }
        }
        return out;
    }

    /** A sum of Dirac masses at σ = 0: evaluated from the schedule's t_min on, as ExactDensity does (§4.5). */
    @Override
    public double densityTime(double t) {
        return Math.max(t, schedule.tMin());
    }

    /** {@code log p_t(x) = −log N − log(2πσ²) + LSE_i(−‖x − α x⁽ⁱ⁾‖²/(2σ²))}. */
    @Override
    public double[] logDensity(double[] xt, double t) {
        double alpha = schedule.alpha(t);
        double sigma = schedule.sigma(t);
        InvalidInputException.require(sigma > 0, "Memorised points have no density where σ = 0.");
        double constant = -Math.log(label.length) - LOG_2PI - 2 * Math.log(sigma);
        double[] mass = new double[classes()];
        double[] out = new double[xt.length / 2];
        for (int q = 0; q < out.length; q++) {
            logClassMass(xt[2 * q], xt[2 * q + 1], alpha, sigma, mass);
            out[q] = constant + logSumExp(mass);
        }
        return out;
    }

    /** The class of the nearest data point: the σ → 0 limit of the classifier, which is 1-nearest-neighbour. */
    @Override
    public int[] dataClasses(double[] query) {
        int[] out = new int[query.length / 2];
        for (int q = 0; q < out.length; q++) {
            out[q] = label[nearest(query[2 * q], query[2 * q + 1], 1)];
        }
        return out;
    }

    /** Class c's points, resampled with replacement. */
    @Override
    public PointSampler classSampler(int c) {
        EmpiricalDistribution own = new EmpiricalDistribution("class " + c, members[c]);
        return (count, seed) -> own.sample(count, seed).xy();
    }

    /**
     * At t = 0 a data point's class is certain (no point of another class lies at the very same
     * place), so {@code p_0(c | x)^ω} keeps class c's points and drops the others for every ω &gt; 0:
     * the tilted density is the class's points, whatever ω; at ω = 0 it is all the points.
     */
    @Override
    public PointSampler tiltedSampler(int c, double omega) {
        return omega == 0 ? classSamplerOfAll() : classSampler(c);
    }

    private PointSampler classSamplerOfAll() {
        EmpiricalDistribution whole = new EmpiricalDistribution("all", points);
        return (count, seed) -> whole.sample(count, seed).xy();
    }

    /** log Σ_{i ∈ c} exp(−‖(x, y) − α x⁽ⁱ⁾‖²/(2σ²)) per class, −∞ for an empty one, by a running maximum. */
    private void logClassMass(double x, double y, double alpha, double sigma, double[] mass) {
        int classes = mass.length;
        double[] max = new double[classes];
        double[] sum = new double[classes];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double scale = -1 / (2 * sigma * sigma);
        for (int i = 0; i < label.length; i++) {
            double dx = x - alpha * xy[2 * i];
            double dy = y - alpha * xy[2 * i + 1];
            double logit = scale * (dx * dx + dy * dy);
            if (logit == Double.NEGATIVE_INFINITY) {
                continue; // no weight at all (σ vanishingly small against the distance)
            }
            int c = label[i];
            if (logit > max[c]) {
                sum[c] = sum[c] * Math.exp(max[c] - logit) + 1;
                max[c] = logit;
            } else {
                sum[c] += Math.exp(logit - max[c]);
            }
        }
        for (int c = 0; c < classes; c++) {
            mass[c] = sum[c] == 0 ? Double.NEGATIVE_INFINITY : max[c] + Math.log(sum[c]);
        }
    }

    private static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    /** The index of the data point nearest to (x, y)/α, measured as ‖(x, y) − α x⁽ⁱ⁾‖ (as EmpiricalDenoiser). */
    private int nearest(double x, double y, double alpha) {
        double best = Double.POSITIVE_INFINITY;
        int arg = 0;
        for (int i = 0; i < label.length; i++) {
            double dx = x - alpha * xy[2 * i];
            double dy = y - alpha * xy[2 * i + 1];
            double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                arg = i;
            }
        }
        return arg;
    }
}
