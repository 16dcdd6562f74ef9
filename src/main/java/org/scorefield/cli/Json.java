package org.scorefield.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;

/** Builds the one JSON object a command prints. Non-finite numbers become null, keeping the JSON valid. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
        return node;
    }

    static ArrayNode array(double... values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    static ObjectNode map(Map<String, Double> values) {
        ObjectNode node = object();
        values.forEach((k, v) -> put(node, k, v));
        return node;
    }

    /** Prints the object on one line. */
    static void print(PrintWriter out, ObjectNode node) {
        out.println(node.toString());
        out.flush();
    }
}
