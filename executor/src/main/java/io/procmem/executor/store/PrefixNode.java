package io.procmem.executor.store;

import io.procmem.avro.CompiledProcedure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node of the prefix tree of {@link ProcedureIndex}: the path from the root spells abstract steps, and the node
 * holds the procedures that begin with exactly that path and have at least one step after it, best supported first.
 *
 * <p>The ranked list is immutable and replaced whole by the (single) writer, so a reader sees either the list
 * before a change or the one after, never a mix.
 */
final class PrefixNode {
    /** Best supported first, then by id, so equal support still gives one order everywhere. */
    static final Comparator<CompiledProcedure> RANK = Comparator
            .comparingLong((CompiledProcedure p) -> p.getSupport().getOccurrences()).reversed()
            .thenComparing(CompiledProcedure::getProcedureId);

    final Map<String, PrefixNode> children = new ConcurrentHashMap<>();
    private volatile List<CompiledProcedure> ranked = List.of();

    List<CompiledProcedure> ranked() {
        return ranked;
    }

    /**
     * Drops {@code removed} (if it is here) and adds {@code added} (if not null) in rank order. Both are found by
     * binary search: {@link #RANK} ends on the id, so only the same procedure compares equal.
     */
    void replace(CompiledProcedure removed, CompiledProcedure added) {
        List<CompiledProcedure> next = new ArrayList<>(ranked);
        int at = removed == null ? -1 : Collections.binarySearch(next, removed, RANK);
        if (at >= 0) {
            next.remove(at);
        }
        if (added != null) {
            int insertAt = Collections.binarySearch(next, added, RANK);
            next.add(insertAt < 0 ? -insertAt - 1 : insertAt, added);
        }
        ranked = Collections.unmodifiableList(next);
    }

    boolean isEmpty() {
        return ranked.isEmpty() && children.isEmpty();
    }
}
