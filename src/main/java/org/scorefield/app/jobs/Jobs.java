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

    /** What a job computes, on its lane, reporting through its own job. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Job<?> job) throws Exception;
    }

    /** Hears, on the deliver thread, that the running jobs or their progress changed. */
    @FunctionalInterface
    public interface Listener {
        void changed(List<Job<?>> running);
    }

    private final Executor deliver;
    private final Function<Lane, Executor> lanes;
    private final Consumer<String> onError;
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
     * @param onError receives, on the deliver thread, one sentence when a current job fails
     */
    public Jobs(Executor deliver, Function<Lane, Executor> lanes, Consumer<String> onError) {
        this.deliver = deliver;
        this.lanes = lanes;
        this.onError = onError;
    }

    /**
     * Jobs whose lanes are daemon threads of their own, each started when its lane is first used,
     * and whose results go to {@code deliver} (the FX thread: {@code Platform::runLater}).
     */
    public static Jobs withThreads(Executor deliver, Consumer<String> onError) {
        return new Jobs(deliver, new LaneThreads(), onError);
    }

    /** One daemon thread per lane, started on first use. */
    private static final class LaneThreads implements Function<Lane, Executor> {
        private final Map<Lane, ExecutorService> threads = new EnumMap<>(Lane.class);

        @Override
        public synchronized Executor apply(Lane lane) {
            return threads.computeIfAbsent(lane, l -> Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "scorefield-" + l.name().toLowerCase(java.util.Locale.ROOT));
                t.setDaemon(true);
                return t;
            }));
        }

        synchronized void shutdownNow() {
            threads.values().forEach(ExecutorService::shutdownNow);
        }
    }

    /** Starts describing a job of {@code key} on {@code lane}. */
    public <T> Request<T> job(String key, Lane lane) {
        return new Request<>(key, lane);
    }

    /** Submits work whose result goes to {@code onResult}, superseding any job of the same key. */
    public <T> Job<Void> submit(String key, Lane lane, Work<T> work, Consumer<? super T> onResult) {
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

    /** The current (newest) job of a key, finished or not; null if there was none. */
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

    /** Stops the lanes' threads without waiting for them; nothing is delivered from now on. */
    @Override
    public void close() {
        closed = true;
        for (Job<?> job : current.values()) {
            job.cancel();
        }
        if (lanes instanceof LaneThreads threads) {
            threads.shutdownNow(); // interrupts; the daemon threads end on their own
        }
    }

    // ---- submitting -----------------------------------------------------------------------------

    /**
     * A job being described: its title (for the progress the window shows), what to do when it
     * fails or is cancelled, and where its published updates go.
     *
     * @param <T> the result
     */
    public final class Request<T> {
        private final String key;
        private final Lane lane;
        private String title = "";
        private Consumer<String> onFailure = m -> { };
        private Runnable onCancelled = () -> { };
        private Consumer<Object> onUpdate = u -> { };
        private BinaryOperator<Object> merge = (older, newer) -> newer;

        private Request(String key, Lane lane) {
            this.key = key;
            this.lane = lane;
        }

        /** One phrase for the user while it runs; empty (the default) for work too quick to show. */
        public Request<T> title(String text) {
            this.title = text;
            return this;
        }

        /** Runs after the failure is reported (to clear a busy state), unless superseded. */
        public Request<T> onFailure(Consumer<String> action) {
            this.onFailure = action;
            return this;
        }

        /** Runs instead of the result when the job was cancelled (not when superseded). */
        public Request<T> onCancelled(Runnable action) {
            this.onCancelled = action;
            return this;
        }

        /** Receives what the work {@link Job#publish publishes}, merged by {@code merge} when it comes fast. */
        @SuppressWarnings("unchecked")
        public <U> Request<T> onUpdate(Consumer<? super U> action, BinaryOperator<U> merging) {
            this.onUpdate = u -> action.accept((U) u);
            this.merge = (a, b) -> merging.apply((U) a, (U) b);
            return this;
        }

        /** Submits the work, superseding any job of the same key; returns the job. */
        @SuppressWarnings("unchecked")
        public <U> Job<U> start(Work<T> work, Consumer<? super T> onResult) {
            Job<Object> job = new Job<>(Jobs.this, ids.incrementAndGet(), key, title, lane, onUpdate, merge);
            if (closed) {
                job.cancel();
                return (Job<U>) job;
            }
            supersede(key, job);
            unfinished.incrementAndGet();
            try {
                lanes.apply(lane).execute(() -> run(job, work, onResult, onFailure, onCancelled));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                unfinished.decrementAndGet(); // the window is closing
            }
            return (Job<U>) job;
        }
    }

    private void supersede(String key, Job<?> job) {
        Job<?> old = current.put(key, job);
        if (old != null) {
            old.supersede();
        }
    }

    private <T> void run(Job<?> job, Work<T> work, Consumer<? super T> onResult, Consumer<String> onFailure,
                         Runnable onCancelled) {
        if (job.cancelled()) {
            deliver(() -> {
                try {
                    job.finish();
                    if (!job.superseded()) {
                        onCancelled.run();
                    }
                } finally {
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
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            delivery = () -> failed(job, "Something went wrong (" + e + "). Your work is unchanged.", onFailure,
                    onCancelled);
        } finally {
            running.remove(job);
        }
        Runnable then = delivery;
        deliver(() -> {
            try {
                job.finish();
                then.run();
            } finally {
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
        onError.accept(message);
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
