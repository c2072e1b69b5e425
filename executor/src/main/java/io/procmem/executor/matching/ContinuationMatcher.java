package io.procmem.executor.matching;

import io.procmem.avro.CompiledProcedure;
import io.procmem.executor.store.ProcedureIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the procedures that continue an agent's steps so far.
 *
 * <p>Rule: a procedure continues the steps when its first {@code k} abstract steps equal the last {@code k} steps so
 * far ({@code k >= 1}) and it has more than {@code k} steps. A procedure that fits at several {@code k} is reported
 * once, with the largest. Order: larger {@code k} first (more evidence the routine is under way), then higher
 * support, then procedure id, so equal inputs always give equal answers.
 *
 * <p>Cost: the index hands over, for each {@code k}, exactly the procedures that match at {@code k}, already in
 * answer order, so the matcher walks at most the longest procedure's length of suffixes and stops at the limit;
 * the index size does not enter. A fleet filter skips other fleets' procedures one by one, so many large fleets
 * sharing routines would slow it (a per-fleet index is the remedy if that shows).
 *
 * <p>Limits: the procedure's {@code trigger} (prefix, keywords) is not consulted yet; matching is on abstract steps
 * only, so argument values do not matter, argument names do.
 */
public final class ContinuationMatcher {
    private final ProcedureIndex index;

    public ContinuationMatcher(ProcedureIndex index) {
        this.index = index;
    }

    /** Matches a query whose steps still need their abstract form computed. */
    public List<Continuation> match(ContinuationQuery query) {
        List<String> abstractSteps = new ArrayList<>(query.steps().size());
        for (ObservedStep step : query.steps()) {
            abstractSteps.add(step.abstractStep());
        }
        return matchAbstract(abstractSteps, query.fleet(), query.limit());
    }

    /**
     * Matches steps already in abstract form.
     *
     * @param fleet only this fleet's procedures, or null for all
     * @param limit the most continuations to return
     */
    public List<Continuation> matchAbstract(List<String> abstractSteps, String fleet, int limit) {
        int n = abstractSteps.size();
        List<Continuation> found = new ArrayList<>(Math.min(limit, 16));
        Set<String> seen = new HashSet<>();
        for (int k = Math.min(n, index.longestMatchable() - 1); k >= 1 && found.size() < limit; k--) {
            for (CompiledProcedure candidate : index.rankedWithPrefix(abstractSteps, n - k)) {
                if (found.size() == limit) {
                    break;
                }
                if ((fleet == null || fleet.equals(candidate.getFleet())) && seen.add(candidate.getProcedureId())) {
                    found.add(new Continuation(candidate, k));
                }
            }
        }
        return found;
    }
}
