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

    /** Every lane's work, in submission order. */
    public final Queue lanes = new Queue();
    /** What the lanes hand back to the window, in order. */
    public final Queue window = new Queue();
    /** The sentences the jobs reported as failures. */
    public final List<String> errors = new ArrayList<>();
    public final Jobs jobs = new Jobs(window, lane -> lanes);

    public ManualJobs() {
        jobs.onError(errors::add);
    }

    /** Runs lanes and deliveries until nothing waits (work handed back may submit more work). */
    public void runAll() {
        while (lanes.runNext() || window.runNext()) {
            // until both are empty
        }
    }

    /** Runs only what waits on the lanes, handing nothing back yet. */
    public void runLanes() {
        while (lanes.runNext()) {
            // until empty
        }
    }

    /** Hands back whatever the lanes have produced, running no new work. */
    public void deliver() {
        while (window.runNext()) {
            // until empty
        }
    }
}
