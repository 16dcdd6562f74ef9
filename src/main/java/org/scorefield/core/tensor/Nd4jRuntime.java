package org.scorefield.core.tensor;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place that configures ND4J, before the first array is made.
 *
 * <p>One thread for ND4J's own loops and for OpenBLAS: on the 2-core machines Scorefield targets,
 * the small matrices of 2D models run 2–3× faster on one thread than on two (docs/platform.md §4.1; the
 * empirical oracle at 200 × 1,000: 2.0 ms per call against 6.4 ms). {@code OMP_NUM_THREADS} would
 * do the same, but a program started with {@code java -jar} cannot set its own environment.
 */
public final class Nd4jRuntime {

    private static volatile boolean configured;

    private Nd4jRuntime() {
    }

    /** Configures ND4J once; cheap to call again. */
    public static void ensureConfigured() {
        if (configured) {
            return;
        }
        synchronized (Nd4jRuntime.class) {
            if (!configured) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                Nd4j.factory().blas().setMaxThreads(1);
                configured = true;
            }
        }
    }
}
