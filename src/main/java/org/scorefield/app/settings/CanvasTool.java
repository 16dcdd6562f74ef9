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
    CELLS
}
