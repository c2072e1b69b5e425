package io.procmem.miner.candidates;

import io.procmem.avro.SessionOutcome;
import java.util.List;

/**
 * What one finished session says about the routines starting with one abstract step: how often the step occurred
 * and every window starting at it. Keyed by that first step on the repartition topic, so the counts a routine's
 * reviews compare (the first step's occurrences, the sequence's, the candidate's) meet on one task.
 *
 * <p>Size on the topic: per occurrence of the first step, up to {@code maxLength - minLength + 1} windows, each with
 * its calls and the results its bindings read (each result at most {@code miner.sample.max.result.bytes}, else left
 * out); a long session that keeps returning to one step makes the largest records.
 *
 * @param firstStep      the abstract step every occurrence starts with
 * @param agentId        the session's agent, or null when unknown
 * @param fleet          the session's fleet, or null when unknown
 * @param outcome        how the session ended
 * @param firstStepCount how many times the first step occurred in the session (outside loops), whatever followed it
 * @param occurrences    windows starting at it, of every mined length; may be empty
 */
public record Observation(String firstStep, String sessionId, String agentId, String fleet, SessionOutcome outcome,
                          int firstStepCount, List<Occurrence> occurrences) {
    public Observation {
        occurrences = List.copyOf(occurrences);
    }
}
