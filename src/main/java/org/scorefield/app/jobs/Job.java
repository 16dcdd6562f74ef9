package org.scorefield.app.jobs;

import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import org.scorefield.core.Progress;

/**
 * One piece of background work, as {@link Jobs} runs it: its key and number, its progress, and its
 * cancellation. The work receives its own job and reports through it ({@link #update}, which is
 * {@link Progress}), checks it ({@link #check()}), and may hand intermediate values to the window
 * ({@link #publish}); everything it hands over is tagged with this job, so that a value from a job
 * that was cancelled or superseded by a newer one of the same key is dropped, never shown.
 *
 * <p>A job with no work of its own ({@link Jobs#open}) is a channel that another thread feeds,
 * such as a training run's updates: a newer run, or a reset, retires it and its late updates.
 *
 * @param <U> what {@link #publish} hands over (Void when nothing)
 */
public final class Job<U> implements Progress {

    private final Jobs owner;
    private final long id;
    private final String key;
    private final String title;
    private final Lane lane;
    private final Consumer<? super U> onUpdate;
    private final BinaryOperator<U> merge;

    /** Guards cancelled against committed: a job is one or the other, never both. */
    private final Object cancelLock = new Object();
    private volatile boolean cancelled;
    private volatile boolean committed;
    private volatile boolean superseded;
    private volatile boolean finished;
    private volatile String phase = "";
    private volatile double fraction = -1;
    private volatile long startedNanos;

    private final Object pendingLock = new Object();
    private U pending;
    private boolean updateScheduled;

    Job(Jobs owner, long id, String key, String title, Lane lane, Consumer<? super U> onUpdate,
        BinaryOperator<U> merge) {
        this.owner = owner;
        this.id = id;
        this.key = key;
        this.title = title;
        this.lane = lane;
        this.onUpdate = onUpdate;
        this.merge = merge;
    }

    /** A number no other job of the same {@link Jobs} has: the tag of everything this job hands over. */
    public long id() {
        return id;
    }

    /** What the job is for; a newer job with the same key supersedes this one. */
    public String key() {
        return key;
    }

    /** One phrase for the user ("Computing error against NFE"), or empty for work too quick to show. */
    public String title() {
        return title;
    }

    /** Where it runs; null for a job fed by a thread of its own. */
    public Lane lane() {
        return lane;
    }

    /** What it is doing now, as last reported. */
    public String phase() {
        return phase;
    }

    /** How much of it is done, 0..1, or negative while unknown. */
    public double fraction() {
        return fraction;
    }

    /** When its work started ({@link System#nanoTime()}), or 0 while it waits for its lane. */
    public long startedNanos() {
        return startedNanos;
    }

    /** Whether it has ended (delivered, failed, or dropped). */
    public boolean finished() {
        return finished;
    }

    /** Whether the user cancelled it or a newer job of its key superseded it: the work should stop. */
    @Override
    public boolean cancelled() {
        return cancelled || superseded;
    }

    /** Whether a newer job of the same key took its place (then nothing of it is delivered at all). */
    public boolean superseded() {
        return superseded;
    }

    /**
     * Asks the work to stop at its next {@link #check()}; nothing it makes from now on is shown.
     * Does nothing once the work has {@link #commit committed} to what it does.
     */
    public void cancel() {
        synchronized (cancelLock) {
            if (committed) {
                return;
            }
            cancelled = true;
        }
        owner.changed();
    }

    /** From here on a cancel no longer applies and the result is delivered; false if cancelled already. */
    @Override
    public boolean commit() {
        synchronized (cancelLock) {
            if (cancelled()) {
                return false;
            }
            committed = true;
        }
        owner.changed();
        return true;
    }

    /** Whether the work has committed to what it does: it can no longer be cancelled. */
    public boolean committed() {
        return committed;
    }

    /** Reports progress, from any thread; the window sees the latest at its next pulse. */
    @Override
    public void update(String phase, double fraction) {
        this.phase = phase == null ? "" : phase;
        this.fraction = fraction;
        owner.changed();
    }

    /**
     * Hands a value to the window, from any thread. Values published faster than the window takes
     * them are merged (by default the newest wins), so that a fast worker never floods the window.
     * Dropped once the job is cancelled or superseded.
     */
    public void publish(U value) {
        if (cancelled()) {
            return;
        }
        synchronized (pendingLock) {
            pending = pending == null ? value : merge.apply(pending, value);
            if (updateScheduled) {
                return;
            }
            updateScheduled = true;
        }
        owner.deliver(this::deliverUpdate);
    }

    private void deliverUpdate() {
        U value;
        synchronized (pendingLock) {
            value = pending;
            pending = null;
            updateScheduled = false;
        }
        if (value != null && owner.isCurrent(this) && !cancelled) {
            onUpdate.accept(value);
        }
    }

    void started() {
        startedNanos = System.nanoTime();
        owner.changed();
    }

    void supersede() {
        superseded = true;
    }

    void finish() {
        finished = true;
        owner.changed();
    }

    @Override
    public String toString() {
        return "Job[" + key + " #" + id + (cancelled ? ", cancelled" : "") + (superseded ? ", superseded" : "") + "]";
    }
}
