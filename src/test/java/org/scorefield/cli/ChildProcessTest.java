package org.scorefield.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void aKilledChildIsWaitedForEvenOnAnInterruptedThread() throws IOException {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        Thread.currentThread().interrupt();
        try {
            ChildProcess.stop(sleeper);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertFalse(sleeper.isAlive(), "gone when stop returns, not merely asked to go");
        ChildProcess.stop(null); // nothing started: nothing to do
    }

    @Test
    void outputIsReadLenientlyAndOnlyItsEndOrStart() throws IOException {
        Path f = dir.resolve("err.txt");
        byte[] head = {'a', (byte) 0xff, 'b', '\n'};
        byte[] filler = new byte[ChildProcess.MAX_OUTPUT_BYTES];
        java.util.Arrays.fill(filler, (byte) 'x');
        byte[] tail = "\nlast line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(f)) {
            out.write(head);
            out.write(filler);
            out.write(tail);
        }
        String end = ChildProcess.text(f, true);
        assertEquals(ChildProcess.MAX_OUTPUT_BYTES, end.length());
        assertTrue(end.endsWith("\nlast line\n"));
        String start = ChildProcess.text(f, false);
        assertTrue(start.startsWith("a\uFFFDb\n"), start.substring(0, 4));
    }

    @Test
    void theLastLineIsTheLastThatIsNotBlank() {
        assertEquals("Torch failed.", ChildProcess.lastLine("Traceback:\n  x\r\n   Torch failed.  \n\n \t\n"));
        assertEquals("", ChildProcess.lastLine(" \n\n"));
        assertEquals("", ChildProcess.lastLine(""));
    }
}
