package io.procmem.executor.binding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path inside a JSON value in the binding contract's JSONPath subset: {@code .name} selects an object field,
 * {@code [n]} a list element (0-based), nothing else; the empty path is the value itself.
 *
 * <p>Known limit: a field whose name contains {@code .}, {@code [} or {@code ]} cannot be addressed.
 */
public record ValuePath(String text, List<Object> segments) {
    public static final ValuePath ROOT = new ValuePath("", List.of());
    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

    public ValuePath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses e.g. {@code .reservations[2].id}.
     *
     * @throws IllegalArgumentException naming the character where the text stops being a path
     */
    public static ValuePath parse(String text) {
        List<Object> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is not a path of .name and [n] segments (stops at "
                        + "character " + at + ")");
            }
            segments.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
            at = matcher.end();
        }
        return new ValuePath(text, segments);
    }

    /** The value at this path, or null when it is not there; a JSON null counts as not there. */
    public JsonNode read(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) segment) : null);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    @Override
    public String toString() {
        return text;
    }
}
