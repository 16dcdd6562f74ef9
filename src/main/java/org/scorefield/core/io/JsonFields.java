package org.scorefield.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.scorefield.core.InvalidInputException;
import org.scorefield.core.data.PointSet;

/**
 * Typed, required fields of one JSON object of a Scorefield file, named by their dotted path in
 * messages ({@code "architecture.width" must be a whole number, found "x"}), and the parsing that turns
 * Jackson's errors into one readable phrase. Reasons are lower-case phrases without the file's
 * name, to follow "Cannot load f.json: ".
 *
 * @param node the object
 * @param path its dotted path with a final dot, or "" for the root
 */
public record JsonFields(JsonNode node, String path) {

    /** The longest name, id or file name a file may hold (weights are longer and say so). */
    public static final int MAX_TEXT_CHARS = 1024;
    /** Longer values are shortened in messages, which must stay one readable line. */
    private static final int MAX_QUOTED_CHARS = 40;

    /** The longest key read: Scorefield's keys are short, and a key is quoted in messages whole. */
    public static final int MAX_NAME_CHARS = 100;

    /**
     * The mapper of Scorefield's files: a repeated key or anything after the document is an error;
     * strings may be as long as the file (the base64 weights of a large network are longer than
     * Jackson's default cap of 20 M characters); keys are short; and at most {@code maxTokens} values
     * are read, so that the tree of a file under its byte cap (millions of small numbers take far
     * more memory as nodes than as text) cannot exhaust the heap.
     */
    public static ObjectMapper strictMapper(long maxBytes, long maxTokens) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
                                .maxNameLength(MAX_NAME_CHARS)
                                .maxTokenCount(maxTokens).build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The fields of a document's root object. */
    public static JsonFields root(JsonNode root) {
        return new JsonFields(root, "");
    }

