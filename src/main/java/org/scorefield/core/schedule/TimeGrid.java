package org.scorefield.core.schedule;

import java.util.Arrays;
import org.scorefield.core.InvalidInputException;

/**
 * The times a sampler visits, {@code t_0 > t_1 > … > t_K}, from the prior side to the data side
 * (docs/math.md §5.1). Three factories: uniform in t, uniform in λ = log(α/σ) (so in log SNR,
 * which is 2λ), and EDM's ρ-spacing of the noise level (Karras et al. 2022, eq. 5), applied to the noise-to-signal ratio σ/α so that it
 * serves every affine schedule.
 */
public final class TimeGrid {

    /** EDM's default ρ. */
    public static final double EDM_RHO = 7.0;

    private final double[] times;

    private TimeGrid(double[] times) {
        this.times = times;
    }

    /** A grid through the given strictly decreasing times (copied). */
    public static TimeGrid of(double... times) {
        if (times.length < 2) {
            throw new IllegalArgumentException("a grid needs at least two times, got " + times.length);
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] < times[i - 1])) {
                throw new IllegalArgumentException("grid times must decrease strictly: " + Arrays.toString(times));
            }
        }
        return new TimeGrid(times.clone());
    }

    /** K steps uniform in t from tStart down to tEnd. */
    public static TimeGrid uniform(double tStart, double tEnd, int steps) {
        checkEnds(tStart, tEnd, steps);
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = tStart + (tEnd - tStart) * i / steps;
        }
        t[steps] = tEnd;
        return new TimeGrid(t);
    }

    /** K steps uniform in λ = log(α/σ) from tStart down to tEnd; both ends need a finite λ. */
    public static TimeGrid uniformLogSnr(Schedule schedule, double tStart, double tEnd, int steps) {
        checkEnds(tStart, tEnd, steps);
        double l0 = finiteLambda(schedule, tStart);
        double l1 = finiteLambda(schedule, tEnd);
        double[] t = new double[steps + 1];
        t[0] = tStart;
        for (int i = 1; i < steps; i++) {
            t[i] = schedule.tOfLambda(l0 + (l1 - l0) * i / steps);
        }
        t[steps] = tEnd;
        return checked(t);
    }

    /**
     * EDM's ρ-spacing: {@code σ_i = (σ_max^{1/ρ} + (i/K)(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ}, with σ the
     * noise-to-signal ratio σ/α at the two ends, mapped back to t.
     */
    public static TimeGrid edm(Schedule schedule, double tStart, double tEnd, int steps, double rho) {
        checkEnds(tStart, tEnd, steps);
        if (!(rho > 0)) {
            throw new InvalidInputException("ρ must be positive, got " + rho + ".");
        }
        double sMax = Math.exp(-finiteLambda(schedule, tStart));
        double sMin = Math.exp(-finiteLambda(schedule, tEnd));
        double aMax = Math.pow(sMax, 1 / rho);
        double aMin = Math.pow(sMin, 1 / rho);
        double[] t = new double[steps + 1];
        t[0] = tStart;
        for (int i = 1; i < steps; i++) {
            double s = Math.pow(aMax + (double) i / steps * (aMin - aMax), rho);
            t[i] = schedule.tOfNoiseToSignal(s);
        }
        t[steps] = tEnd;
        return checked(t);
    }

    private static void checkEnds(double tStart, double tEnd, int steps) {
        InvalidInputException.require(steps >= 1, "A sampler needs at least 1 step, got " + steps + ".");
        InvalidInputException.require(Double.isFinite(tStart) && Double.isFinite(tEnd) && tEnd < tStart,
                "The grid must run from a larger to a smaller time, got " + tStart + " → " + tEnd + ".");
    }

    private static double finiteLambda(Schedule schedule, double t) {
        double l = schedule.lambda(t);
        InvalidInputException.require(Double.isFinite(l), "log-SNR is not finite at t = " + t + " for "
                + schedule.kind().id() + "; choose a time within [" + schedule.tMin() + ", " + schedule.tMax() + "].");
        return l;
    }

    private static TimeGrid checked(double[] t) {
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] < t[i - 1])) {
                // Too many steps for the precision of the inverse λ: keep the grid usable and say so.
                throw new InvalidInputException("The time grid collapses at step " + i + " (t = " + t[i]
                        + "); use fewer steps.");
            }
        }
        return new TimeGrid(t);
    }

    /** Number of steps K (one less than the number of times). */
    public int steps() {
        return times.length - 1;
    }

    /** t_i, i = 0..K. */
    public double time(int i) {
        return times[i];
    }

    public double start() {
        return times[0];
    }

    public double end() {
        return times[times.length - 1];
    }

    /** A copy of the times. */
    public double[] times() {
        return times.clone();
    }

    @Override
    public String toString() {
        return "TimeGrid" + Arrays.toString(times);
    }
}
