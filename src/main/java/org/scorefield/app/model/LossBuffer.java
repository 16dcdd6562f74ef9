package org.scorefield.app.model;

import java.util.Arrays;

/**
 * Per-step losses gathered between two hand-overs: the training worker's updates until the FX
 * thread takes them, and the FX thread's until the loss chart next redraws. Consecutive runs of
 * steps are appended; {@link #drain} passes them on as one array and empties the buffer. Not
 * thread-safe: a caller on two threads holds its own lock.
 */
final class LossBuffer {

    /** Receives the losses of steps {@code firstStep, firstStep + 1, …}. */
    interface Sink {
        void losses(long firstStep, double[] losses);
    }

    private long firstStep = -1;
    private double[] values = new double[64];
    private int size;

    /** Appends the losses of steps {@code firstStep, firstStep + 1, …}. */
    void append(long first, double[] losses) {
        if (losses.length == 0) {
            return;
        }
        if (size == 0) {
            firstStep = first;
        }
        if (size + losses.length > values.length) {
            values = Arrays.copyOf(values, Math.max(2 * values.length, size + losses.length));
        }
        System.arraycopy(losses, 0, values, size, losses.length);
        size += losses.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Forgets everything gathered. */
    void clear() {
        size = 0;
        firstStep = -1;
    }

    /** Passes what was gathered to the listener (if anything) and empties the buffer. */
    void drain(Sink listener) {
        if (size == 0) {
            return;
        }
        double[] losses = Arrays.copyOf(values, size);
        long first = firstStep;
        clear();
        listener.losses(first, losses);
    }
}
