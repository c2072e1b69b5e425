package io.procmem.schemas.binding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path inside a JSON value in the binding contract's JSONPath subset ({@code ArgumentBinding.source} of a compiled
 * procedure): {@code .name} selects an object field, {@code [n]} a list element (0-based), nothing else; the empty
 * path is the value itself. Segments are field names ({@link String}) or element indexes ({@link Integer}). The miner
 * writes these paths and the executor reads values through them, so both use this one class.
 *
 * <p>Known limit: a field whose name contains {@code .}, {@code [} or {@code ]}, or is empty, cannot be written in
 * the subset; values under such a field are never bound (see {@link #expressible}).
 */
public record ValuePath(List<Object> segments) {
    public static final ValuePath ROOT = new ValuePath(List.of());
    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

    public ValuePath {
        segments = List.copyOf(segments);
    }

    /** Whether a field name can be written as a {@code .name} segment. */
    public static boolean expressible(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the subset, e.g. {@code .reservations[2].id}; the empty text is the root.
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
        return new ValuePath(segments);
    }

    public ValuePath field(String name) {
        return append(name);
    }

    public ValuePath element(int index) {
        return append(index);
    }

    public int length() {
        return segments.size();
    }

    /** The first {@code n} segments. */
    public ValuePath prefix(int n) {
        return new ValuePath(segments.subList(0, n));
    }

    /** The segments from {@code from} on. */
    public ValuePath suffix(int from) {
        return new ValuePath(segments.subList(from, segments.size()));
    }

    /** The value at this path, or null when it is not there. */
    public JsonNode read(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) segment) : null);
        }
        return node;
    }

    /** The value at this path, or null when it is not there or is a JSON null: what a binding can use. */
    public JsonNode readPresent(JsonNode root) {
        JsonNode node = read(root);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** This path with every element index written {@code [*]}: the same place in any element of the lists. */
    public String generalized() {
        return write(true);
    }

    @Override
    public String toString() {
        return write(false);
    }

    private String write(boolean anyElement) {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(anyElement ? "*" : index).append(']');
            } else {
                out.append('.').append(segment);
            }
        }
        return out.toString();
    }

    private ValuePath append(Object segment) {
        Object[] more = segments.toArray(new Object[segments.size() + 1]);
        more[segments.size()] = segment;
        return new ValuePath(Arrays.asList(more));
    }
}