    /**
     * Writes a document's text, replacing the file atomically ({@link AtomicFiles}) and creating
     * missing folders; a text that cannot be made is refused before the file is touched.
     *
     * @throws InvalidInputException "Cannot write f: why." (the previous file is then kept)
     */
    public static void writeAtomically(Path file, java.util.function.Supplier<String> text) {
        String body;
        try {
            body = text.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Cannot write " + IoReasons.fileName(file) + ": " + phrase(e.getMessage())
                    + ".", e);
        }
        try {
            AtomicFiles.write(file, out -> out.write(body));
        } catch (IOException e) {
            throw IoReasons.cannotWrite(file, e);
        }
    }

    /**
     * The JSON tree of a file's bytes.
     *
     * @throws InvalidInputException if the bytes are empty, truncated or not JSON
     */
    public static JsonNode parse(ObjectMapper mapper, byte[] bytes) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonEOFException e) {
            throw new InvalidInputException("the JSON ends early" + where(e.getLocation())
                    + ", so the file is truncated");
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(beyondLimits(mapper, e));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("it is not valid JSON" + where(e.getLocation()) + " (" + jsonProblem(e) + ")");
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException("the file is empty");
        }
        return root;
    }

    /** A limit of the mapper's that the file goes beyond, as a phrase naming the limit. */
    private static String beyondLimits(ObjectMapper mapper, StreamConstraintsException e) {
        StreamReadConstraints limits = mapper.getFactory().streamReadConstraints();
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Token count")) {
            return String.format(java.util.Locale.ROOT, "it holds more than %,d values, more than such a file ever "
                    + "has", limits.getMaxTokenCount());
        }
        if (m.startsWith("Name length")) {
            return "a key is longer than " + limits.getMaxNameLength() + " characters, which no key of such a file is";
        }
        if (m.contains("nesting depth")) {
            return "it is nested more than " + limits.getMaxNestingDepth() + " levels deep, which no such file is";
        }
        return "it goes beyond what such a file holds (" + jsonProblem(e) + ")";
    }

    /** "The width must …." → "the width must …", to follow "Cannot load x: ". */
    public static String phrase(String message) {
        String m = message == null ? "" : message.strip();
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** The text, shortened to one readable part of a line. */
    /**
     * A value found in a file, as a message quotes it: a scalar shortened, a list or an object
     * described ("a list of 3 values"), never written out whole.
     */
    public static String quote(JsonNode value) {
        if (value.isArray()) {
            return "a list of " + value.size() + " values";
        }
        if (value.isObject()) {
            return "an object of " + value.size() + " fields";
        }
        return value.isTextual() ? "\"" + quote(value.textValue()) + "\"" : quote(value.toString());
    }

    public static String quote(String text) {
        String shown = InputFiles.printable(text);
        return shown.length() <= MAX_QUOTED_CHARS ? shown : shown.substring(0, MAX_QUOTED_CHARS) + "…";
    }

    /** A number as a message shows it: 0.001, 1000, 1e+308. */
    public static String shown(double v) {
        if (v == 0 || (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7)) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.3g", v).replaceFirst("\\.?0+e", "e");
    }

    /** Jackson's reason, without its explanations: "Unrecognized token 'x'", "Duplicate field 'width'". */
    private static String jsonProblem(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        if (m.startsWith("Trailing token")) {
            return "more follows the end of the object";
        }
        int colon = m.indexOf(": ");
        m = colon > 0 ? m.substring(0, colon) : m.lines().findFirst().orElse("");
        return m.length() <= 2 * MAX_QUOTED_CHARS ? m : m.substring(0, 2 * MAX_QUOTED_CHARS) + "…";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The value, which must be present. */
    public JsonNode node(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new InvalidInputException("\"" + path + key + "\" is missing");
        }
        return value;
    }

    /** Whether the object has the key. */
    public boolean has(String key) {
        return node.has(key);
    }

    private InvalidInputException wrongType(String key, String expected, JsonNode found) {
        return new InvalidInputException("\"" + path + key + "\" must be " + expected + ", found "
                + quote(found));
    }

    public JsonFields object(String key) {
        JsonNode value = node(key);
        if (!value.isObject()) {
            throw wrongType(key, "an object", value);
        }
        return new JsonFields(value, path + key + ".");
    }

    /** Element {@code index} of the list at {@code key}, which must be an object. */
    public JsonFields element(String key, int index) {
        JsonNode list = node(key);
        JsonNode value = list.isArray() ? list.get(index) : null;
        if (value == null || !value.isObject()) {
            throw new InvalidInputException("\"" + path + key + "[" + index + "]\" must be an object");
        }
        return new JsonFields(value, path + key + "[" + index + "].");
    }

    /** A string of at most {@value #MAX_TEXT_CHARS} characters: a name, an id or a file name. */
    public String text(String key) {
        return text(key, MAX_TEXT_CHARS);
    }

    /** A string of at most {@code maxChars} characters. */
    public String text(String key, int maxChars) {
        JsonNode value = node(key);
        if (!value.isTextual()) {
            throw wrongType(key, "a string", value);
        }
        String text = value.textValue();
        InvalidInputException.require(text.length() <= maxChars, "\"" + path + key + "\" is " + text.length()
                + " characters long, more than the " + maxChars + " it may have");
        return text;
    }

    /** A finite number. */
    public double number(String key) {
        JsonNode value = node(key);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw wrongType(key, "a number", value);
        }
        return value.doubleValue();
    }

    /** A number from {@code min} to {@code max}. */
    public double number(String key, double min, double max) {
        double value = number(key);
        InvalidInputException.require(value >= min && value <= max, "\"" + path + key + "\" must lie between "
                + shown(min) + " and " + shown(max) + ", found " + shown(value));
        return value;
    }

    /** A whole number from {@code min} to {@code max}. */
    public long whole(String key, long min, long max) {
        long value = whole(key);
        InvalidInputException.require(value >= min && value <= max, "\"" + path + key + "\" must lie between "
                + min + " and " + max + ", found " + value);
        return value;
    }

    public long whole(String key) {
        JsonNode value = node(key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(key, "a whole number", value);
        }
        return value.longValue();
    }

    public int integer(String key) {
        JsonNode value = node(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(key, "a whole number", value);
        }
        return value.intValue();
    }

    public boolean bool(String key) {
        JsonNode value = node(key);
        if (!value.isBoolean()) {
            throw wrongType(key, "true or false", value);
        }
        return value.booleanValue();
    }

    /**
     * Points as a list {@code [x, y, x, y, …]}: an even number of coordinates, each within
     * ±{@link PointSet#MAX_COORDINATE}, at most {@code maxPoints} of them (the caller checks the least).
     */
    public double[] coordinates(String key, int maxPoints) {
        JsonNode value = node(key);
        InvalidInputException.require(!value.isArray() || value.size() <= 2L * maxPoints, "\"" + path + key
                + "\" holds " + value.size() / 2 + " points, more than the " + maxPoints + " a file may hold");
        double[] xy = numbers(key);
        InvalidInputException.require(xy.length % 2 == 0,
                "\"" + path + key + "\" must hold x, y pairs, but it has " + xy.length + " numbers");
        for (double v : xy) {
            InvalidInputException.require(Math.abs(v) <= PointSet.MAX_COORDINATE, "\"" + path + key + "\" holds "
                    + shown(v) + ", beyond the largest coordinate, ±" + PointSet.MAX_COORDINATE_TEXT);
        }
        return xy;
    }

    /** A list of finite numbers (of any length; the caller checks it). */
    public double[] numbers(String key) {
        JsonNode value = node(key);
        if (!value.isArray()) {
            throw wrongType(key, "a list of numbers", value);
        }
        double[] out = new double[value.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = value.get(i);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new InvalidInputException("\"" + path + key + "\" holds " + quote(v)
                        + ", not a number");
            }
            out[i] = v.doubleValue();
        }
        return out;
    }
}
