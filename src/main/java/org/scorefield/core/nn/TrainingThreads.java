package org.scorefield.core.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * How many threads a training step may use, and the threads themselves. A {@link Trainer} splits
 * every batch into {@value #SHARDS} fixed shards whatever the thread count, so that a run's weights
 * are the same bits on one thread or two: threads only change who computes which shard.
 *
 * <p>The policy is the process's: one thread by default (a window draws on the other core), every
 * core up to {@value #SHARDS} for the command line ({@link #useAvailableCores}). On this 2-core
 * machine a step on two threads took 0.66–0.69× of a step on one (docs/platform.md §4.6).
 */
public final class TrainingThreads {

    /** Shards of a batch. */
    public static final int SHARDS = 2;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "scorefield-train-shard");
        t.setDaemon(true);
        return t;
    });

    private static volatile int threads = 1;

    private TrainingThreads() {
    }

    /** Threads a training step uses now (1 … {@value #SHARDS}). */
    public static int current() {
        return threads;
    }

    /** Sets the threads of the training steps that start from now on (clamped to 1 … {@value #SHARDS}). */
    public static void use(int count) {
        threads = clamp(count);
    }

    /** A thread count a step can use: 1 … {@value #SHARDS}. */
    static int clamp(int count) {
        return Math.max(1, Math.min(SHARDS, count));
    }

    /** Every core of this machine, up to {@value #SHARDS}: what the command line uses. */
    public static void useAvailableCores() {
        use(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code task} for shards 0 … count − 1 on up to {@code threadCount} threads (shard 0 on
     * the caller) and returns when every shard is done; the first failure is rethrown.
     */
    static void run(int count, int threadCount, IntConsumer task) {
        if (threadCount <= 1 || count <= 1) {
            for (int s = 0; s < count; s++) {
                task.accept(s);
            }
            return;
        }
        // shards 1 … count − 1 on the pool (count ≤ SHARDS = 2 threads in all)
        @SuppressWarnings("unchecked")
        Future<?>[] others = new Future<?>[count - 1];
        for (int s = 1; s < count; s++) {
            int shard = s;
            others[s - 1] = POOL.submit(() -> task.accept(shard));
        }
        Throwable failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : others) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the shard uses this step's buffers: wait for it all the same
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
