package org.scorefield.app.jobs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import org.scorefield.core.InvalidInputException;

/**
 * The one way the window runs work that must not freeze it (JabRef's {@code BackgroundTask} with
 * an injected executor, in our words). A job is submitted under a key on a {@link Lane}; its work
 * runs on the lane's thread and its result is handed back on the deliver thread (the FX thread in
 * the window), tagged with the job:
 * <ul>
 *   <li>a newer job of the same key supersedes the older one: the older one's work is told to stop
 *       ({@link Job#cancelled()}), skipped if it has not started, and nothing of it is delivered,
 *       so dragging a slider queues no backlog and a stale picture never replaces a fresh one;</li>
 *   <li>a cancelled job's result is dropped too, and its {@code onCancelled} runs instead;</li>
 *   <li>a failure becomes one sentence for the user (an {@link InvalidInputException}'s own, or
 *       "Something went wrong"), never a stack trace.</li>
 * </ul>
 *
 * <p>Both executors are injected, so the logic that submits jobs is tested with plain JUnit: a test
 * runs the lanes and the deliveries by hand, in the order it wants. Submit, cancel and every
 * callback happen on the deliver thread; the work runs on its lane. Nothing here blocks the
 * deliver thread, not even {@link #close()}.
 */
public final class Jobs implements AutoCloseable {

    /**
     * What a job computes, on its lane, reporting through its own job.
     *
     * @param <T> the result
     * @param <U> what it publishes on the way (Void when nothing)
     */
    @FunctionalInterface
    public interface Work<T, U> {
        T run(Job<U> job) throws Exception;
    }

    /** Hears, on the deliver thread, that the running jobs or their progress changed. */
    @FunctionalInterface
    public interface Listener {
        void changed(List<Job<?>> running);
    }

    private final Executor deliver;
    private final Function<Lane, Executor> lanes;
    private volatile Consumer<String> onError = message -> { };
    private final Map<String, Job<?>> current = new ConcurrentHashMap<>();
    private final List<Job<?>> running = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicBoolean changeScheduled = new AtomicBoolean();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * @param deliver where results, updates and failures are handed over (the FX thread)
     * @param lanes   the executor of each lane; each must run its jobs one at a time, in order
     */
    public Jobs(Executor deliver, Function<Lane, Executor> lanes) {
        this.deliver = deliver;
        this.lanes = lanes;
    }

    /** Where the sentence goes, on the deliver thread, when a current job fails (the status bar). */
    public void onError(Consumer<String> handler) {
        this.onError = handler;
    }

    /**
     * Jobs whose lanes are daemon threads of their own, each started when its lane is first used,
     * and whose results go to {@code deliver} (the FX thread: {@code Platform::runLater}).
     */
    public static Jobs withThreads(Executor deliver) {
        return new Jobs(deliver, new LaneThreads());
    }

    /**
     * One thread per lane, started on first use: daemon threads, but for the files' lane, whose
     * writes must not be cut short by the program's end. That one ends after two idle seconds, so
     * that it keeps the program alive only while it has a file to write, however the window ends.
     */
    private static final class LaneThreads implements Function<Lane, Executor> {
        private final Map<Lane, ExecutorService> threads = new EnumMap<>(Lane.class);

        @Override
        public synchronized Executor apply(Lane lane) {
            return threads.computeIfAbsent(lane, l -> {
                java.util.concurrent.ThreadFactory named = r -> {
                    Thread t = new Thread(r, "scorefield-" + l.name().toLowerCase(java.util.Locale.ROOT));
                    t.setDaemon(l != Lane.FILES);
                    return t;
                };
                if (l != Lane.FILES) {
                    return Executors.newSingleThreadExecutor(named);
                }
                java.util.concurrent.ThreadPoolExecutor files = new java.util.concurrent.ThreadPoolExecutor(1, 1, 2,
                        java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), named);
                files.allowCoreThreadTimeOut(true);
                return files;
            });
        }

