package io.procmem.miner.candidates;

import io.procmem.miner.binding.Signatures;
import io.procmem.miner.binding.StepObservation;
import java.util.List;
import java.util.Map;

/**
 * One occurrence of a routine: a window of a session with its bindings, its recorded calls and the results its
 * bindings read, so it can be replayed later. Crosses the repartition topic and is kept in samples as JSON.
 *
 * @param sessionId         the session it occurred in
 * @param firstIndex        session step index of its first call
 * @param steps             its steps, with bindings and calls
 * @param results           result JSON of each window step a binding or loop reads, by window position; empty when
 *                          {@code sampleable} is false
 * @param requestParamsJson the session's request parameters when a binding reads one, else null
 * @param sampleable        false when one of those results is larger than the sample limit: the occurrence is then
 *                          counted but never sampled, which keeps state values bounded
 */
public record Occurrence(String sessionId, int firstIndex, List<StepObservation> steps, Map<Integer, String> results,
                         String requestParamsJson, boolean sampleable) {
    public Occurrence {
        steps = List.copyOf(steps);
        results = Map.copyOf(results);
    }

    public String sequence() {
        return Signatures.sequence(steps);
    }

    public String signature() {
        return Signatures.signature(steps);
    }
}
