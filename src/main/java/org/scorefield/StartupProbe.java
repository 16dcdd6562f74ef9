package org.scorefield;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Start-up milestones for {@code scorefield bench --startup}: when the environment variable
 * {@value #ENV} is set, the window and {@code train} print one line per milestone on stderr,
 * {@code scorefield-startup {"event":"window","epoch_ms":…,"jvm_s":…,"thread_cpu_s":…}}. {@code epoch_ms}
 * is the wall clock, which the parent that launched the process subtracts its own launch time from (so
 * the figure includes the launcher and the JVM's own creation); {@code jvm_s} is the time since the JVM
 * began to create itself, for a person reading the line; {@code thread_cpu_s} the CPU time of the
 * thread that reached the milestone (the FX thread's for the window), which a busy machine stretches
 * less than the wall clock.
 *
 * <p>The values of {@value #ENV}: {@code window} prints the window's first painted frame and closes
 * it; {@code step} prints that, then presses Step and prints the first training step, and closes;
 * any other value only prints. Without the variable nothing is printed and nothing is loaded.
 */
public final class StartupProbe {

    public static final String ENV = "SCOREFIELD_STARTUP_PROBE";
    /** The prefix of every milestone line. */
    public static final String PREFIX = "scorefield-startup ";

    /** What the probe does once the window shows. */
    public enum Mode {
        /** No probe. */
        OFF,
        /** Print the milestones, close nothing. */
        PRINT,
        /** Print the first frame, then close the window. */
        WINDOW,
        /** Print the first frame, take one training step, print it, then close the window. */
        STEP
    }

    private StartupProbe() {
    }

    /** The mode {@value #ENV} asks for. */
    public static Mode mode() {
        String value = System.getenv(ENV);
        if (value == null || value.isEmpty()) {
            return Mode.OFF;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "window" -> Mode.WINDOW;
            case "step" -> Mode.STEP;
            default -> Mode.PRINT;
        };
    }

    /** Prints a milestone if the probe is on; {@code event} is a plain lower-case word. */
    public static void mark(String event) {
        if (mode() == Mode.OFF) {
            return;
        }
        long now = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.err.printf(Locale.ROOT, "%s{\"event\":\"%s\",\"epoch_ms\":%d,\"jvm_s\":%.3f,\"thread_cpu_s\":%.3f}%n",
                PREFIX, event, now, (now - jvmStart) / 1e3, cpu / 1e9);
        System.err.flush();
    }
}
