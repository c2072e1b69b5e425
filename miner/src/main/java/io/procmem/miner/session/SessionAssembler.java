package io.procmem.miner.session;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.StepStatus;
import io.procmem.avro.ToolStep;
import java.util.Optional;

/**
 * Assembles sessions from their events, in any order. A session closes when its SessionEnded has arrived and every
 * step it announced is present, or, once idle for the timeout, as it stands: with its announced outcome but marked
 * incomplete when the end came and steps are missing, with outcome UNKNOWN when no end came.
 *
 * <p>Duplicates are recognised by position, not by event id: a second event for a step index, or a second start
 * or end, is ignored. A re-sent event has the same position, so this also catches re-sent events; a different
 * event claiming a taken position is treated as a duplicate too (first one wins). Keeping positions instead of ids
 * keeps the buffer small.
 */
public final class SessionAssembler {
    private final long timeoutMs;

    /** What one event did to its session. */
    public sealed interface Assembly permits Duplicate, Pending, Closed {
    }

    /** The event repeated a position already filled; the buffer is unchanged. */
    public record Duplicate(String why) implements Assembly {
    }

    /** The session is still open; store this buffer. */
    public record Pending(SessionBuffer buffer) implements Assembly {
    }

    /** The session is complete; drop its buffer. */
    public record Closed(FinishedSession session) implements Assembly {
    }

    public SessionAssembler(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param current the session's buffer, or null for its first event
     * @param nowMs   wall-clock time, the start of the idle timeout
     */
    public Assembly apply(SessionBuffer current, AgentEvent event, long nowMs) {
        SessionBuffer buffer = current != null ? current : SessionBuffer.open(event.getSessionId(), nowMs);
        SessionBuffer next;
        Object payload = event.getPayload();
        if (payload instanceof SessionStarted started) {
            if (buffer.start() != null) {
                return new Duplicate("SessionStarted already received");
            }
            next = buffer.withStart(new SessionBuffer.Start(started.getAgentId(), started.getFleet(),
                    started.getRequestText(), started.getRequestParamsJson(), event.getTimestamp().toEpochMilli()), nowMs);
        } else if (payload instanceof ToolStep step) {
            if (buffer.steps().containsKey(step.getStepIndex())) {
                return new Duplicate("step " + step.getStepIndex() + " already received");
            }
            next = buffer.withStep(new BufferedStep(step.getStepIndex(), step.getTool(), step.getArgumentsJson(),
                    step.getResultJson(), step.getStatus() == StepStatus.OK), nowMs);
        } else if (payload instanceof SessionEnded ended) {
            if (buffer.end() != null) {
                return new Duplicate("SessionEnded already received");
            }
            next = buffer.withEnd(new SessionBuffer.End(ended.getOutcome(), ended.getStepCount(),
                    event.getTimestamp().toEpochMilli()), nowMs);
        } else {
            throw new IllegalArgumentException("event " + event.getEventId() + " has an unknown payload type "
                    + (payload == null ? "null" : payload.getClass().getName()));
        }
        if (next.end() != null && next.missingSteps() == 0) {
            return new Closed(next.finish(next.end().outcome(), nowMs));
        }
        return new Pending(next);
    }

    /** The session closed as it stands if it has been idle for the timeout at {@code nowMs}. */
    public Optional<FinishedSession> expire(SessionBuffer buffer, long nowMs) {
        if (nowMs - buffer.lastUpdatedMs() < timeoutMs) {
            return Optional.empty();
        }
        SessionOutcome outcome = buffer.end() == null ? SessionOutcome.UNKNOWN : buffer.end().outcome();
        return Optional.of(buffer.finish(outcome, nowMs));
    }
}
