package org.scorefield.core;

import java.util.concurrent.CancellationException;

/**
 * How long work reports how far it has got and learns that it should stop: a Reflow round, a
 * solver comparison, an animation export. The work calls {@link #update} now and then and {@link #check()}
 * between two units of work; a caller that cancels makes {@link #cancelled()} true, and the work
 * stops at its next check with a {@link CancellationException}, leaving nothing half-made.
 */
public interface Progress {

    /**
     * What the work is doing and how much of it is done.
     *
     * @param phase    one short phrase for the user ("Training round 2…")
     * @param fraction of the work done, 0..1, or a negative number when it cannot be told
     */
    void update(String phase, double fraction);

    /** Whether the caller asked the work to stop. */
    default boolean cancelled() {
        return false;
    }

    /** Stops the work here if it was cancelled. */
    default void check() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Reports to nobody and never cancels. */
    Progress NONE = (phase, fraction) -> { };
}
