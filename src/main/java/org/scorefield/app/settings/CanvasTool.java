package org.scorefield.app.settings;

/** What a click or drag on the canvas does. */
public enum CanvasTool {
    /** Clicks start sampling trajectories at t = 1. */
    LOOK,
    /** Drags spray data points. */
    BRUSH,
    /** Drags remove data points. */
    ERASE,
    /** A click shows the conditional and marginal velocity of flow matching at that point and the current t. */
    PROBE,
    /** A click moves the block of continuity cells there. */
    CELLS,
    /** A click moves the mean-shift probe x_t there (docs/math.md §6.4). */
    MEAN_SHIFT
}
