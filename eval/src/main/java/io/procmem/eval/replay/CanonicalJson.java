package io.procmem.eval.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The text two JSON values share exactly when they mean the same to a tool: object keys sorted at every depth,
 * numbers by value ({@code 1}, {@code 1.0} and {@code 1e0} are one number). Strings are compared exactly, not trimmed:
 * a tool receives the string as sent, so {@code " x"} and {@code "x"} are different calls.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(JsonNode value) {
        return value == null ? "null" : canonical(value).toString();
    }

    private static JsonNode canonical(JsonNode value) {
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            addKeys(value, names);
            names.sort(null);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> sorted.set(name, canonical(value.get(name))));
            return sorted;
        }
        if (value.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (value.isNumber()) {
            // Via BigDecimal so 1 and 1.0 print alike; stripped of trailing zeros, in plain (not E) notation.
            return JsonNodeFactory.instance.numberNode(value.decimalValue().stripTrailingZeros());
        }
        return value;
    }

    /** Keys of {@code a} and {@code b} whose values differ, for messages; sorted. */
    public static List<String> differingKeys(JsonNode a, JsonNode b) {
        List<String> keys = new ArrayList<>();
        addKeys(a, keys);
        addKeys(b, keys);
        return keys.stream().distinct().sorted()
                .filter(key -> !of(a == null ? null : a.get(key)).equals(of(b == null ? null : b.get(key)))).toList();
    }

    private static void addKeys(JsonNode node, List<String> keys) {
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> keys.add(entry.getKey()));
        }
    }
}
