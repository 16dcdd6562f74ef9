package org.scorefield.core.nn;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a {@link Trainer} on its own worker thread, so that a window stays responsive while a model
 * trains. Call order: construct (paused, nothing trained) → {@link #resume()} / {@link #pause()} /
 * {@link #stepOnce()} / {@link #reset()} any number of times → {@link #close()} (or {@link #stop()},
 * which does not wait).
 *
 * <p>The listener receives an immutable {@link Update} on the worker thread every
 * {@code publishEvery} steps, after a single step, on pausing, after a reset and when training
 * fails; a user interface hands it to its own thread. A failure (a loss or gradient that is not
 * finite, see {@link Trainer}) pauses the worker in {@link State#FAILED} with the last good weights
 * and the reason; {@link #reset()} starts over. {@link #close()} stops the worker between two steps,
 * which takes one step's time (milliseconds).
 */
public final class TrainingWorker implements AutoCloseable {

    /** What the worker is doing. */
    public enum State { PAUSED, RUNNING, FAILED, CLOSED }

    /**
     * What the trainer looked like at one moment.
     *
     * @param steps          optimiser steps taken
     * @param loss           the last step's loss
     * @param smoothedLoss   its exponential average
     * @param stepsPerSecond training speed since the previous update (NaN when not measurable)
     * @param recentLosses   the loss of every step since the previous update, in order
     * @param lossProfile    the running loss per t bin
     * @param model          the model to draw and sample with (EMA weights when enabled)
     * @param state          the worker's state after this update
     * @param failure        why training stopped, if it did
     */
    public record Update(long steps, double loss, double smoothedLoss, double stepsPerSecond, double[] recentLosses,
                         double[] lossProfile, TrainedModel model, State state, Optional<String> failure) {
    }

    private final Trainer trainer;
    private final int publishEvery;
    private final Consumer<Update> listener;
    private final Thread worker;
    private final Object lock = new Object();

    private State state = State.PAUSED;
    private int pendingSteps;
    private boolean resetRequested;
    private boolean publishRequested;
    private boolean restartClock;

    private double[] losses = new double[64];
    private int lossCount;
    private long lastPublishNanos = System.nanoTime();
    private long lastPublishSteps;

    public TrainingWorker(Trainer trainer, int publishEvery, Consumer<Update> listener) {
        if (publishEvery < 1) {
            throw new IllegalArgumentException("publishEvery must be at least 1");
        }
        this.trainer = trainer;
        this.publishEvery = publishEvery;
        this.listener = listener;
        this.worker = new Thread(this::run, "scorefield-trainer");
        worker.setDaemon(true);
        worker.start();
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Trains continuously until paused, closed or failed. */
    public void resume() {
        command(() -> {
            if (state == State.PAUSED) {
                state = State.RUNNING;
                restartClock = true;
            }
        });
    }

    /** Stops after the current step and publishes the model. */
    public void pause() {
        command(() -> {
            if (state == State.RUNNING) {
                state = State.PAUSED;
                publishRequested = true;
            }
        });
    }

    /** One step while paused (ignored while running). */
    public void stepOnce() {
        command(() -> {
            if (state == State.PAUSED) {
                pendingSteps++;
            }
        });
    }

    /** Back to the seeded initial weights, paused; also clears a failure. */
    public void reset() {
        command(() -> {
            if (state != State.CLOSED) {
                resetRequested = true;
                state = State.PAUSED;
                pendingSteps = 0;
            }
        });
    }

    /**
     * Asks the worker to stop between two steps, without waiting for it: a window calls this on its
     * own thread, which must never wait for a training step.
     */
    public void stop() {
        command(() -> state = State.CLOSED);
    }

    /** Stops the worker between two steps and waits for it (at most a second). */
    @Override
    public void close() {
        stop();
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the worker thread has ended. */
    public boolean isStopped() {
        return !worker.isAlive();
    }

    private void command(Runnable change) {
        synchronized (lock) {
            change.run();
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            boolean doReset;
            boolean publishNow;
            boolean single;
            synchronized (lock) {
                while (state != State.CLOSED && state != State.RUNNING && pendingSteps == 0 && !resetRequested
                        && !publishRequested) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        state = State.CLOSED;
                    }
                }
                if (state == State.CLOSED) {
                    return;
                }
                if (restartClock) {
                    // steps per second count training time, not the pause before it
                    restartClock = false;
                    lastPublishNanos = System.nanoTime();
                    lastPublishSteps = trainer.steps();
                }
                doReset = resetRequested;
                resetRequested = false;
                publishNow = publishRequested;
                publishRequested = false;
                single = state != State.RUNNING && pendingSteps > 0;
                if (single) {
                    pendingSteps--;
                }
            }
            if (doReset) {
                trainer.reset();
                lossCount = 0;
                lastPublishSteps = 0;
                publish();
                continue;
            }
            if (!single && state() != State.RUNNING) {
                if (publishNow) {
                    publish();
                }
                continue;
            }
            double loss = trainer.step();
            if (trainer.failure().isPresent()) {
                synchronized (lock) {
                    if (state != State.CLOSED) {
                        state = State.FAILED;
                    }
                }
                publish();
                continue;
            }
            record(loss);
            if (single || publishNow || trainer.steps() % publishEvery == 0) {
                publish();
            }
        }
    }

    private void record(double loss) {
        if (lossCount == losses.length) {
            losses = java.util.Arrays.copyOf(losses, 2 * losses.length);
        }
        losses[lossCount++] = loss;
    }

    private void publish() {
        long now = System.nanoTime();
        long steps = trainer.steps();
        double seconds = (now - lastPublishNanos) / 1e9;
        double rate = steps > lastPublishSteps && seconds > 0 ? (steps - lastPublishSteps) / seconds : Double.NaN;
        lastPublishNanos = now;
        lastPublishSteps = steps;
        double[] recent = java.util.Arrays.copyOf(losses, lossCount);
        lossCount = 0;
        Update update = new Update(steps, trainer.lastLoss(), trainer.smoothedLoss(), rate, recent,
                trainer.lossProfile(), trainer.snapshot(), state(), trainer.failure());
        listener.accept(update);
    }
}
