package org.scorefield.app.settings;

/**
 * The one setting in which the compare view's model B differs from the window's model A: every
 * other input (data, process, seed, network, optimiser) is A's.
 */
public enum ComparedSetting {
    /** What the network learns to predict. */
    OBJECTIVE("objective"),
    /** The process's schedule (meaningless under flow matching, which trains on its own straight path). */
    SCHEDULE("schedule"),
    /** Units per hidden layer. */
    WIDTH("width"),
    /** How flow matching pairs its batches (meaningless for the other objectives). */
    COUPLING("coupling");

    private final String label;

    ComparedSetting(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
