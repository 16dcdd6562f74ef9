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
    /** A non-negative error such as |learned − exact|: a distinct warm ramp, linear from 0 to the maximum. */
    DIFFERENCE;

    /** The span of log p_t a density heatmap shows, in nats below its maximum. */
    public static final double DENSITY_RANGE = 8;
}
