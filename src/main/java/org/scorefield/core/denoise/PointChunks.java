package org.scorefield.core.denoise;

import java.util.stream.IntStream;

/**
 * Splits a large batched evaluation over the cores: the points of one call in chunks, each chunk
 * run with its own buffers on the common pool. A call below {@link #PARALLEL_WORK} terms runs on
 * the caller's thread, where splitting would cost more than it saves. Every point's value is the
 * one it has alone, whatever the split.
 */
public final class PointChunks {

    /** Points per task. */
    static final int CHUNK = 64;
    /** Terms in a call (points × terms per point) above which it is split. */
    static final long PARALLEL_WORK = 1L << 18;

    /** One chunk of points, [from, to). */
    public interface Body {
        void run(int from, int to);
    }

    private PointChunks() {
    }

    /**
     * Runs {@code body} over [0, points).
     *
     * @param termsPerPoint the work of one point, in the kernel terms it sums
     */
    public static void run(int points, long termsPerPoint, Body body) {
        if (points * termsPerPoint < PARALLEL_WORK || points < 2 * CHUNK) {
            body.run(0, points);
            return;
        }
        int chunks = (points + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> body.run(c * CHUNK, Math.min(points, (c + 1) * CHUNK)));
    }
}
