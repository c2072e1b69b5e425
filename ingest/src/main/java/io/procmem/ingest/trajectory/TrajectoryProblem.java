package io.procmem.ingest.trajectory;

import java.util.Objects;

/**
 * A record the reader could not turn into a session.
 *
 * @param index   0-based position of the record in its file
 * @param reason  what is wrong, naming the message and field (e.g. {@code messages[7] (tool) answers unknown
 *                tool_call_id 'call_x'})
 * @param rawJson the record exactly as it appears in the file (for JSON Lines: the whole line), so a dead letter can
 *                keep it whole
 */
public record TrajectoryProblem(int index, String reason, String rawJson) implements TrajectoryRecord {
    public TrajectoryProblem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rawJson, "rawJson");
    }
}
