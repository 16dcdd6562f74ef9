package org.scorefield.app.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * {@link Jobs} whose lanes and deliveries wait until a test runs them: the test decides what has
 * run and what has been handed back when it looks, with no thread and no toolkit.
 */
public final class ManualJobs {

    /** Runnables queued until a test runs them, oldest first. */
    public static final class Queue implements Executor {
        private final Deque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable command) {
            waiting.add(command);
        }

        /** Runs the oldest waiting runnable; false if none waits. */
        public boolean runNext() {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
            }
            if (next == null) {
                return false;
            }
            next.run();
            return true;
        }

        public synchronized int size() {
            return waiting.size();
        }
    }

    /** Each lane's work, in submission order. */
    private final java.util.Map<Lane, Queue> lanes = new java.util.EnumMap<>(Lane.class);
    /** What the lanes hand back to the window, in order. */
    public final Queue window = new Queue();
    /** The sentences the jobs reported as failures. */
    public final List<String> errors = new ArrayList<>();
    public final Jobs jobs = new Jobs(window, this::lane);

    public ManualJobs() {
        jobs.onError(errors::add);
    }

    /** The queue of one lane's work. */
    public synchronized Queue lane(Lane lane) {
        return lanes.computeIfAbsent(lane, l -> new Queue());
    }

    /** Runs lanes and deliveries until nothing waits (work handed back may submit more work). */
    public void runAll() {
        while (runOneLaneJob() || window.runNext()) {
            // until every queue is empty
        }
    }

    /** Runs only what waits on the lanes, handing nothing back yet. */
    public void runLanes() {
        while (runOneLaneJob()) {
            // until empty
        }
    }

    /** Runs what waits on one lane only, handing nothing back yet. */
    public void runLane(Lane lane) {
        while (lane(lane).runNext()) {
            // until empty
        }
    }

    private boolean runOneLaneJob() {
        for (Lane l : Lane.values()) {
            if (lane(l).runNext()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands back only what waits at this moment. A worker thread started by one of these deliveries
     * may publish while they run; {@link #deliver()} would take that too, and a test waiting for it
     * would wait in vain.
     */
    public void deliverWaiting() {
        for (int n = window.size(); n > 0 && window.runNext(); n--) {
            // only the deliveries counted above
        }
    }

    /** Hands back whatever the lanes have produced, running no new work. */
    public void deliver() {
        while (window.runNext()) {
            // until empty
        }
    }
}
