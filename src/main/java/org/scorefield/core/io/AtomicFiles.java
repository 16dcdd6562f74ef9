package org.scorefield.core.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a
 * half-written file: the body writes a temporary file in the target's directory, which is
 * flushed to the disk and then renamed over the target (rename is atomic within one file system,
 * POSIX {@code rename(2)}). A crash or an exception midway leaves the previous file untouched and
 * the temporary file deleted.
 *
 * <p>The temporary file is created with the default permissions (the process umask), not the
 * owner-only ones of {@link Files#createTempFile}, because it becomes the saved file. A symbolic
 * link at the target is replaced by a regular file, as by most editors' safe save.
 */
public final class AtomicFiles {

    /** Distinguishes the temporary files of concurrent writes from one process. */
    private static final AtomicLong COUNTER = new AtomicLong();

    /** How many names to try when a leftover temporary file of a crashed run is in the way. */
    private static final int NAME_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    /**
     * Writes UTF-8 text. The body need not flush, and must not close, the writer.
     *
     * @throws IOException if the directory cannot be created, the body fails, or the rename fails;
     *         the target is then as it was
     */
    public static void write(Path target, IoConsumer<Writer> body) throws IOException {
        writeBytes(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.accept(writer);
            writer.flush();
        });
    }

    /**
     * Writes bytes. The body need not flush, and must not close, the stream.
     *
     * @throws IOException if the directory cannot be created, the body fails, or the rename fails;
     *         the target is then as it was
     */
    public static void writeBytes(Path target, IoConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(absolute.toString(), null, "Is a directory");
        }
        Path directory = absolute.getParent();
        if (directory == null) {
            throw new FileSystemException(absolute.toString(), null, "Is a directory"); // the root
        }
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            // the parent exists as a file; the JDK's exception says only its path
            throw new NotDirectoryException(e.getFile());
        }
        deleteLeftovers(directory, absolute.getFileName().toString());
        Path temp = createTemp(directory, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                body.accept(out);
                out.flush();
                // Without this the rename can reach the disk before the data, and a power cut
                // leaves an empty file where the old one was.
                channel.force(true);
            }
            move(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * A new, empty temporary file (or folder) beside the target, hidden, with the default
     * permissions, for output that is written over time and then {@link #moveIntoPlace moved} over
     * the target; the caller deletes it on failure.
     */
    public static Path createTempBeside(Path target, boolean folder) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null) {
            throw new FileSystemException(absolute.toString(), null, "Is a directory"); // the root
        }
        Files.createDirectories(directory);
        return createTemp(directory, absolute.getFileName().toString(), folder);
    }

    /**
     * Why a save to {@code target} must not go ahead, when the user did not choose it by this name
     * (a save dialog asked about replacing the name typed, and an ending was added after it): a file
     * or link of that name exists, "x.json already exists; choose it by that name to replace it.";
     * empty when the name is free. Checked without following a link. Call it off the FX thread.
     */
    public static java.util.Optional<String> taken(Path target) {
        return Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? java.util.Optional.of(IoReasons.fileName(target) + " already exists; choose it by that name to "
                        + "replace it.")
                : java.util.Optional.empty();
    }

    /** Renames a finished temporary output over the target (atomically where the file system can). */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        move(temp, target);
    }

    private static Path createTemp(Path directory, String name) throws IOException {
        return createTemp(directory, name, false);
    }

    private static Path createTemp(Path directory, String name, boolean folder) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            Path temp = directory.resolve("." + name + "." + pid + "-" + COUNTER.incrementAndGet() + ".tmp");
            try {
                if (folder) {
                    Files.createDirectory(temp);
                } else {
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                // a leftover of an earlier process with the same id: try the next name
            }
        }
        throw new FileNotFoundException("no free temporary file name in " + directory);
    }

    /**
     * Deletes the temporary files of this target that processes which have ended left behind (a
     * process killed during a save leaves its hidden {@code .name.pid-n.tmp}); those of running
     * processes, this one included, are theirs.
     */
    static void deleteLeftovers(Path directory, String name) {
        String prefix = "." + name + ".";
        long self = ProcessHandle.current().pid();
        try (var files = Files.newDirectoryStream(directory, p -> {
            String f = p.getFileName().toString();
            return f.startsWith(prefix) && f.endsWith(".tmp");
        })) {
            for (Path leftover : files) {
                String rest = leftover.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, Math.max(0, dash)));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (pid != self && ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(leftover)) {
                    deleteQuietly(leftover);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // tidying is a courtesy: a folder that cannot be listed still takes the save
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network and FUSE mounts) cannot rename atomically; a plain
            // replace still never exposes a half-written file, only a brief moment without one.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes a file, or a folder with everything in it (a temporary output of {@link #createTempBeside}),
     * as far as it can, and never throws: after a failure, the original failure is the one worth
     * reporting, and a stray temporary file is harmless. Symbolic links are deleted, never followed.
     */
    public static void deleteQuietly(Path path) {
        try (java.util.stream.Stream<Path> all = Files.walk(path)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort, as above
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // already gone, or a folder that cannot be listed
        }
    }
}
