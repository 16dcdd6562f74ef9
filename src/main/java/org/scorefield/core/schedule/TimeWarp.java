package org.scorefield.core.schedule;

/**
 * Where a time t sits on a slider that is uniform in something other than t. Under VP with
 * β_max = 20, σ is already 0.26 at t = 0.08: nearly everything a picture shows happens in the first
 * 15 % of a slider uniform in t. A slider uniform in λ(t) = log(α/σ), half the log-SNR (clamped to
 * ±{@value #LAMBDA_CAP}, where the picture no longer changes), spreads that change evenly; one
 * uniform in σ does the same for the early times alone. A small share ({@value #T_SHARE}) of plain t
 * is mixed in, so that the position always moves with t, also where λ is clamped or σ still.
 *
 * <p>Position u ∈ [0, 1] of time t: u(t) = (1 − w)·C(t)/C(1) + w·t, with C(t) = ∫₀ᵗ |dq| the
 * accumulated change of the chosen quantity q and w = {@value #T_SHARE}; computed on a fine grid
 * and inverted by interpolation (docs/math.md §2.11).
 */
public final class TimeWarp {

    /** What the slider is uniform in. */
    public enum Kind {
        TIME("t"), LOG_SNR("log-SNR"), SIGMA("\u03c3");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** "log-SNR", as the box shows it. */
        public String label() {
            return label;
        }
    }

    /** |λ| beyond which the picture no longer changes: SNR = e^(2λ) = e^±10, σ/α or α/σ ≈ 0.007. */
    public static final double LAMBDA_CAP = 5;
    /** The share of plain t in the position. */
    public static final double T_SHARE = 0.05;
    /** Grid intervals of the table. */
    static final int CELLS = 4096;

    private final Kind kind;
    private final double[] positions = new double[CELLS + 1];

    private TimeWarp(Kind kind, Schedule schedule) {
        this.kind = kind;
        if (kind == Kind.TIME) {
            for (int i = 0; i <= CELLS; i++) {
                positions[i] = (double) i / CELLS;
            }
            return;
        }
        double[] change = new double[CELLS + 1];
        double previous = quantity(schedule, 0);
        for (int i = 1; i <= CELLS; i++) {
            double q = quantity(schedule, (double) i / CELLS);
            double step = Math.abs(q - previous);
            change[i] = change[i - 1] + (Double.isFinite(step) ? step : 0);
            previous = q;
        }
        double total = change[CELLS];
        for (int i = 0; i <= CELLS; i++) {
            double t = (double) i / CELLS;
            positions[i] = total > 0 ? (1 - T_SHARE) * change[i] / total + T_SHARE * t : t;
        }
        positions[0] = 0;
        positions[CELLS] = 1;
    }

    /** The warp of a schedule's slider. */
    public static TimeWarp of(Kind kind, Schedule schedule) {
        return new TimeWarp(kind, schedule);
    }

    public Kind kind() {
        return kind;
    }

    private double quantity(Schedule schedule, double t) {
        if (kind == Kind.SIGMA) {
            return schedule.sigma(t);
        }
        double a = schedule.alpha(t);
        double s = schedule.sigma(t);
        double lambda = a <= 0 ? -LAMBDA_CAP : s <= 0 ? LAMBDA_CAP : Math.log(a) - Math.log(s);
        return Math.max(-LAMBDA_CAP, Math.min(LAMBDA_CAP, Double.isNaN(lambda) ? 0 : lambda));
    }

    /** The slider position of time t (both in [0, 1]). */
    public double position(double t) {
        double x = Math.max(0, Math.min(1, t)) * CELLS;
        int i = Math.min(CELLS - 1, (int) x);
        double f = x - i;
        return positions[i] + f * (positions[i + 1] - positions[i]);
    }

    /** The time at slider position u (the inverse of {@link #position}). */
    public double time(double u) {
        double p = Math.max(0, Math.min(1, u));
        int lo = 0;
        int hi = CELLS;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] <= p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = positions[hi] - positions[lo];
        double f = span > 0 ? (p - positions[lo]) / span : 0;
        return Math.max(0, Math.min(1, (lo + f) / CELLS));
    }
}
