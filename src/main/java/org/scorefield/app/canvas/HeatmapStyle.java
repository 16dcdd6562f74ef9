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
    TILTED;

    /** Whether the grid is a log-density, shown over its top {@link #DENSITY_RANGE} nats. */
    public boolean logDensity() {
        return this == DENSITY || this == ENDPOINTS || this == TILTED;
    }

    /** Whether the density ramp colours it (a log-density, or a probability), rather than the error ramp. */
    public boolean densityRamp() {
        return this != DIFFERENCE;
    }

    /** The colour bar's caption. Plain letters: a subscript t is missing from some projector fonts. */
    public String caption() {
        return switch (this) {
            case DENSITY -> "log p(x, t)";
            case ENDPOINTS -> "end-point log density";
            case DIFFERENCE -> "|learned \u2212 exact|";
            case CLASSIFIER -> "p(c | x, t) of the class";
            case TILTED -> "tilted log p\u00b7p(c | x)^\u03c9";
        };
    }

    /** The span of log p_t a density heatmap shows, in nats below its maximum. */
    public static final double DENSITY_RANGE = 8;
}
