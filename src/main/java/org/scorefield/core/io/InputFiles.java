package org.scorefield.core.io;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.scorefield.core.InvalidInputException;

/**
 * The one way Scorefield opens a file it did not write itself: a model, a session, a CSV of
 * points, or a path given on the command line or named inside another file. Every such file is
 * untrusted, so this reader
 * <ul>
 *   <li>turns a path's text into a path only when it is one ({@link #argument}), and resolves a path
 *       named inside a file against that file's folder, accepting only the kind of file the field names
 *       ({@link #named});
 *   <li>opens regular files only: a folder, a device such as {@code /dev/zero}, a pipe or a socket is
 *       refused before it is opened (a pipe would block forever, a device never ends);
 *   <li>refuses a file larger than its kind's limit before reading it, and never reads more than the
 *       limit even when the file grows meanwhile or reports no size (as {@code /proc} files do).
 * </ul>
 * Messages are one sentence, "Cannot read points.csv: it is a folder.", with any quoted text shortened.
 */
public final class InputFiles {

    /** The longest path text accepted, on the command line or inside a file. */
    public static final int MAX_PATH_CHARS = 1024;

    private InputFiles() {
    }

    /**
     * A path given on the command line.
     *
     * @param what what it names, for the message ("--data")
     * @throws InvalidInputException when the text is empty, too long, or not a path on this system
     */
    public static Path argument(String text, String what) {
        InvalidInputException.require(!text.isEmpty(), what + " is empty; give a file name.");
        InvalidInputException.require(text.length() <= MAX_PATH_CHARS, what + " is " + text.length()
                + " characters long; a path may have at most " + MAX_PATH_CHARS + ".");
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(what + " '" + JsonFields.quote(printable(text))
                    + "' is not a path on this system" + (text.indexOf('\0') >= 0 ? " (it holds a NUL character)." : "."));
        }
    }

    /**
     * The file a path inside {@code owner} names: a relative path is resolved against {@code owner}'s
     * folder (not the working folder), an absolute one is taken as it is. Only a name ending in
     * {@code extension} is accepted, so a file handed on by someone else cannot make Scorefield read
     * a system file such as {@code ../../etc/passwd}; the file itself is then read through {@link
     * #openText}, which opens regular files only.
     *
     * @param field     the field that holds the path, for the message ("data")
     * @param extension the only kind of file the field may name, with its dot (".csv")
     * @throws InvalidInputException naming the field when the text is not such a path
     */
    public static Path named(Path owner, String text, String field, String extension) {
        String shown = "'" + JsonFields.quote(printable(text)) + "'";
        InvalidInputException.require(!text.isEmpty(), "\"" + field + "\" is empty");
        InvalidInputException.require(text.length() <= MAX_PATH_CHARS, "\"" + field + "\" is " + text.length()
                + " characters long; a path may have at most " + MAX_PATH_CHARS);
        InvalidInputException.require(text.toLowerCase(Locale.ROOT).endsWith(extension), "\"" + field + "\" is "
                + shown + ", which is not a " + extension + " file");
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("\"" + field + "\" is " + shown + ", which is not a path on this system");
        }
        Path folder = owner.toAbsolutePath().normalize().getParent();
        return path.isAbsolute() || folder == null ? path : folder.resolve(path).normalize();
    }

    /**
     * How a file names {@code target} so that {@link #named} finds it: its path from {@code owner}'s
     * folder, with {@code /} between the parts on every system; its absolute path when there is no
     * such path (another drive).
     */
    public static String pathFrom(Path owner, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = owner.toAbsolutePath().normalize().getParent();
        try {
            return folder == null ? absolute.toString()
                    : folder.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
        } catch (IllegalArgumentException otherRoot) {
            return absolute.toString();
        }
    }

    /**
     * All the bytes of a regular file of at most {@code maxBytes}.
     *
     * @param kind what such files are, for the message ("model file")
     * @throws InvalidInputException naming the file when it is not a regular file, is too large or unreadable
     */
    public static byte[] readBytes(Path file, long maxBytes, String kind) {
        requireRegularWithin(file, maxBytes, kind);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            requireWithin(file, bytes.length, maxBytes, kind, false);
            return bytes;
        } catch (IOException e) {
            throw IoReasons.cannotRead(file, e);
        }
    }

    /**
     * A reader of a regular UTF-8 text file of at most {@code maxBytes}, which ends with an
     * {@link InvalidInputException} instead of reading past the limit. Bytes that are not UTF-8 become
     * U+FFFD (so a caller can name the line they are on).
     *
     * @throws InvalidInputException naming the file when it is not a regular file, is too large or unreadable
     */
    public static BufferedReader openText(Path file, long maxBytes, String kind) {
        requireRegularWithin(file, maxBytes, kind);
        try {
            InputStream limited = new FilterInputStream(Files.newInputStream(file)) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) {
                    read += n;
                    requireWithin(file, read, maxBytes, kind, false);
                }
            };
            return new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw IoReasons.cannotRead(file, e);
        }
    }

    /** Refuses what is not a regular file, or is one over the limit. */
    private static void requireRegularWithin(Path file, long maxBytes, String kind) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw IoReasons.cannotRead(file, e);
        }
        String name = IoReasons.fileName(file);
        InvalidInputException.require(!attributes.isDirectory(), "Cannot read " + name + ": it is a folder.");
        InvalidInputException.require(attributes.isRegularFile(), "Cannot read " + name
                + ": it is not a regular file (a device, a pipe or a socket), and only files are read.");
        requireWithin(file, attributes.size(), maxBytes, kind, true);
    }

    /** @param sizeKnown whether {@code size} is the file's size, or only what was read of it so far */
    private static void requireWithin(Path file, long size, long maxBytes, String kind, boolean sizeKnown) {
        InvalidInputException.require(size <= maxBytes, "Cannot read " + IoReasons.fileName(file) + ": "
                + (sizeKnown ? "at " + sizeText(size) + " it is" : "it is") + " over the " + sizeText(maxBytes)
                + " a " + kind + " may have.");
    }

    /** "12 bytes", "1.5 MB". */
    public static String sizeText(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " bytes"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The text with control characters (a NUL, a line break) shown as "?", so a message stays one line. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 128));
        for (int i = 0; i < text.length() && out.length() < 128; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