        /** Interrupts every lane but the files' one, which finishes its queue and then ends. */
        synchronized void shutdown() {
            threads.forEach((lane, e) -> {
                if (lane == Lane.FILES) {
                    e.shutdown();
                } else {
                    e.shutdownNow();
                }
            });
        }
    }

    /** Starts describing a job of {@code key} on {@code lane}. */
    public <T> Request<T, Void> job(String key, Lane lane) {
        return new Request<>(key, lane);
    }

    /** Submits work whose result goes to {@code onResult}, superseding any job of the same key. */
    public <T> Job<Void> submit(String key, Lane lane, Work<T, Void> work, Consumer<? super T> onResult) {
        return this.<T>job(key, lane).start(work, onResult);
    }

    /**
     * A job without work of its own, fed by a thread that is not a lane (a training worker): what
     * that thread {@link Job#publish publishes} reaches {@code onUpdate}, merged when it comes faster
     * than the deliver thread takes it, until the job is cancelled or superseded.
     */
    public <U> Job<U> open(String key, String title, Consumer<? super U> onUpdate, BinaryOperator<U> merge) {
        Job<U> job = new Job<>(this, ids.incrementAndGet(), key, title, null, onUpdate, merge);
        supersede(key, job);
        return job;
    }

    /** Cancels the current job of {@code key}, if any (its result is dropped). */
    public void cancel(String key) {
        Job<?> job = current.get(key);
        if (job != null) {
            job.cancel();
        }
    }

    /**
     * Drops the current job of {@code key}, if any, as if superseded: its work is told to stop and
     * nothing of it is delivered, not even its {@code onCancelled} (for a caller that resets what
     * the job would have changed itself).
     */
    public void drop(String key) {
        Job<?> job = current.remove(key);
        if (job != null) {
            job.supersede();
        }
    }

    /** The current (newest) job of a key while it runs or waits to; null once it has delivered. */
    public Job<?> current(String key) {
        return current.get(key);
    }

    /** Whether {@code job} is still the newest of its key. */
    boolean isCurrent(Job<?> job) {
        return current.get(job.key()) == job;
    }

    /** Whether every submitted job has run and delivered (for scripted screenshots and tests). */
    public boolean idle() {
        return unfinished.get() == 0;
    }

    /** The jobs whose work is running now, oldest first. */
    public List<Job<?>> running() {
        return List.copyOf(running);
    }

    /** Adds a listener of the running jobs and their progress (called on the deliver thread). */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Stops the work without waiting for it; nothing is delivered from now on. Work on the files'
     * lane is the exception: a session being saved is written whole, so that lane finishes what it
     * was given (its thread keeps the program alive until then) and only then ends.
     */
    @Override
    public void close() {
        closed = true;
        for (Job<?> job : current.values()) {
            if (job.lane() != Lane.FILES) {
                job.cancel();
            }
        }
        if (lanes instanceof LaneThreads threads) {
            threads.shutdown();
        }
    }

    // ---- submitting -----------------------------------------------------------------------------

    /**
     * A job being described: its title (for the progress the window shows), what to do when it
     * fails or is cancelled, and where its published updates go.
     *
     * @param <T> the result
     * @param <U> what the work publishes on the way
     */
    public final class Request<T, U> {
        private final String key;
        private final Lane lane;
        private String title = "";
        private Consumer<String> onFailure = m -> { };
        private Runnable onCancelled = () -> { };
        private boolean quiet;
        private Consumer<? super U> onUpdate = u -> { };
        private BinaryOperator<U> merge = (older, newer) -> newer;

        private Request(String key, Lane lane) {
            this.key = key;
            this.lane = lane;
        }

        /** One phrase for the user while it runs; empty (the default) for work too quick to show. */
        public Request<T, U> title(String text) {
            this.title = text;
            return this;
        }

        /**
         * A failure is not reported to the user, only to {@code onFailure}: for housekeeping (an
         * autosave, the list of recent files) whose failure must not interrupt a lesson.
         */
        public Request<T, U> quiet() {
            this.quiet = true;
            return this;
        }

        /** Runs after the failure is reported (to clear a busy state), unless superseded. */
        public Request<T, U> onFailure(Consumer<String> action) {
            this.onFailure = action;
            return this;
        }

        /** Runs instead of the result when the job was cancelled (not when superseded). */
        public Request<T, U> onCancelled(Runnable action) {
            this.onCancelled = action;
            return this;
        }

        /** Receives what the work {@link Job#publish publishes}, merged by {@code merging} when it comes fast. */
        @SuppressWarnings("unchecked")
        public <V> Request<T, V> onUpdate(Consumer<? super V> action, BinaryOperator<V> merging) {
            Request<T, V> typed = (Request<T, V>) (Request<T, ?>) this;
            typed.onUpdate = action;
            typed.merge = merging;
            return typed;
        }

        /** Submits the work, superseding any job of the same key; returns the job. */
        public Job<U> start(Work<T, U> work, Consumer<? super T> onResult) {
            Job<U> job = new Job<>(Jobs.this, ids.incrementAndGet(), key, title, lane, onUpdate, merge);
            if (closed) {
                job.cancel();
                return job;
            }
            supersede(key, job);
            unfinished.incrementAndGet();
            try {
                Consumer<String> failure = quiet ? onFailure : message -> {
                    onError.accept(message);
                    onFailure.accept(message);
                };
                lanes.apply(lane).execute(() -> run(job, work, onResult, failure, onCancelled));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                unfinished.decrementAndGet(); // the window is closing
            }
            return job;
        }
    }

    private void supersede(String key, Job<?> job) {
        Job<?> old = current.put(key, job);
        if (old != null) {
            old.supersede();
        }
    }

    private <T, U> void run(Job<U> job, Work<T, U> work, Consumer<? super T> onResult, Consumer<String> onFailure,
                         Runnable onCancelled) {
        if (job.cancelled()) {
            deliver(() -> {
                try {
                    job.finish();
                    if (!job.superseded()) {
                        onCancelled.run();
                    }
                } finally {
                    current.remove(job.key(), job);
                    unfinished.decrementAndGet();
                }
            });
            return;
        }
        running.add(job);
        job.started();
        Runnable delivery;
        try {
            T result = work.run(job);
            delivery = () -> {
                if (isCurrent(job) && !job.cancelled()) {
                    onResult.accept(result);
                } else if (isCurrent(job)) {
                    onCancelled.run();
                }
            };
        } catch (CancellationException e) {
            delivery = () -> {
                if (isCurrent(job)) {
                    onCancelled.run();
                }
            };
        } catch (InvalidInputException e) {
            delivery = () -> failed(job, e.getMessage(), onFailure, onCancelled);
        } catch (Throwable e) {
            // every job delivers once, whatever it throws (an ND4J library that fails to load, say):
            // otherwise its busy state would stay on and idle() would never be true again
            // the user gets a sentence; the details, for a bug report, go to the console
            System.err.println("Scorefield: " + job.title() + " failed:");
            e.printStackTrace();
            String why = e instanceof OutOfMemoryError ? "there was not enough memory"
                    : e instanceof LinkageError ? "a native library could not be loaded" : "an internal error";
            delivery = () -> failed(job, "Something went wrong (" + why + "). Your work is unchanged.", onFailure,
                    onCancelled);
        } finally {
            running.remove(job);
            if (job.lane() == Lane.REFLOW || job.lane() == Lane.EXPORT || job.lane() == Lane.FILES) {
                NativeMemory.trim(); // a long job's freed native buffers go back to the system
            }
        }
        Runnable then = delivery;
        deliver(() -> {
            try {
                job.finish();
                then.run();
            } finally {
                current.remove(job.key(), job); // a finished job's key is free again
                unfinished.decrementAndGet();
            }
        });
    }

    private void failed(Job<?> job, String message, Consumer<String> onFailure, Runnable onCancelled) {
        if (!isCurrent(job)) {
            return; // a newer job took its place: its failure is old news
        }
        if (job.cancelled()) {
            onCancelled.run();
            return;
        }
        onFailure.accept(message);
    }

    // ---- handing over ---------------------------------------------------------------------------

    void deliver(Runnable action) {
        if (closed) {
            return;
        }
        try {
            deliver.execute(action);
        } catch (RuntimeException e) {
            // the toolkit has gone: nobody is waiting for the result
        }
    }

    /** Tells the listeners, once per burst of changes, which jobs run and how far they are. */
    void changed() {
        if (listeners.isEmpty() || !changeScheduled.compareAndSet(false, true)) {
            return;
        }
        deliver(() -> {
            changeScheduled.set(false);
            List<Job<?>> now = running();
            for (Listener l : listeners) {
                l.changed(now);
            }
        });
    }
}
