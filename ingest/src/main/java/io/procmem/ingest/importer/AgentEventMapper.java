package io.procmem.ingest.importer;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.StepStatus;
import io.procmem.avro.ToolStep;
import io.procmem.ingest.client.EventIds;
import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.RecordedStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns a {@link RecordedSession} into the events an agent would have sent live: SessionStarted, one ToolStep per
 * call, SessionEnded with the step count. Ids come from {@link EventIds}; timestamps are {@code start} plus a fixed
 * spacing per event. Both depend only on the input, so mapping a session twice gives equal events, which encode to
 * identical bytes. Latency and token counts are left unset: recordings do not have them.
 */
public final class AgentEventMapper {
    private final Duration spacing;

    public AgentEventMapper(Duration spacing) {
        if (spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("event spacing must be positive, not " + spacing);
        }
        this.spacing = spacing;
    }

    /** The session's events in order, the first at {@code start}. */
    public List<AgentEvent> map(RecordedSession session, Instant start) {
        List<AgentEvent> events = new ArrayList<>(session.steps().size() + 2);
        String id = session.sessionId();
        events.add(event(EventIds.started(id), id, start, SessionStarted.newBuilder()
                .setAgentId(session.agentId())
                .setFleet(session.fleet())
                .setModel(session.model())
                .setRequestText(session.requestText())
                .setRequestParamsJson(session.requestParamsJson())
                .setAttributes(new TreeMap<>(session.attributes()))
                .build()));
        for (RecordedStep step : session.steps()) {
            events.add(event(EventIds.step(id, step.index()), id, at(start, events.size()), toolStep(step)));
        }
        int stepCount = session.steps().size();
        events.add(event(EventIds.ended(id, stepCount), id, at(start, events.size()), SessionEnded.newBuilder()
                .setOutcome(SessionOutcome.valueOf(session.outcome().name()))
                .setReward(session.reward())
                .setStepCount(stepCount)
                .build()));
        return events;
    }

    /** When the session after one of {@code eventCount} events starting at {@code start} begins. */
    public Instant after(Instant start, int eventCount) {
        return at(start, eventCount);
    }

    private static ToolStep toolStep(RecordedStep step) {
        return ToolStep.newBuilder()
                .setStepIndex(step.index())
                .setTool(step.tool())
                .setArgumentsJson(step.argumentsJson())
                .setResultJson(step.resultJson())
                .setStatus(StepStatus.valueOf(step.status().name()))
                .setErrorMessage(step.errorMessage())
                .setToolCallId(step.toolCallId())
                .build();
    }

    private Instant at(Instant start, int sequence) {
        return start.plus(spacing.multipliedBy(sequence));
    }

    private static AgentEvent event(String eventId, String sessionId, Instant at, Object payload) {
        return AgentEvent.newBuilder().setEventId(eventId).setSessionId(sessionId).setTimestamp(at).setPayload(payload).build();
    }
}
