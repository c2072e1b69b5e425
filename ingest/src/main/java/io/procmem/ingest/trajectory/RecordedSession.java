package io.procmem.ingest.trajectory;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One agent session read from a recording: who ran it, what was asked, the tool calls in order and how it ended.
 * Plain Java, so the same value feeds the Kafka importer, tests and offline analyses.
 *
 * @param index             0-based position of the record in its file
 * @param sessionId         deterministic id (see {@link TrajectoryReader}), the same on every import of the file
 * @param agentId           the record's {@code agent_id}, else the configured agent id, else the model, else the
 *                          source name
 * @param fleet             fleet or tenant the session belongs to
 * @param model             the model that ran the session, when the record names it
 * @param requestText       the text of the first user message, or null when there is none
 * @param requestParamsJson the record's {@code request_params} object as JSON, or null
 * @param steps             tool calls in the order the model made them
 * @param outcome           explicit {@code outcome}, else derived from {@code reward} (at least 1: SUCCESS, below 1:
 *                          FAILURE), else UNKNOWN
 * @param reward            the record's reward, or null
 * @param attributes        labels: {@code source_file}, {@code record_index}, {@code task_id}, {@code trial} and the
 *                          record's {@code metadata}; sorted, so encoding them is deterministic
 */
public record RecordedSession(int index, String sessionId, String agentId, String fleet, String model,
                              String requestText, String requestParamsJson, List<RecordedStep> steps,
                              Outcome outcome, Double reward, SortedMap<String, String> attributes)
        implements TrajectoryRecord {

    /** How the session ended, as far as the recording says. */
    public enum Outcome { SUCCESS, FAILURE, UNKNOWN }

    public RecordedSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
        // A TreeMap, not Map.copyOf: the latter's iteration order changes between JVM runs, and a re-import must
        // encode the attributes byte for byte the same.
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }
}
