package org.scorefield.core;

/**
 * Input a user can fix: an impossible schedule constant, a malformed data file, a time outside a
 * schedule's range. The message is one sentence meant for that user (a status bar, a dialog, or
 * one line on stderr), never a stack trace.
 *
 * <p>Programming errors keep using {@link IllegalArgumentException} and {@link IllegalStateException};
 * the command line answers this exception with exit code 2 and every other with exit code 1.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws unless {@code condition} holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }

    /** Throws unless {@code value} is a finite number. */
    public static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(name + " must be a finite number, got " + value);
        }
        return value;
    }
}
