package org.scorefield.app.export;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The frames of an animation painted on several threads, each with a painter of its own (an
 * {@link Animation.Painter} keeps a canvas and caches from one frame to the next, so it is not shared), and
 * handed out in order as they complete. Painters claim frames in order, at most {@code buffer} ahead of the
 * one handed out last: a bounded reorder buffer, so memory stays at a few frames whatever the length and a
 * fast painter waits for a slow one instead of running ahead.
 *
 * <p>Call order: construct (the threads start), {@link #take()} each frame in order, {@link #close()} (always,
 * also after a failure or a cancel: it stops the painters after the frame each is painting and waits for them).
 */
final class ParallelFrames implements AutoCloseable {

    private final int count;
    private final BufferedImage[] ready;
    private final BooleanSupplier cancelled;
    private final List<Thread> threads = new ArrayList<>();
    private final Object lock = new Object();
    /** The next frame a painter will claim; guarded by lock. */
    private int claimed;
    /** The next frame {@link #take()} hands out; guarded by lock. */
    private int taken;
    /** The first painter's failure; guarded by lock. */
    private Throwable failure;
    /** Set by {@link #close()}; guarded by lock. */
    private boolean stopped;

    /**
     * @param count     frames 0 … count − 1
     * @param painters  how many threads paint
     * @param buffer    frames painted but not yet taken, at most (at least the number of painters)
     * @param painter   makes one thread's painter: frame i as an image
     * @param cancelled asked before a painter begins a frame, and while {@link #take()} waits, so that a
     *                  cancel does not wait for a slow frame
     */
    ParallelFrames(int count, int painters, int buffer, Supplier<IntFunction<BufferedImage>> painter,
                   BooleanSupplier cancelled) {
        if (painters < 1 || buffer < painters) {
            throw new IllegalArgumentException(painters + " painters with a buffer of " + buffer);
        }
        this.count = count;
        this.ready = new BufferedImage[buffer];
        this.cancelled = cancelled;
        for (int k = 0; k < painters; k++) {
            Thread thread = new Thread(() -> paint(painter), "scorefield-painter-" + k);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** One painter's loop: claim the next frame while the buffer has room, paint it, put it in its slot. */
    private void paint(Supplier<IntFunction<BufferedImage>> painter) {
        try {
            IntFunction<BufferedImage> frames = painter.get();
            while (!cancelled.getAsBoolean()) { // once cancelled, no frame is begun
                int i;
                synchronized (lock) {
                    while (!stopped && failure == null && claimed < count && claimed >= taken + ready.length) {
                        lock.wait();
                    }
                    if (stopped || failure != null || claimed >= count) {
                        return;
                    }
                    i = claimed++;
                }
                BufferedImage frame = frames.apply(i);
                if (frame == null) {
                    throw new IllegalStateException("frame " + i + " was not painted");
                }
                synchronized (lock) {
                    ready[i % ready.length] = frame; // frames taken … taken + length − 1 have distinct slots
                    lock.notifyAll();
                }
            }
        } catch (Throwable t) {
            synchronized (lock) {
                if (failure == null) {
                    failure = t;
                }
                lock.notifyAll();
            }
        }
    }

    /**
     * The next frame in order, once painted.
     *
     * @throws CancellationException when cancelled while waiting
     * @throws RuntimeException      a painter's failure, as it was thrown (an Error as it was)
     */
    BufferedImage take() throws InterruptedException {
        synchronized (lock) {
            if (taken >= count) {
                throw new IllegalStateException("all " + count + " frames were taken");
            }
            int slot = taken % ready.length;
            while (ready[slot] == null && failure == null) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("export cancelled");
                }
                lock.wait(50);
            }
            if (failure != null) {
                rethrow(failure);
            }
            BufferedImage frame = ready[slot];
            ready[slot] = null;
            taken++;
            lock.notifyAll();
            return frame;
        }
    }

    /** Stops the painters after their current frame and waits for them; the frames not taken are dropped. */
    @Override
    public void close() {
        synchronized (lock) {
            stopped = true;
            java.util.Arrays.fill(ready, null);
            lock.notifyAll();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // still wait: no painter outlives the export
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        } else if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t.toString(), t);
    }
}
