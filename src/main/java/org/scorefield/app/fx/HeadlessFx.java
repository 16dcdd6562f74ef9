package org.scorefield.app.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit without a display, for the {@code screenshot} and {@code bench} commands:
 * Monocle's headless platform with software rendering, the same settings the tests use (see the
 * surefire argLine in pom.xml). The properties must be set before the toolkit first loads, so this
 * must run before any other JavaFX call of the process.
 */
public final class HeadlessFx {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /**
     * JavaFX's own logger, held so that its level stays set: it warns "Unsupported JavaFX
     * configuration" (two lines on stderr) whenever JavaFX is loaded from the class path, as it is
     * here, and a headless command prints exactly one line when it fails.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private HeadlessFx() {
    }

    /** Starts the toolkit once (later calls do nothing) and waits until it runs. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        // Monocle's headless screen is 1280×800 by default; larger windows overflow its framebuffer.
        System.setProperty("headless.geometry", "4096x4096-32");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        await(started);
    }

    /** Runs {@code work} on the FX thread and returns its result, rethrowing its exception. */
    public static <T> T call(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the FX thread", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within two minutes", e);
        }
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
    }

    /**
     * Polls {@code condition} (off the FX thread) every 50 ms until it holds.
     *
     * @param what what is awaited, for the message when it does not come: "the scripted session"
     * @throws IllegalStateException when it does not hold within {@code seconds}
     */
    public static void waitUntil(String what, int seconds, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT, "%s did not finish within %d s",
                        what, seconds));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
