package org.scorefield.core.guidance;

import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.metric.PointSampler;
import org.scorefield.core.schedule.Schedule;

/**
 * Labelled data whose oracles are exact, as {@link ExactGuidance} needs it (docs/math.md §9): a
 * labelled Gaussian mixture ({@link LabelledMixture}) or a labelled point set, memorised
 * ({@link LabelledPoints}). Classes are the labels 0 … classes − 1; a label that nothing carries has
 * prior 0 and no conditional oracle.
 */
interface LabelledOracle {

    Schedule schedule();

    int classes();

    /** π_c, the share of the data in class c. */
    double prior(int c);

    /** The oracle of the whole data. */
    Denoiser unconditional();

    /** The oracle of p_t(x | c), or null for a class nothing carries. */
    Denoiser conditional(int c);

    /** The sentence that refuses a class nothing carries. */
    String noneCarries(int c);

    /** log p_t(c | x) for every point and class, {@code n × classes} values, −∞ for an empty class. */
    double[] logClassifier(double[] xt, double t);

    /** The time the tilted density is evaluated at for t: t itself, or the first where it is a density. */
    double densityTime(double t);

    /** log p_t(x) at every point. */
    double[] logDensity(double[] xt, double t);

    /** The class of each point of the data space (t = 0), as the exact classifier there decides it. */
    int[] dataClasses(double[] points);

    /** Class c's own distribution at t = 0. */
    PointSampler classSampler(int c);

    /** The tilted density {@code p_0·p_0(c | x)^ω}. */
    PointSampler tiltedSampler(int c, double omega);
}
