package org.scorefield.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the benchmarks that start other programs share: ending a child, and reading what it wrote. */
final class ChildProcess {

    /** The most of an output file read: its first or last MiB. */
    static final int MAX_OUTPUT_BYTES = 1 << 20;

    /** Seconds to wait for a child to go once it is killed. */
    private static final int STOP_WAIT_S = 5;

    private ChildProcess() {
    }

    /**
     * Ends the child if it still runs (a timeout, an interrupt, a failure) and waits a little for it
     * to go, also when this thread was interrupted (whose flag is kept). Null is nothing to stop.
     */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(STOP_WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The last line of a child's output that is not blank, stripped; empty when there is none. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    /**
     * The file's text, at most {@link #MAX_OUTPUT_BYTES} from its start or, with {@code tail}, its
     * end; bytes that are not UTF-8 become U+FFFD instead of an exception.
     */
    static String text(Path p, boolean tail) throws IOException {
        try (FileChannel channel = FileChannel.open(p)) {
            long size = channel.size();
            int n = (int) Math.min(size, MAX_OUTPUT_BYTES);
            ByteBuffer bytes = ByteBuffer.allocate(n);
            channel.position(tail ? size - n : 0);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // until n bytes are in
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
    }
}
