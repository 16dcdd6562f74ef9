package org.scorefield.core.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.DoubleToIntFunction;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.Progress;
import org.scorefield.core.denoise.Denoiser;
import org.scorefield.core.sample.Recording;
import org.scorefield.core.sample.SampleResult;
import org.scorefield.core.sample.SamplerSettings;
import org.scorefield.core.sample.Sampling;

/**
 * Guided samples over a grid of guidance scales, all from the same starting noise (docs/math.md §9):
 * one sampling run per ω in {@code 0, ω_max/(K − 1), …, ω_max}, each from the prior drawn from the same
 * seed with the same solver, so that frame to frame only ω changes. Nothing is interpolated: a frame
 * between two grid values shows the nearer one's samples, under its own ω. What {@code render --what
 * guidance} and the window's guidance sweep animate.
 */
public final class GuidanceSweep {

    /** Grid values of ω a sweep samples by default: steps of 0.1 from 0 to 4. */
    public static final int DEFAULT_VALUES = 41;
    /** The most grid values a sweep takes (each is one sampling run). */
    public static final int MAX_VALUES = 200;

    /**
     * The samples at one guidance scale.
     *
     * @param omega         the scale ω
     * @param samples       the end points, (x0, y0, x1, y1, …)
     * @param nfe           network evaluations of the run (two a call for classifier-free guidance at ω ∉ {0, 1})
     * @param classFraction the share of the samples the exact classifier puts in the class
     */
    public record Frame(double omega, double[] samples, long nfe, double classFraction) {
    }

    private GuidanceSweep() {
    }

    /** {@code values} evenly spaced scales from 0 to {@code omegaMax}, both included. */
    public static double[] grid(double omegaMax, int values) {
        InvalidInputException.require(Double.isFinite(omegaMax) && omegaMax > 0 && omegaMax <= 100,
                "The largest guidance scale must lie in (0, 100], got " + omegaMax + ".");
        InvalidInputException.require(values >= 2 && values <= MAX_VALUES, "A sweep takes between 2 and "
                + MAX_VALUES + " values of \u03c9, got " + values + ".");
        double[] omegas = new double[values];
        for (int k = 0; k < values; k++) {
            omegas[k] = omegaMax * k / (values - 1);
        }
        omegas[values - 1] = omegaMax; // exactly, whatever the rounding
        return omegas;
    }

    /**
     * Samples class c at every scale from the same starting noise.
     *
     * @param guided      the guided denoiser at a scale ω (an exact oracle's, a model's classifier-free pair, or a
     *                    model with its noisy classifier)
     * @param evaluations network evaluations per call of the guided denoiser at a scale ω
     * @param exact       the data's exact guidance, which judges the samples
     * @param progress    told the ω being sampled; a cancel stops between two runs
     */
    public static List<Frame> run(DoubleFunction<Denoiser> guided, DoubleToIntFunction evaluations, ExactGuidance exact,
                                  int c, double[] omegas, SamplerSettings settings, int n, long seed,
                                  Progress progress) {
        List<Frame> out = new ArrayList<>();
        for (int k = 0; k < omegas.length; k++) {
            progress.check();
            double w = omegas[k];
            progress.update(String.format(Locale.ROOT, "Sampling at \u03c9 = %.2f (%d of %d)\u2026", w, k + 1,
                    omegas.length), (double) k / omegas.length);
            // the same seed every time: the same prior points, the same noise of a stochastic solver
            SampleResult result = Sampling.fromPrior(guided.apply(w), settings, n, seed, Recording.NONE);
            double[] samples = result.samples();
            out.add(new Frame(w, samples, result.nfe() * evaluations.applyAsInt(w),
                    exact.classFraction(samples, c)));
        }
        return List.copyOf(out);
    }

    /** The frame whose ω is nearest to {@code u·ω_max}, for u in [0, 1]. */
    public static Frame at(List<Frame> frames, double u) {
        return frames.get((int) Math.round(Math.max(0, Math.min(1, u)) * (frames.size() - 1)));
    }
}
