package org.scorefield.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.scorefield.core.InvalidInputException;

/**
 * Why a file operation failed, as a short phrase for a user-facing sentence such as
 * {@code "Cannot read points.csv: no such file."}. The JDK's own messages are often just the
 * path again ({@link NoSuchFileException}) or a class name, which tells a student nothing.
 */
public final class IoReasons {

    private static final String NOT_A_FOLDER = "a part of the path is not a folder";

    private IoReasons() {
    }

    /** The longest file name a message shows whole. */
    private static final int MAX_NAME_CHARS = 80;

    /**
     * The name a message gives a file: its last path element, or the path when it has none (the
     * root); control characters (a name may hold a line break) shown as "?", a long name shortened.
     */
    public static String fileName(Path file) {
        Path name = file.getFileName();
        String text = InputFiles.printable(name == null ? file.toString() : name.toString());
        return text.length() <= MAX_NAME_CHARS ? text : text.substring(0, MAX_NAME_CHARS) + "…";
    }

    /** "Cannot read <file>: <reason>.", for a user. */
    public static InvalidInputException cannotRead(Path file, IOException e) {
        return new InvalidInputException("Cannot read " + fileName(file) + ": " + describe(e) + ".", e);
    }

    /** "Cannot write <file>: <reason>.", for a user. */
    public static InvalidInputException cannotWrite(Path file, IOException e) {
        return new InvalidInputException("Cannot write " + fileName(file) + ": " + describe(e) + ".", e);
    }

    /** A lower-case phrase without a final full stop, e.g. {@code "permission denied"}. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return NOT_A_FOLDER;
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            // the POSIX texts of ENOTDIR and EISDIR, which read badly after "Cannot write x:"
            return switch (fs.getReason()) {
                case "Not a directory" -> NOT_A_FOLDER;
                case "Is a directory" -> "it is a folder";
                default -> asPhrase(fs.getReason());
            };
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : asPhrase(message);
    }

    private static String asPhrase(String s) {
        String trimmed = s.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? trimmed : Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
