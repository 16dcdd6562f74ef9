package org.scorefield.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it saves a session leaves the previous file whole: after each
 * kill the file loads, and holds the last version whose save had finished or the one being saved
 * when the rename had just happened.
 */
class KillDuringSaveTest {

    private static final int KILLS = 6;

    private static boolean writing(Path dir, Path target) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> !p.equals(target));
        }
    }

    @Test
    void killingTheProcessDuringASaveLeavesThePreviousFileIntact(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("lecture.scorefield");
        SessionFile.save(Sessions.session(50, null, -1), target);
        long previous = -1;
        int midWrite = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SaveInALoop.class.getName(), target.toString());
            pb.redirectErrorStream(true);
            Process child = pb.start();
            long lastSaved = previous;
            long saving = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                // let it finish a few saves, then kill it a little after it starts another; then read
                // what it printed before it died, to know which saves had begun and ended
                int wanted = 2 + kill;
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("saved ")) {
                        lastSaved = Long.parseLong(line.substring(6));
                    } else if (line.startsWith("saving ")) {
                        saving = Long.parseLong(line.substring(7));
                        if (saving == wanted && child.isAlive()) {
                            // kill it as soon as its temporary file appears, that is while it writes
                            // (or, if the rename wins the race, just after it)
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                            while (!writing(dir, target) && System.nanoTime() < deadline) {
                                Thread.onSpinWait();
                            }
                            child.toHandle().destroyForcibly(); // SIGKILL; keeps our end of the pipe open
                        }
                    } else {
                        throw new AssertionError("the child said: " + line);
                    }
                }
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ended");
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> leftovers = files.filter(p -> !p.equals(target)).toList();
                if (!leftovers.isEmpty()) {
                    midWrite++; // killed with a temporary file open: the case this test is about
                }
            }
            long found = SessionFile.load(target).settings().whole("test.round").orElseThrow();
            assertTrue(found == lastSaved || found == saving,
                    "kill " + kill + ": the file holds version " + found + ", the last finished save was "
                            + lastSaved + " and " + saving + " was being saved");
            previous = found;
        }
        assertTrue(midWrite >= KILLS / 2, "most kills fell fell while a temporary file was being written (" + midWrite
                + " of " + KILLS + ")");
        System.out.printf("%d of %d kills fell while the temporary file was being written%n", midWrite, KILLS);
        // the next save removes the dead processes' temporary files
        SessionFile.save(Sessions.session(50, null, 99), target);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
