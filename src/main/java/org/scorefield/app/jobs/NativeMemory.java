package org.scorefield.app.jobs;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.scorefield.core.tensor.Nd4jRuntime;

/**
 * Keeps the window's resident memory flat over a long lecture. ND4J, JavaFX and the jobs allocate
 * and free native buffers from many threads; glibc keeps the freed pages of its arenas, and the
 * fragments add up: in a 30-minute soak (scripts/soak.sh) resident memory rose 14 % between the
 * 5th and the last cycle while the Java heap stayed flat. After each long job (a Reflow round, an
 * export, a session file) {@link #trim} hands the free pages back with glibc's {@code malloc_trim}.
 * Elsewhere than Linux with glibc it does nothing.
 */
public final class NativeMemory {

    /** The C library's {@code int malloc_trim(size_t pad)}. */
    private interface C extends Library {
        int malloc_trim(long pad);
    }

    private static final C LIBC = load();

    private NativeMemory() {
    }

    private static C load() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            // JNA's own library is loaded here: never while ND4J starts (Nd4jRuntime.outsideNd4jStart)
            return Nd4jRuntime.outsideNd4jStart(() -> (C) Native.loadLibrary("c", C.class));
        } catch (LinkageError | RuntimeException notGlibc) {
            return null;
        }
    }

    /**
     * Returns the free pages of every malloc arena to the system (a few milliseconds).
     *
     * @return whether there was a glibc to ask
     */
    public static boolean trim() {
        if (LIBC == null) {
            return false;
        }
        try {
            LIBC.malloc_trim(0);
            return true;
        } catch (LinkageError | RuntimeException noSuchFunction) { // musl has no malloc_trim
            return false;
        }
    }
}
