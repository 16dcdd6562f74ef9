package org.scorefield.app.canvas;

/**
 * How a {@link CanvasFrame}'s scalar grid is coloured.
 */
public enum HeatmapStyle {
    /**
     * A log-density log p_t (docs/math.md §4.5): a sequential ramp from the background over the top
     * {@link #DENSITY_RANGE} nats, {@code [max − 8, max]}, so the shape of p_t shows across eight
     * orders of magnitude; lower values take the background colour.
     */
    DENSITY,
    /**
     * The log-density of a run's end points (the split view's: where each sampler's particles land),
     * coloured as {@link #DENSITY} and named for what it is.
     */
    ENDPOINTS,
    /** A non-negative error such as |learned − exact|: a distinct warm ramp, linear from 0 to the maximum. */
    DIFFERENCE,
    /** A probability, the exact noisy classifier p_t(c | x) of one class: the density ramp, linear from 0 to 1. */
    CLASSIFIER,
    /** The log of the tilted density p_t(x)·p_t(c | x)^ω normalised (docs/math.md §9.3), coloured as {@link #DENSITY}. */
    TILTED,
    /** A log-density at t = 0, log p₀ (docs/math.md §7.5), coloured as {@link #DENSITY}. */
    LOG_P0,
    /**
     * A difference of two log-densities, model − exact log p₀ in nats (docs/math.md §7.5): a
     * diverging ramp, the background at 0, blue below and red above, symmetric about 0 over
     * {@code [−R, R]} with R the 90th percentile of |value| over the non-zero cells rounded up to
     * 0.25, 0.5, 1, 2, 4 or 8 nats; the colours hold beyond.
     */
    LOG_RATIO,
    /** The log-density of the data blurred by N(0, σ²I), log p_σ (docs/math.md §5.13), coloured as {@link #DENSITY}. */
    LOG_P_SIGMA;

    /** Whether the grid is a log-density, shown over its top {@link #DENSITY_RANGE} nats. */
    public boolean logDensity() {
        return this == DENSITY || this == ENDPOINTS || this == TILTED || this == LOG_P0 || this == LOG_P_SIGMA;
    }

    /** Whether the density ramp colours it (a log-density, or a probability), rather than the error ramp. */
    public boolean densityRamp() {
        return this != DIFFERENCE && this != LOG_RATIO;
    }

    /** Whether the ramp diverges from the background at 0 (a signed difference). */
    public boolean diverging() {
        return this == LOG_RATIO;
    }

    /** The half-width R of a diverging map whose largest |value| is {@code largest}: 0.25 to 8 nats. */
    public static double divergingRange(double largest) {
        for (double r : new double[] {0.25, 0.5, 1, 2, 4}) {
            if (largest <= r) {
                return r;
            }
        }
        return 8;
    }

    /** The colour bar's caption. Plain letters: a subscript t is missing from some projector fonts. */
    public String caption() {
        return switch (this) {
            case DENSITY -> "log p(x, t)";
            case ENDPOINTS -> "end-point log density";
            case DIFFERENCE -> "|learned \u2212 exact|";
            case CLASSIFIER -> "p(c | x, t) of the class";
            case TILTED -> "tilted log p\u00b7p(c | x)^\u03c9";
            case LOG_P0 -> "log p\u2080 (nats)";
            case LOG_RATIO -> "\u0394 log p\u2080 (nats)";
            case LOG_P_SIGMA -> "log p_\u03c3 of the data";
        };
    }

    /** The span of log p_t a density heatmap shows, in nats below its maximum. */
    public static final double DENSITY_RANGE = 8;
}
