package org.scorefield.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of valid Scorefield files, as a careless or hostile hand would make them:
 * truncated, bytes flipped, values replaced by extreme or odd ones, nested, keys duplicated,
 * enlarged. Each mutation says its class, so that a run can count outcomes by class. The same
 * seed gives the same file, so a failure names a reproducible case.
 */
public final class Mutator {

    /** What a mutation did, for the counts. */
    public enum Kind {
        TRUNCATE, FLIP_BYTES, EXTREME_NUMBER, ODD_STRING, WRONG_TYPE, DELETE, DUPLICATE_KEY, ENLARGE, NEST,
        GARBAGE, CSV_FIELD, CSV_LINES
    }

    /** A mutated file's bytes and the classes of the mutations applied. */
    public record Mutant(byte[] bytes, List<Kind> kinds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Numbers that are valid JSON but absurd for every field. */
    private static final Object[] EXTREME = {1e308, -1e308, 3e38, 4_294_967_304L, Long.MAX_VALUE, Long.MIN_VALUE,
        new BigInteger("18446744073709551616"), -1, 0, 1e-320, 0.5, 1_000_001.0, 2_147_483_648L, -2_147_483_649L,
        1e6, 65_537, 1e-7};

    private final SplittableRandom random;
    private final String[] oddStrings;

    /**
     * @param seed     the seed of every choice
     * @param specials paths worth naming inside files (a pipe, a device, a folder, a file outside)
     */
    public Mutator(long seed, String... specials) {
        this.random = new SplittableRandom(seed);
        List<String> odd = new ArrayList<>(List.of("", "bogus", "x".repeat(200_000), "/dev/zero", "/",
                "../../../../../../etc/passwd", "a\u0000b.csv", "\n\n\n", "8gaussians", "moons", "points", "gaussian",
                "NaN", "1e999", "\uFFFD\uFFFD", "ok.csv", "../ok.csv", "fm", "eps", "linear", "vp"));
        odd.addAll(Arrays.asList(specials));
        this.oddStrings = odd.toArray(String[]::new);
    }

    /** One to three mutations of a JSON document (a model or a session). */
    public Mutant json(byte[] valid) {
        List<Kind> kinds = new ArrayList<>();
        byte[] bytes = valid;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.CSV_FIELD.ordinal())];
            byte[] next = applyJson(kind, bytes);
            if (next != null) {
                bytes = next;
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty()) {
            kinds.add(Kind.TRUNCATE);
            bytes = truncate(bytes);
        }
        return new Mutant(bytes, kinds);
    }

    /** One to three mutations of a CSV of points. */
    public Mutant csv(byte[] valid) {
        List<Kind> kinds = new ArrayList<>();
        byte[] bytes = valid;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Kind kind = switch (random.nextInt(6)) {
                case 0 -> Kind.TRUNCATE;
                case 1 -> Kind.FLIP_BYTES;
                case 2 -> Kind.GARBAGE;
                case 3 -> Kind.CSV_LINES;
                default -> Kind.CSV_FIELD;
            };
            bytes = switch (kind) {
                case TRUNCATE -> truncate(bytes);
                case FLIP_BYTES -> flip(bytes);
                case GARBAGE -> garbage(bytes);
                case CSV_LINES -> csvLines(bytes);
                default -> csvField(bytes);
            };
            kinds.add(kind);
        }
        return new Mutant(bytes, kinds);
    }

    private byte[] applyJson(Kind kind, byte[] bytes) {
        switch (kind) {
            case TRUNCATE:
                return truncate(bytes);
            case FLIP_BYTES:
                return flip(bytes);
            case GARBAGE:
                return garbage(bytes);
            case DUPLICATE_KEY:
                return duplicateKey(bytes);
            case NEST:
                return nest(bytes);
            default:
                break;
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (Exception notJsonAnyMore) {
            return null; // an earlier mutation broke it: tree mutations no longer apply
        }
        if (root == null || !root.isContainerNode()) {
            return null;
        }
        Slot slot = pick(root);
        if (slot == null) {
            return null;
        }
        switch (kind) {
            case EXTREME_NUMBER -> slot.set(number(EXTREME[random.nextInt(EXTREME.length)]));
            case ODD_STRING -> slot.set(NODES.textNode(oddStrings[random.nextInt(oddStrings.length)]));
            case WRONG_TYPE -> slot.set(switch (random.nextInt(6)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(true);
                case 2 -> NODES.arrayNode();
                case 3 -> NODES.objectNode();
                case 4 -> NODES.textNode("1");
                default -> NODES.numberNode(1);
            });
            case DELETE -> slot.delete();
            case ENLARGE -> slot.set(enlarge(slot.get()));
            default -> throw new IllegalStateException(kind.toString());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode number(Object v) {
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        return NODES.numberNode((BigInteger) v);
    }

    /** A bigger value: a list repeated (up to about 300,000 elements), a string or a round repeated. */
    private JsonNode enlarge(JsonNode value) {
        if (value.isArray() && value.size() > 0) {
            ArrayNode out = NODES.arrayNode();
            int times = 2 + random.nextInt(Math.max(2, Math.min(40, 300_000 / value.size())));
            for (int k = 0; k < times; k++) {
                out.addAll((ArrayNode) value.deepCopy());
            }
            return out;
        }
        if (value.isTextual()) {
            return NODES.textNode(value.textValue().repeat(2 + random.nextInt(1000)));
        }
        if (value.isNumber()) {
            return NODES.numberNode(value.doubleValue() * Math.pow(10, 1 + random.nextInt(300)));
        }
        ArrayNode list = NODES.arrayNode();
        for (int k = 0; k < 1 + random.nextInt(50); k++) {
            list.add(value.deepCopy());
        }
        return list;
    }

    private byte[] truncate(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
    }

    private byte[] flip(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int k = 0; k < 1 + random.nextInt(8) && out.length > 0; k++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private byte[] garbage(byte[] bytes) {
        byte[] junk = new byte[1 + random.nextInt(64)];
        random.nextBytes(junk);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        byte[] out = new byte[bytes.length + junk.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(bytes, at, out, at + junk.length, bytes.length - at);
        return out;
    }

    /** Inserts {@code "key": null,} before an occurrence of {@code "key":}. */
    private byte[] duplicateKey(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Integer> keys = new ArrayList<>();
        for (int i = text.indexOf("\":"); i >= 0 && keys.size() < 10_000; i = text.indexOf("\":", i + 1)) {
            keys.add(i);
        }
        if (keys.isEmpty()) {
            return null;
        }
        int colon = keys.get(random.nextInt(keys.size()));
        int start = text.lastIndexOf('"', colon - 1);
        if (start < 0) {
            return null;
        }
        String key = text.substring(start, colon + 2);
        String value = random.nextBoolean() ? "null" : "1";
        return (text.substring(0, start) + key + " " + value + ", " + text.substring(start))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Wraps the value after a random key in 10, 2,000 or 100,000 lists. */
    private byte[] nest(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int colon = text.indexOf("\":", random.nextInt(Math.max(1, text.length())));
        if (colon < 0) {
            colon = text.indexOf("\":");
        }
        if (colon < 0) {
            return null;
        }
        int depth = new int[] {10, 2_000, 100_000}[random.nextInt(3)];
        return (text.substring(0, colon + 2) + "[".repeat(depth) + "1" + "]".repeat(depth) + ", \"nested_" + depth
                + "\": " + text.substring(colon + 2)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] csvField(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length == 0) {
            return bytes;
        }
        int row = random.nextInt(lines.length);
        String[] fields = lines[row].split(",", -1);
        String[] odd = {"1e308", "-1e308", "NaN", "inf", "-Infinity", "1e6", "1000001", "2147483648", "1e-400", "0x10",
            "", "𝑥", "\u0000", "1d", "+.5", "-0", "999", "1000", "4294967304", "3e38", "1,2", "\"1\""};
        fields[random.nextInt(fields.length)] = odd[random.nextInt(odd.length)];
        lines[row] = String.join(",", fields);
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] csvLines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return (switch (random.nextInt(6)) {
            case 0 -> text + text.substring(text.indexOf('\n') + 1).repeat(2 + random.nextInt(200)); // up to ~40,000 rows
            case 1 -> "\uFEFF" + text.replace("\n", "\r\n");
            case 2 -> "9".repeat(1 + random.nextInt(2_000_000)) + "\n" + text; // one very long line
            case 3 -> text.replace("\n", ",1,2\n"); // more columns
            case 4 -> "x,y\n" + "1,2\n".repeat(200_001); // more points than are read
            default -> "";
        }).getBytes(StandardCharsets.UTF_8);
    }

    /** A place in a tree: reached by walking down random children, stopping on the way now and then. */
    private Slot pick(JsonNode root) {
        JsonNode parent = null;
        Object key = null;
        JsonNode node = root;
        while (node.isContainerNode() && node.size() > 0 && (parent == null || random.nextInt(4) != 0)) {
            parent = node;
            if (node.isObject()) {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                key = names.get(random.nextInt(names.size()));
                node = node.get((String) key);
            } else {
                key = random.nextInt(node.size());
                node = node.get((Integer) key);
            }
        }
        return parent == null ? null : new Slot(parent, key);
    }

    /** A child of an object or a list. */
    private record Slot(JsonNode parent, Object key) {
        JsonNode get() {
            return key instanceof String s ? parent.get(s) : parent.get((Integer) key);
        }

        void set(JsonNode value) {
            if (key instanceof String s) {
                ((ObjectNode) parent).set(s, value);
            } else {
                ((ArrayNode) parent).set((Integer) key, value);
            }
        }

        void delete() {
            if (key instanceof String s) {
                ((ObjectNode) parent).remove(s);
            } else {
                ((ArrayNode) parent).remove((Integer) key);
            }
        }
    }
}
