package org.scorefield.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.io.AtomicFiles;
import org.scorefield.core.io.InputFiles;
import org.scorefield.core.io.IoReasons;
import org.scorefield.core.io.JsonFields;

/**
 * Points as CSV text: one point per row, {@code x,y} or {@code x,y,label}, as spreadsheets,
 * NumPy ({@code np.savetxt(..., delimiter=",")}) and pandas write them.
 *
 * <p>Reading is forgiving about form and strict about content. Tolerated: one header line (a first
 * row with no number in it, e.g. {@code x,y}), blank lines, comment lines starting with
 * {@code #}, spaces around fields, CRLF line ends and a UTF-8 byte order mark. Refused, with one
 * sentence naming the file and the line: a field that is not a decimal number, NaN or infinite
 * coordinates, rows whose column count differs from the first row's, labels that are not whole
 * numbers from 0 to {@link #MAX_LABEL}, files over {@link #MAX_BYTES} or {@link #MAX_POINTS}.
 * The file is streamed, never loaded whole.
 *
 * <p>Writing uses {@link Double#toString}, which prints the shortest decimal that parses back to
 * the same double, so {@code read(write(p))} equals {@code p} bit for bit; it replaces the file
 * atomically ({@link AtomicFiles}).
 */
public final class PointCsv {

    /** Files larger than this are refused before reading: 64 MiB. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The most points a file may hold; beyond this, every O(N²) oracle and plot becomes slow. */
    public static final int MAX_POINTS = 200_000;
    /** The largest label: guidance keeps one entry per class, so labels must stay small. */
    public static final int MAX_LABEL = 999;

    /**
     * A decimal number as CSV writers print it; not Java's extras such as {@code 1d} or hex floats.
     * Its quantifiers are possessive: it never backtracks, so a field of a million digits and then a
     * letter is refused in linear time (the greedy {@code \d+\.?\d*} took hours on one).
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?+(\\d++(\\.\\d*+)?+|\\.\\d++)([eE][+-]?+\\d++)?+");
    private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFINITE = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String NOT_UTF8 = "the file is not UTF-8 text; save it as UTF-8.";

    private PointCsv() {
    }

    /**
     * Reads a point file.
     *
     * @throws InvalidInputException naming the file (and the line, for a malformed row)
     */
    public static PointSet read(Path file) {
        return read(file, MAX_BYTES);
    }

    /** {@link #read(Path)} with another size limit, so that tests need no 64 MB file. */
    static PointSet read(Path file, long maxBytes) {
        // Bytes that are not UTF-8 become U+FFFD instead of failing a whole buffer ahead of the
        // line they are on, so the message can name the right line.
        try (BufferedReader reader = InputFiles.openText(file, maxBytes, "point file")) {
            return parse(reader, IoReasons.fileName(file));
        } catch (IOException e) {
            throw IoReasons.cannotRead(file, e);
        }
    }

    /**
     * Writes a header ({@code x,y} or {@code x,y,label}) and one row per point, replacing the file
     * atomically and creating missing folders.
     *
     * @throws InvalidInputException if the file cannot be written; a previous file is then kept
     */
    public static void write(PointSet points, Path file) {
        try {
            AtomicFiles.write(file, out -> writeRows(points, out));
        } catch (IOException e) {
            throw IoReasons.cannotWrite(file, e);
        }
    }

    private static void writeRows(PointSet points, Writer out) throws IOException {
        boolean labelled = points.hasLabels();
        out.write(labelled ? "x,y,label\n" : "x,y\n");
        for (int i = 0; i < points.size(); i++) {
            out.write(Double.toString(points.x(i)));
            out.write(',');
            out.write(Double.toString(points.y(i)));
            if (labelled) {
                out.write(',');
                out.write(Integer.toString(points.label(i)));
            }
            out.write('\n');
        }
    }

