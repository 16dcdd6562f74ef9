package org.scorefield.app;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.scorefield.core.InvalidInputException;

/**
 * Computations that must not freeze the window (fields, densities, sampling, solver comparisons)
 * run here, off the FX thread, and hand their immutable result back to it. Work is keyed: a newer
 * request under the same key supersedes an older one, which is then skipped if it has not started
 * and its result dropped if it has, so dragging a slider queues no backlog and never shows a stale
 * picture after a fresh one.
 *
 * <p>Two threads: one for quick work that follows the scrubber (fields, densities: milliseconds),
 * one for long work (sampling runs, error versus NFE: up to seconds), so that a long run never
 * delays the field under the cursor. Denoisers are not shared between threads: each job builds its
 * own from immutable inputs.
 */
final class BackgroundWork implements AutoCloseable {

    /** Which thread a job runs on. */
    enum Lane { QUICK, LONG }

    private final ExecutorService quick = Executors.newSingleThreadExecutor(daemon("scorefield-quick"));
    private final ExecutorService slow = Executors.newSingleThreadExecutor(daemon("scorefield-long"));
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger unfinished = new java.util.concurrent.atomic.AtomicInteger();
    private final Consumer<String> onError;
    private volatile boolean closed;

    /** @param onError receives, on the FX thread, one sentence for the user when a job fails */
    BackgroundWork(Consumer<String> onError) {
        this.onError = onError;
    }

    /**
     * Runs {@code work} on the lane's thread and passes its result to {@code onResult} on the FX
     * thread, unless a newer job with the same key was submitted meanwhile.
     */
    <T> void submit(String key, Lane lane, Callable<T> work, Consumer<T> onResult) {
        submit(key, lane, work, onResult, () -> { });
    }

    /**
     * As {@link #submit(String, Lane, Callable, Consumer)}, and runs {@code onFailure} on the FX
     * thread after the failure is reported (to clear a busy state the job set), unless superseded.
     */
    <T> void submit(String key, Lane lane, Callable<T> work, Consumer<T> onResult, Runnable onFailure) {
        if (closed) {
            return; // the window has closed: nothing is waiting for the result
        }
        long generation = generations.merge(key, 1L, Long::sum);
        unfinished.incrementAndGet();
        (lane == Lane.QUICK ? quick : slow).execute(() -> {
            if (!current(key, generation)) {
                unfinished.decrementAndGet();
                return;
            }
            Runnable delivery;
            try {
                T result = work.call();
                delivery = () -> {
                    if (current(key, generation)) {
                        onResult.accept(result);
                    }
                };
            } catch (InvalidInputException e) {
                delivery = () -> failed(key, generation, e.getMessage(), onFailure);
            } catch (Exception | OutOfMemoryError e) {
                delivery = () -> failed(key, generation, "Something went wrong (" + e + "). Your work is unchanged.",
                        onFailure);
            }
            Runnable deliver = delivery;
            Platform.runLater(() -> {
                try {
                    deliver.run();
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        });
    }

    private void failed(String key, long generation, String message, Runnable onFailure) {
        onError.accept(message);
        if (current(key, generation)) {
            onFailure.run();
        }
    }

    /** Drops the result of any job under this key that has not delivered yet. */
    void cancel(String key) {
        generations.merge(key, 1L, Long::sum);
    }

    /** Whether every submitted job has run and delivered (for scripted screenshots and tests). */
    boolean idle() {
        return unfinished.get() == 0;
    }

    private boolean current(String key, long generation) {
        return generations.getOrDefault(key, 0L) == generation;
    }

    @Override
    public void close() {
        closed = true;
        quick.shutdownNow();
        slow.shutdownNow();
        try {
            quick.awaitTermination(1, TimeUnit.SECONDS);
            slow.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
