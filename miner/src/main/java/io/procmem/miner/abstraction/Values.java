package io.procmem.miner.abstraction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Argument and result values compared the way the binding contract says: strings trimmed, numbers by value
 * ({@code 100}, {@code 100.0} and {@code 1e2} are equal), object fields in any order. The canonical form is a JSON
 * text, so it is also how values are stored and compared after a round trip through a state store.
 *
 * <p>A string and a number are never equal ({@code "7"} is not {@code 7}): tools that take ids as strings and return
 * them as numbers are not bound, which errs on the side of an INPUT.
 */
public final class Values {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Values() {
    }

    /** A JSON text parsed; null for a null or blank text. */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The normalized JSON text of a value: equal values, by the contract's rules, have equal canonical texts. */
    public static String canonical(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * Whether a value is distinctive enough to be looked up in earlier results: not null, not a boolean, not an
     * empty string or container. A {@code true} would match the first boolean of any result.
     */
    public static boolean searchable(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isBoolean()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.asText().isBlank();
        }
        return !value.isContainerNode() || !value.isEmpty();
    }

    /** The text a user would type for a scalar (strings trimmed, numbers plain), or null for other values. */
    public static String typed(JsonNode value) {
        if (value != null && value.isTextual()) {
            return value.asText().trim();
        }
        return value != null && value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : null;
    }

    /** The JSON type name of a value as {@code ProcedureInput.json_type} spells it. */
    public static String jsonType(JsonNode value) {
        if (value == null || value.isNull() || value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isBoolean() ? "boolean" : value.isArray() ? "array" : "object";
    }

    /** The canonical text of a number: its value with trailing zeros stripped, in plain notation. */
    private static String canonicalNumber(JsonNode number) {
        if (number.isInt() || number.isLong()) {
            return Long.toString(number.longValue());
        }
        return number.decimalValue().stripTrailingZeros().toPlainString();
    }

    /** Appends a text as a JSON string literal, as it is (callers trim string values, not field names). */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        if (plain(text)) {
            out.append(text);
        } else {
            out.append(JsonStringEncoder.getInstance().quoteAsString(text));
        }
        out.append('"');
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isTextual()) {
            quote(value.asText().trim(), out);
        } else if (value.isNumber()) {
            out.append(canonicalNumber(value));
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isObject()) {
            String[] names = sortedFieldNames(value);
            out.append('{');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                quote(names[i], out);
                out.append(':');
                write(value.get(names[i]), out);
            }
            out.append('}');
        } else {
            out.append(value.asText());
        }
    }

    /** An object's field names in the canonical (natural String) order. */
    private static String[] sortedFieldNames(JsonNode object) {
        String[] names = new String[object.size()];
        int n = 0;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names[n++] = it.next();
        }
        Arrays.sort(names);
        return names;
    }

    /** Whether a text needs no escaping: printable ASCII without quote or backslash, which the encoder keeps as is. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