    private static PointSet parse(BufferedReader reader, String name) throws IOException {
        double[] xy = new double[2 * 1024];
        int[] labels = null;
        int n = 0;
        int columns = 0; // of the first data row; 0 until it is read
        boolean headerPossible = true;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split(",", -1);
            for (int c = 0; c < fields.length; c++) {
                fields[c] = fields[c].strip();
            }
            if (headerPossible) {
                headerPossible = false;
                if (isHeader(fields)) {
                    continue;
                }
            }
            String where = name + " line " + lineNumber + ": ";
            if (columns == 0) {
                if (fields.length != 2 && fields.length != 3) {
                    throw new InvalidInputException(where + "expected 2 or 3 columns (x,y or x,y,label), found "
                            + fields.length + ".");
                }
                columns = fields.length;
                if (columns == 3) {
                    labels = new int[xy.length / 2];
                }
            } else if (fields.length != columns) {
                throw new InvalidInputException(where + "expected " + columns + " columns like the first row, found "
                        + fields.length + ".");
            }
            if (n == MAX_POINTS) {
                throw new InvalidInputException(where + "the file has more than " + MAX_POINTS
                        + " points, the most Scorefield loads; subsample it first.");
            }
            if (2 * n == xy.length) {
                xy = Arrays.copyOf(xy, 2 * xy.length);
                if (labels != null) {
                    labels = Arrays.copyOf(labels, 2 * labels.length);
                }
            }
            xy[2 * n] = coordinate(fields[0], 1, where);
            xy[2 * n + 1] = coordinate(fields[1], 2, where);
            if (labels != null) {
                labels[n] = label(fields[2], where);
            }
            n++;
        }
        if (n == 0) {
            throw new InvalidInputException(name + " is empty: expected rows of x,y or x,y,label.");
        }
        return PointSet.wrap(Arrays.copyOf(xy, 2 * n), labels == null ? null : Arrays.copyOf(labels, n));
    }

    /** A header has no field that reads as a number (NaN and infinity count as numbers here). */
    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            if (DECIMAL.matcher(f).matches() || NAN.matcher(f).matches() || INFINITE.matcher(f).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double coordinate(String field, int column, String where) {
        if (NAN.matcher(field).matches()) {
            throw new InvalidInputException(where + "NaN is not a coordinate.");
        }
        if (INFINITE.matcher(field).matches()) {
            throw new InvalidInputException(where + "Infinity is not a coordinate.");
        }
        if (!DECIMAL.matcher(field).matches()) {
            throw new InvalidInputException(where + (misencoded(field)
                    ? NOT_UTF8
                    : "expected a number in column " + column + ", found " + quote(field) + "."));
        }
        double value = Double.parseDouble(field);
        if (!(Math.abs(value) <= PointSet.MAX_COORDINATE)) {
            throw new InvalidInputException(where + quote(field) + " is too large for a coordinate (at most ±"
                    + PointSet.MAX_COORDINATE_TEXT + ").");
        }
        return value;
    }

    private static int label(String field, String where) {
        double value = DECIMAL.matcher(field).matches() ? Double.parseDouble(field) : Double.NaN;
        // "2.0" is a whole number too: NumPy writes labels stored as floats that way
        if (!(value >= 0 && value == Math.rint(value))) {
            throw new InvalidInputException(where + (misencoded(field)
                    ? NOT_UTF8
                    : "a label must be a whole number ≥ 0, found " + quote(field) + "."));
        }
        if (value > MAX_LABEL) {
            throw new InvalidInputException(where + "a label must be at most " + MAX_LABEL + ", found "
                    + quote(field) + ".");
        }
        return (int) value;
    }

    /** Replacement characters or NULs: the bytes were Latin-1 or UTF-16, not UTF-8. */
    private static boolean misencoded(String field) {
        return field.indexOf('\uFFFD') >= 0 || field.indexOf('\u0000') >= 0;
    }

    private static String quote(String field) {
        return "'" + JsonFields.quote(field) + "'";
    }
}
