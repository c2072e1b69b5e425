package io.procmem.executor.runner;

import io.procmem.avro.ExecutionMode;
import java.time.Duration;
import java.time.Instant;

/**
 * One finished request, for listeners (reports, metrics): how it was asked, what came of it, when and how long.
 *
 * @param sessionId the agent's session, or null when the caller gave none
 */
public record RunRecord(ExecutionMode mode, String sessionId, RunOutcome outcome, Instant startedAt, Duration latency) {
}
