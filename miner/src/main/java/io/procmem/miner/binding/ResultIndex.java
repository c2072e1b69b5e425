package io.procmem.miner.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.miner.abstraction.Values;
import io.procmem.schemas.binding.ValuePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
            walk(result, ValuePath.ROOT, paths);
        }
        paths.replaceAll((value, found) -> {
            found.sort(SHORTEST_FIRST);
            return found.size() > MAX_PATHS_PER_VALUE ? List.copyOf(found.subList(0, MAX_PATHS_PER_VALUE)) : List.copyOf(found);
        });
        return new ResultIndex(paths);
    }

    /** Paths holding the value with this canonical text, shortest first; empty when none does. */
    List<ValuePath> paths(String canonical) {
        return paths.getOrDefault(canonical, List.of());
    }

    private static void walk(JsonNode node, ValuePath path, Map<String, List<ValuePath>> paths) {
        if (Values.searchable(node)) {
            String canonical = Values.canonical(node);
            if (!node.isContainerNode() || canonical.length() <= MAX_CONTAINER_CHARS) {
                paths.computeIfAbsent(canonical, value -> new ArrayList<>()).add(path);
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path.element(i), paths);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (ValuePath.expressible(field.getKey())) {
                    walk(field.getValue(), path.field(field.getKey()), paths);
                }
            }
        }
    }
}
