package org.scorefield.app.jobs;

/**
 * The worker threads of the window, one per kind of work, so that long work of one kind never
 * delays work of another: a solver comparison of fifteen seconds does not hold up the fields under
 * the cursor, a new sampling run, or the start of training. Jobs of one lane run one at a time, in
 * the order they were submitted.
 */
public enum Lane {
    /** Work that follows the scrubber: densities, fields, the velocity probe, pairs (milliseconds). */
    QUICK,
    /** Sampling runs and the paths started by clicks (up to seconds). */
    SAMPLING,
    /** Building a training run: the first one loads ND4J (a second or more). */
    TRAINING,
    /** The solvers' error against NFE (seconds). */
    COMPUTE,
    /** Reflow rounds (tens of seconds). */
    REFLOW,
    /** Animations and figures written to files. */
    EXPORT,
    /** Session files and the list of recent ones: open, save, autosave. */
    FILES
}
