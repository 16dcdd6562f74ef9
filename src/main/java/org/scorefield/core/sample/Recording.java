package org.scorefield.core.sample;

/** How much of a run's path to keep. */
public enum Recording {
    /** Only the end points. */
    NONE,
    /** Positions at every grid time. */
    POSITIONS,
    /** Positions and the denoising trajectory x̂0 at every grid time. */
    POSITIONS_AND_DENOISED
}
