package io.procmem.executor.store;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The procedures an executor holds: the latest version of each procedure id, and a prefix tree of abstract steps
 * for matching. The tree's first level indexes procedures by their first abstract step; deeper levels narrow by the
 * following steps, and every node keeps its procedures best supported first, so a matcher reads only the procedures
 * that match, in answer order, and can stop at its limit.
 *
 * <p>Reads never lock: procedures live in a {@link ConcurrentHashMap} and each tree node's list is immutable and
 * replaced whole. Writes are serialized, since they touch several structures. A reader may see a change in
 * {@link #get} a moment before it sees it in {@link #rankedWithPrefix}; each node on its own is always consistent.
 *
 * <p>Rules: a version older than the one held is ignored (the same version replaces, so a replay is harmless);
 * {@link #remove} (a tombstone) forgets the id, so a later record for it is taken whatever its version. RETIRED
 * procedures, and procedures of fewer than two steps (nothing could remain after a match), are held and listed but
 * never offered for matching.
 *
 * <p>Avro records are mutable; the index assumes nobody changes a procedure after handing it over.
 */
public final class ProcedureIndex {
    private final Map<String, CompiledProcedure> byId = new ConcurrentHashMap<>();
    private final PrefixNode root = new PrefixNode();
    /** Matchable procedure lengths and how many have each, so matchers can skip suffixes no procedure covers. */
    private final TreeMap<Integer, Integer> matchableLengths = new TreeMap<>();
    private volatile int longestMatchable;
    /** Bumped on every change, so followers (the MCP tool list) can skip a pass when nothing changed. */
    private volatile long changes;

    /**
     * Holds {@code procedure} unless a newer version of it is held.
     *
     * @return true if it is now the held version, false if it was ignored as older
     */
    public synchronized boolean put(CompiledProcedure procedure) {
        Objects.requireNonNull(procedure, "procedure");
        CompiledProcedure held = byId.get(procedure.getProcedureId());
        if (held != null && held.getVersion() > procedure.getVersion()) {
            return false;
        }
        byId.put(procedure.getProcedureId(), procedure);
        reindex(held, procedure);
        changes++;
        return true;
    }

    /** Forgets {@code procedureId}; returns whether it was held. */
    public synchronized boolean remove(String procedureId) {
        CompiledProcedure held = byId.remove(procedureId);
        if (held == null) {
            return false;
        }
        reindex(held, null);
        changes++;
        return true;
    }

    /** A counter that grows with every put or remove that changed what is held; equal values mean no change. */
    public long changes() {
        return changes;
    }

    public int size() {
        return byId.size();
    }

    public Optional<CompiledProcedure> get(String procedureId) {
        return Optional.ofNullable(byId.get(procedureId));
    }

    /** Every held procedure, RETIRED ones included, in no particular order; a live view. */
    public Collection<CompiledProcedure> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** A copy of the held procedures by id, unaffected by later changes. */
    public Map<String, CompiledProcedure> snapshot() {
        return Map.copyOf(byId);
    }

    /**
     * The matchable procedures whose first steps equal {@code abstractSteps} from index {@code from} to the end and
     * that have at least one step more, by support (highest first) then id; empty when there are none.
     */
    public List<CompiledProcedure> rankedWithPrefix(List<String> abstractSteps, int from) {
        PrefixNode node = root;
        for (int i = from; i < abstractSteps.size() && node != null; i++) {
            node = node.children.get(abstractSteps.get(i));
        }
        return node == null || node == root ? List.of() : node.ranked();
    }

    /** Number of steps of the longest matchable procedure, 0 when none is. */
    public int longestMatchable() {
        return longestMatchable;
    }

    /** Moves a procedure from the tree nodes of its old version to those of its new one (either may be null). */
    private void reindex(CompiledProcedure old, CompiledProcedure now) {
        List<PrefixNode> oldPath = old == null ? List.of() : path(old, false);
        List<PrefixNode> newPath = now == null ? List.of() : path(now, true);
        Set<PrefixNode> onNewPath = Collections.newSetFromMap(new IdentityHashMap<>());
        onNewPath.addAll(newPath);
        for (PrefixNode node : newPath) {
            node.replace(old, now);
        }
        for (PrefixNode node : oldPath) {
            if (!onNewPath.contains(node)) {
                node.replace(old, null);
            }
        }
        prune(old, oldPath);
        count(old, -1);
        count(now, +1);
    }

    /** The nodes a matchable procedure sits in (one per step but the last), created if asked; empty otherwise. */
    private List<PrefixNode> path(CompiledProcedure procedure, boolean create) {
        if (!matchable(procedure)) {
            return List.of();
        }
        int depth = procedure.getSteps().size() - 1;
        List<PrefixNode> nodes = new ArrayList<>(depth);
        PrefixNode node = root;
        for (int i = 0; i < depth; i++) {
            String step = procedure.getSteps().get(i).getAbstractStep();
            node = create ? node.children.computeIfAbsent(step, s -> new PrefixNode()) : node.children.get(step);
            nodes.add(node);
        }
        return nodes;
    }

    /** Removes the nodes of an old path that no procedure passes through any more, deepest first. */
    private void prune(CompiledProcedure old, List<PrefixNode> oldPath) {
        for (int i = oldPath.size() - 1; i >= 0 && oldPath.get(i).isEmpty(); i--) {
            PrefixNode parent = i == 0 ? root : oldPath.get(i - 1);
            parent.children.remove(old.getSteps().get(i).getAbstractStep());
        }
    }

    private void count(CompiledProcedure procedure, int delta) {
        if (procedure == null || !matchable(procedure)) {
            return;
        }
        matchableLengths.merge(procedure.getSteps().size(), delta, (a, b) -> a + b == 0 ? null : a + b);
        longestMatchable = matchableLengths.isEmpty() ? 0 : matchableLengths.lastKey();
    }

    private static boolean matchable(CompiledProcedure procedure) {
        return procedure.getStatus() != ProcedureStatus.RETIRED && procedure.getSteps().size() >= 2;
    }
}
