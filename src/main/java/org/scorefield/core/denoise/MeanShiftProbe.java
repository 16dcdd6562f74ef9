package org.scorefield.core.denoise;

import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.PointSet;
import org.scorefield.core.schedule.Schedule;

/**
 * What the mean-shift view draws at one probe point x_t and time t (docs/math.md §6.4; geometry
 * notes): the memorising oracle's reading {@link MeanShift} (each data point's posterior weight, the
 * kernel of bandwidth σ/α around x_t/α, the weighted mean x̂0), one DDIM step from t along the chord
 * from x_t/α towards x̂0, and, when a model is there, the model's own x̂0 at the same x_t and t.
 * Everything but the probe itself is in data units, where the kernel lives.
 *
 * <p>The oracle is evaluated at {@code clamp(t, t_min, t_max)}: at σ = 0 (t = 0 of VP) or α = 0
 * (t = 1 of the linear path) the kernel has no bandwidth or no centre.
 *
 * @param x        the probe x_t, x
 * @param y        the probe x_t, y
 * @param t        the time the oracle was read at
 * @param tNext    where the step goes: one step of a K-step grid uniform in λ ({@link MeanShift#stepEnd})
 * @param data     the data points, interleaved, one weight each in {@code shift.weights()}
 * @param shift    the weights, bandwidth, centre and x̂0
 * @param next     the step's end in data units, x̃' = x_{t'}/α(t'), on the chord
 * @param fraction how far along the chord the step goes, 1 − σ̃'/σ̃
 * @param learned  a model's x̂0 at (x_t, t), or null
 */
public record MeanShiftProbe(double x, double y, double t, double tNext, double[] data, MeanShift shift,
                             double[] next, double fraction, double[] learned) {

    /** Weights below this are drawn as the faint background, not as discs (see {@link #drawn}). */
    public static final double DISC_THRESHOLD = 1e-4;

    /**
     * The reading of the memorising oracle of {@code points} at (x, y) and t, with the step of a K-step
     * λ-grid.
     *
     * @param steps   K, at least 1
     * @param learned a model's x̂0 there, or null
     */
    public static MeanShiftProbe of(PointSet points, Schedule schedule, double x, double y, double t, int steps,
                                    double[] learned) {
        InvalidInputException.require(steps >= 1, "A step needs a grid of at least one step, not " + steps + ".");
        double at = Math.max(schedule.tMin(), Math.min(schedule.tMax(), t));
        MeanShift shift = MeanShift.at(points, schedule, x, y, at);
        double tNext = MeanShift.stepEnd(schedule, at, steps);
        return new MeanShiftProbe(x, y, at, tNext, points.xy(), shift, shift.chordStep(schedule, at, tNext),
                MeanShift.chordFraction(schedule, at, tNext), learned);
    }

    /** The same reading with a model's x̂0 (null: none). */
    public MeanShiftProbe withLearned(double[] modelGuess) {
        return new MeanShiftProbe(x, y, t, tNext, data, shift, next, fraction, modelGuess);
    }

    /** The indices of the points whose weight is at least {@code minWeight}, the ones drawn as discs. */
    public int[] drawn(double minWeight) {
        double[] w = shift.weights();
        int n = 0;
        for (double v : w) {
            if (v >= minWeight) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] >= minWeight) {
                out[k++] = i;
            }
        }
        return out;
    }
}
