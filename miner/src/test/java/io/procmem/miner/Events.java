package io.procmem.miner;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.StepStatus;
import io.procmem.avro.ToolStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds agent events for tests, with deterministic event ids like a re-import would produce. */
public final class Events {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private Events() {
    }

    /** A tool call to put in a session: tool name, arguments JSON and result JSON (null for none). */
    public record Call(String tool, String argumentsJson, String resultJson, StepStatus status) {
        public static Call ok(String tool, String argumentsJson) {
            return ok(tool, argumentsJson, null);
        }

        public static Call ok(String tool, String argumentsJson, String resultJson) {
            return new Call(tool, argumentsJson, resultJson, StepStatus.OK);
        }

        public static Call failed(String tool, String argumentsJson) {
            return new Call(tool, argumentsJson, null, StepStatus.ERROR);
        }
    }

    public static AgentEvent started(String sessionId, String agentId) {
        return event(sessionId, "start", SessionStarted.newBuilder().setAgentId(agentId).setFleet("acme").build());
    }

    public static AgentEvent step(String sessionId, int index, Call call) {
        return event(sessionId, "step-" + index, ToolStep.newBuilder().setStepIndex(index).setTool(call.tool())
                .setArgumentsJson(call.argumentsJson()).setResultJson(call.resultJson()).setStatus(call.status()).build());
    }

    public static AgentEvent ended(String sessionId, SessionOutcome outcome, Integer stepCount) {
        return event(sessionId, "end", SessionEnded.newBuilder().setOutcome(outcome).setStepCount(stepCount).build());
    }

    /** A whole session, in order: start, the calls, end announcing their count. */
    public static List<AgentEvent> session(String sessionId, String agentId, SessionOutcome outcome, Call... calls) {
        List<AgentEvent> events = new ArrayList<>();
        events.add(started(sessionId, agentId));
        for (int i = 0; i < calls.length; i++) {
            events.add(step(sessionId, i, calls[i]));
        }
        events.add(ended(sessionId, outcome, calls.length));
        return events;
    }

    private static AgentEvent event(String sessionId, String position, Object payload) {
        return AgentEvent.newBuilder().setEventId(sessionId + "/" + position).setSessionId(sessionId)
                .setTimestamp(T0).setPayload(payload).build();
    }
}
