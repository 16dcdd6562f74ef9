package org.scorefield.core.tensor;

import java.util.function.Supplier;
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

    /**
     * Starts {@link #ensureConfigured()} on a daemon thread and returns: ND4J's classes and native
     * libraries (nd4j-native, OpenBLAS, through JavaCPP) load while the caller goes on, and whatever needs
     * ND4J first waits only for what is left. A failure here is left for that first user to meet and report.
     * Start it when no other thread is likely to load native libraries (see {@link #outsideNd4jStart}).
     */
    public static void loadInBackground() {
        if (configured) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                ensureConfigured();
            } catch (RuntimeException | LinkageError e) {
                // the first real use fails the same way, where it can say so
            }
        }, "nd4j-load");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Runs a load of another native library (JNA's, say) never while ND4J starts. ND4J's start looks
     * up BLAS functions with JavaCPP's {@code Loader.addressof}, which on Linux, for a name that is not
     * global (and {@code cblas_sgemm_batch} never is in OpenBLAS), calls {@code dlopen} inside a
     * {@code dl_iterate_phdr} callback: glibc then holds its two loader locks in the opposite order to
     * another thread's {@code dlopen} of a new library, and both wait for ever (a window hung at start
     * this way about once in twenty here, its session thread loading JNA; LWJGL/lwjgl3#1148 is the same
     * pattern). Every native library loaded after start-up goes through here: JNA's, FFmpeg's.
     */
    public static <T> T outsideNd4jStart(Supplier<T> nativeLoad) {
        synchronized (Nd4jRuntime.class) {
            return nativeLoad.get();
        }
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
