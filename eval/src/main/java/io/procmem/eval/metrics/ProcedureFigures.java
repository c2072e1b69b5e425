package io.procmem.eval.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one procedure did in the test set.
 *
 * @param status         the status the miner last gave it (the eval serves it whatever the status, if its policy
 *                       admits it)
 * @param support        occurrences in its last compiled version
 * @param takeovers      runs that made at least one call
 * @param falseByReason  its false takeovers, by reason
 * @param shadowRuns     runs alongside the agent before it was served (or while it was not), with calls
 */
public record ProcedureFigures(String procedureId, String name, String status, long support, long takeovers,
                               long correctCalls, long servedCalls, long falseTakeovers, long escalations,
                               long neutral, Map<String, Long> falseByReason, double precision,
                               long shadowRuns, long shadowCorrectCalls, long shadowCalls) {
    public ProcedureFigures {
        falseByReason = new TreeMap<>(falseByReason);
    }
}
