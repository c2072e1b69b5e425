package io.procmem.miner.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.miner.abstraction.Values;
import io.procmem.schemas.binding.ValuePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each value occurs in one step's result: canonical value text to the paths holding it, shortest first (ties
 * by text, so the choice is the same on every run). Built once per step of a session being mined.
 *
 * <p>Known limits: containers are indexed only while their canonical text is at most {@value #MAX_CONTAINER_CHARS}
 * characters (an argument equal to a whole large object is left unbound), and at most {@value #MAX_PATHS_PER_VALUE}
 * paths are kept per value (a value repeated in hundreds of places keeps its shortest ones).
 */
public final class ResultIndex {
    static final int MAX_CONTAINER_CHARS = 2048;
    static final int MAX_PATHS_PER_VALUE = 32;
    private static final Comparator<ValuePath> SHORTEST_FIRST =
            Comparator.comparingInt(ValuePath::length).thenComparing(ValuePath::toString);

    private final Map<String, List<ValuePath>> paths;

    private ResultIndex(Map<String, List<ValuePath>> paths) {
        this.paths = paths;
    }

    /** The index of a result; an absent result (null) has no values. */
    static ResultIndex of(JsonNode result) {
        Map<String, List<ValuePath>> paths = new HashMap<>();
        if (result != null) {
            new Walk(paths).walk(result, ValuePath.ROOT);
        }
        paths.replaceAll((value, found) -> {
            if (found.size() > 1) {
                found.sort(SHORTEST_FIRST);
            }
            return found.size() > MAX_PATHS_PER_VALUE ? List.copyOf(found.subList(0, MAX_PATHS_PER_VALUE)) : List.copyOf(found);
        });
        return new ResultIndex(paths);
    }

    /** Paths holding the value with this canonical text, shortest first; empty when none does. */
    List<ValuePath> paths(String canonical) {
        return paths.getOrDefault(canonical, List.of());
    }

    /** Every canonical text indexed. */
    Set<String> values() {
        return paths.keySet();
    }

    /**
     * The canonical text of a value ({@link Values#canonical}) as the index computes it, bottom-up; null for a
     * container longer than {@value #MAX_CONTAINER_CHARS} characters, which the index leaves out.
     */
    static String canonicalOrNull(JsonNode value) {
        return new Walk(null).walk(value, null);
    }

    /**
     * One walk over a result. Each node's canonical text is built once, from its children's, not once per ancestor;
     * a container whose text is longer than {@value #MAX_CONTAINER_CHARS} characters has none (null), and then
     * neither has any ancestor, so none is built. Objects with the same field names in the same order (the elements
     * of a list, and the same tool's results from session to session) share one {@link Shape}, so their names are
     * sorted and quoted once.
     */
    private static final class Walk {
        /** Where to index what is walked at a path; null when nothing is (canonical texts only). */
        private final Map<String, List<ValuePath>> paths;

        Walk(Map<String, List<ValuePath>> paths) {
            this.paths = paths;
        }

        /** Indexes a node and what it holds (unless path is null), and returns its canonical text or null. */
        String walk(JsonNode node, ValuePath path) {
            String canonical;
            if (node.isArray()) {
                canonical = array(node, path);
            } else if (node.isObject()) {
                canonical = object(node, path);
            } else {
                canonical = Values.canonical(node);
            }
            if (path != null && canonical != null && Values.searchable(node)) {
                paths.computeIfAbsent(canonical, value -> new ArrayList<>(1)).add(path);
            }
            return canonical;
        }

        private String array(JsonNode array, ValuePath path) {
            StringBuilder out = new StringBuilder().append('[');
            for (int i = 0; i < array.size(); i++) {
                String element = walk(array.get(i), path == null ? null : path.element(i));
                if (out != null) {
                    if (element == null) {
                        out = null;
                    } else {
                        if (i > 0) {
                            out.append(',');
                        }
                        out.append(element);
                        if (out.length() + 1 > MAX_CONTAINER_CHARS) {
                            out = null;
                        }
                    }
                }
                if (out == null && path == null) {
                    return null;
                }
            }
            return out == null ? null : out.append(']').toString();
        }

        private String object(JsonNode object, ValuePath path) {
            int size = object.size();
            String[] names = new String[size];
            JsonNode[] values = new JsonNode[size];
            int n = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); n++) {
                Map.Entry<String, JsonNode> field = it.next();
                names[n] = field.getKey();
                values[n] = field.getValue();
            }
            Shape shape = Shape.of(names);
            StringBuilder out = new StringBuilder().append('{');
            for (int i = 0; i < size; i++) {
                boolean indexed = path != null && shape.expressible[i];
                if (out == null && !indexed) {
                    continue;
                }
                JsonNode child = values[shape.order[i]];
                String value = indexed ? walk(child, path.field(shape.names[i])) : walk(child, null);
                if (out != null) {
                    if (value == null) {
                        out = null;
                    } else {
                        out.append(shape.prefixes[i]).append(value);
                        if (out.length() + 1 > MAX_CONTAINER_CHARS) {
                            out = null;
                        }
                    }
                }
            }
            return out == null ? null : out.append('}').toString();
        }
    }

    /**
     * The field names of an object, sorted as the canonical text has them, with what the text puts before each
     * value ({@code "name":}, after a comma but for the first) and whether a path can name the field.
     */
    private static final class Shape {
        /** Most tools return a few object layouts over and over: shapes are shared by every walk, up to this many. */
        private static final int SHARED = 4_096;
        private static final Map<List<String>, Shape> KNOWN = new ConcurrentHashMap<>();

        final String[] names;
        /** For each sorted position, the field's position in the object's own order. */
        final int[] order;
        final String[] prefixes;
        final boolean[] expressible;

        /** The shape of objects with these field names in this order. */
        static Shape of(String[] inOrder) {
            List<String> key = Arrays.asList(inOrder);
            Shape known = KNOWN.get(key);
            if (known == null) {
                known = new Shape(inOrder);
                if (KNOWN.size() >= SHARED) {
                    // Crude but bounded: layouts beyond the limit are rare, and a cleared map refills at once.
                    KNOWN.clear();
                }
                KNOWN.put(key, known);
            }
            return known;
        }

        private Shape(String[] inOrder) {
            Integer[] sorted = new Integer[inOrder.length];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = i;
            }
            Arrays.sort(sorted, (a, b) -> inOrder[a].compareTo(inOrder[b]));
            names = new String[inOrder.length];
            order = new int[inOrder.length];
            prefixes = new String[inOrder.length];
            expressible = new boolean[inOrder.length];
            for (int i = 0; i < names.length; i++) {
                order[i] = sorted[i];
                names[i] = inOrder[sorted[i]];
                StringBuilder prefix = new StringBuilder();
                if (i > 0) {
                    prefix.append(',');
                }
                Values.quote(names[i], prefix);
                prefixes[i] = prefix.append(':').toString();
                expressible[i] = ValuePath.expressible(names[i]);
            }
        }
    }
}
