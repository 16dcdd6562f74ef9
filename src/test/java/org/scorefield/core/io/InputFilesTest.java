package org.scorefield.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.scorefield.core.InvalidInputException;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileWithinTheLimitIsReadWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("a.json"), "{\"x\": 1}");
        assertArrayEquals("{\"x\": 1}".getBytes(StandardCharsets.UTF_8), InputFiles.readBytes(file, 8, "model file"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InputFiles.readBytes(file, 7, "model file"));
        assertEquals("Cannot read a.json: at 8 bytes it is larger than any model file (at most 7 bytes).",
                e.getMessage());
    }

    @Test
    void foldersAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InputFiles.readBytes(dir, 100, "model file"));
        assertEquals("Cannot read " + dir.getFileName() + ": it is a folder.", e.getMessage());
        assertEquals("Cannot read /: it is a folder.", assertThrows(InvalidInputException.class,
                () -> InputFiles.openText(Path.of("/"), 100, "point file")).getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void devicesAndPipesAreRefusedUnopened() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a Unix system");
        assertEquals("Cannot read zero: it is not a regular file (a device, a pipe or a socket), and only files are "
                + "read.", assertThrows(InvalidInputException.class,
                        () -> InputFiles.readBytes(zero, 100, "model file")).getMessage());
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo exists");
        // opening a pipe with no writer would block forever; it must not be opened at all
        assertThrows(InvalidInputException.class, () -> InputFiles.openText(fifo, 100, "point file"));
    }

    @Test
    void aFileThatReportsNoSizeIsStillReadOnlyUpToTheLimit() throws IOException {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "a procfs file that reports size 0");
        assertThrows(InvalidInputException.class, () -> InputFiles.readBytes(status, 16, "model file"));
        try (BufferedReader reader = InputFiles.openText(status, 16, "point file")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
                while (reader.readLine() != null) {
                    // read on until the limit stops it
                }
            });
            assertEquals("Cannot read status: it is larger than any point file (at most 16 bytes).",
                    e.getMessage());
        }
    }

    @Test
    void pathsInsideAFileResolveBesideItAndStayInItsFolder() {
        Path owner = dir.resolve("models").resolve("m.json");
        assertEquals(dir.resolve("models").resolve("p.csv").toAbsolutePath(), InputFiles.named(owner, "p.csv", "data"));
        assertEquals(dir.resolve("models").resolve("sub").resolve("p.csv").toAbsolutePath(),
                InputFiles.named(owner, "sub/../sub/./p.csv", "data"));
        for (String outside : new String[] {"../p.csv", "../../../../../../etc/passwd", "/etc/passwd", "sub/../../p.csv",
                ".", "", "a\u0000b.csv"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> InputFiles.named(owner, outside, "data"), outside);
            assertEquals(1, e.getMessage().lines().count());
            assertEquals(true, e.getMessage().startsWith("\"data\" "), e.getMessage());
        }
        String longName = "x".repeat(5000);
        assertEquals("\"data\" must name a file of at most 1024 characters, found 5000",
                assertThrows(InvalidInputException.class, () -> InputFiles.named(owner, longName, "data")).getMessage());
    }

    @Test
    void commandLinePathsThatAreNoPathsAreOneSentence() {
        assertEquals("--data 'a?b.csv' is not a path on this system (it holds a NUL character).",
                assertThrows(InvalidInputException.class, () -> InputFiles.argument("a\u0000b.csv", "--data"))
                        .getMessage());
        assertEquals("--data is empty; give a file name.",
                assertThrows(InvalidInputException.class, () -> InputFiles.argument("", "--data")).getMessage());
        assertEquals(Path.of("x.csv"), InputFiles.argument("x.csv", "--data"));
    }

    @Test
    void quotedTextStaysOneShortLine() {
        assertEquals("a?b", JsonFields.quote("a\nb"));
        assertEquals(41, JsonFields.quote("y".repeat(50_000_000)).length());
    }
}
