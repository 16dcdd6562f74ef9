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

    /**
     * The work is about to do what cannot be undone (put a finished file in place): from here on a
     * cancel no longer applies, so that what it does is reported as done. False when it was
     * cancelled already; the work must then stop without doing it ({@link #commitOrStop()}).
     */
    default boolean commit() {
        return !cancelled();
    }

    /** {@link #commit()}s, or stops here with a {@link CancellationException} if it was cancelled. */
    default void commitOrStop() {
        if (!commit()) {
            throw new CancellationException("cancelled");
        }
    }

    /** Reports to nobody and never cancels. */
    Progress NONE = (phase, fraction) -> { };
}
