package org.scorefield.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        assertEquals("Cannot read a.json: at 8 bytes it is over the 7 bytes a model file may have.",
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
            assertEquals("Cannot read status: it is over the 16 bytes a point file may have.",
                    e.getMessage());
        }
    }

    @Test
    void pathsInsideAFileResolveFromItsFolderAndNameOnlyTheirKindOfFile() {
        Path owner = dir.resolve("models").resolve("m.json");
        Path models = dir.resolve("models").toAbsolutePath();
        assertEquals(models.resolve("p.csv"), InputFiles.named(owner, "p.csv", "data", ".csv"));
        assertEquals(models.resolve("sub").resolve("p.csv"), InputFiles.named(owner, "sub/../sub/./p.csv", "data", ".csv"));
        assertEquals(dir.toAbsolutePath().resolve("p.csv"), InputFiles.named(owner, "../p.csv", "data", ".csv"),
                "from the model's folder, not the working folder");
        assertEquals(Path.of("/srv/p.CSV"), InputFiles.named(owner, "/srv/p.CSV", "data", ".csv"));
        assertEquals("\"data\" is '../../../../../../etc/passwd', which is not a .csv file", assertThrows(
                InvalidInputException.class, () -> InputFiles.named(owner, "../../../../../../etc/passwd", "data", ".csv"))
                .getMessage());
        for (String bad : new String[] {"/dev/zero", "", "a\u0000b.csv", "x".repeat(5000) + ".csv"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> InputFiles.named(owner, bad, "data", ".csv"), bad);
            assertEquals(1, e.getMessage().lines().count());
            assertTrue(e.getMessage().startsWith("\"data\" is ") && e.getMessage().length() < 120, e.getMessage());
        }
    }

    @Test
    void aFileNamesAnotherByItsPathFromItsOwnFolder() {
        Path owner = dir.resolve("models").resolve("m.json");
        assertEquals("../data/p.csv", InputFiles.pathFrom(owner, dir.resolve("data").resolve("p.csv")));
        assertEquals("p.csv", InputFiles.pathFrom(owner, dir.resolve("models").resolve("p.csv")));
        Path csv = dir.resolve("data").resolve("p.csv");
        assertEquals(csv.toAbsolutePath(), InputFiles.named(owner, InputFiles.pathFrom(owner, csv), "data", ".csv"),
                "what one writes the other finds");
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
    void aFileNameInAMessageIsOnePrintableShortLine() {
        assertEquals("/", IoReasons.fileName(Path.of("/")));
        assertEquals("a?b.csv", IoReasons.fileName(Path.of("dir", "a\nb.csv")));
        assertEquals(81, IoReasons.fileName(Path.of("n".repeat(200))).length());
    }

    @Test
    void quotedTextStaysOneShortLine() {
        assertEquals("a?b", JsonFields.quote("a\nb"));
        assertEquals(41, JsonFields.quote("y".repeat(50_000_000)).length());
    }
}
