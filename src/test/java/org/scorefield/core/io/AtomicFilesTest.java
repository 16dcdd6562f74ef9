package org.scorefield.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void successfulWriteReplacesTheContent() throws IOException {
        Path target = Files.writeString(dir.resolve("session.json"), "old");
        AtomicFiles.write(target, w -> w.write("new ünïcode"));
        assertEquals("new ünïcode", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path target = dir.resolve("a/b/c.bin");
        AtomicFiles.writeBytes(target, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    }

    @Test
    void failingBodyKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("points.csv"), "previous\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, w -> {
            // more than any buffer, so part of it has reached the temporary file
            w.write("x".repeat(100_000));
            w.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("previous\n", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void uncheckedFailuresAlsoCleanUp() throws IOException {
        Path target = Files.writeString(dir.resolve("points.csv"), "previous\n");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeBytes(target, out -> {
            out.write(42);
            throw new UncheckedIOException(new IOException("boom"));
        }));
        assertEquals("previous\n", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void failedFirstWriteLeavesNothing() throws IOException {
        Path target = dir.resolve("new.csv");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, w -> {
            throw new IOException("no");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), list(dir));
    }

    @Test
    void refusesToReplaceAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Files.writeString(folder.resolve("inside.txt"), "kept");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(folder, w -> w.write("x")));
        assertEquals("Is a directory", e.getReason());
        assertEquals("kept", Files.readString(folder.resolve("inside.txt")));
    }

    @Test
    void savedFilesGetTheUsualPermissionsNotTemporaryOnes() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, w -> w.write("x"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void reasonsAreShortPhrases() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Files.readString(dir.resolve("nope")));
        assertEquals("no such file", IoReasons.describe(missing));
        assertEquals("disk full", IoReasons.describe(new IOException("Disk full.")));
        assertEquals("IOException", IoReasons.describe(new IOException()));
        assertEquals("read-only file system",
                IoReasons.describe(new FileSystemException("f", null, "Read-only file system")));
        Path file = Files.writeString(dir.resolve("file"), "x");
        IOException underFile = assertThrows(IOException.class,
                () -> Files.writeString(file.resolve("child"), "y"));
        assertEquals("a part of the path is not a folder", IoReasons.describe(underFile));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void deleteQuietlyTakesAFolderTreeButNotWhatItsLinksPointAt() throws IOException {
        Path outside = Files.writeString(dir.resolve("keep.txt"), "kept");
        Path tree = Files.createDirectories(dir.resolve("temp/frames/deep"));
        Files.writeString(tree.resolve("frame_00000.png"), "x");
        Files.writeString(dir.resolve("temp/frame_00001.png"), "y");
        Files.createSymbolicLink(dir.resolve("temp/link"), outside);
        AtomicFiles.deleteQuietly(dir.resolve("temp"));
        assertFalse(Files.exists(dir.resolve("temp"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("kept", Files.readString(outside));
        AtomicFiles.deleteQuietly(dir.resolve("temp")); // gone already: nothing thrown
        AtomicFiles.deleteQuietly(outside); // a single file
        assertFalse(Files.exists(outside));
    }
}
