package io.procmem.executor.shadow;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.ToolStep;
import java.time.Instant;

/** Agent events for shadow tests: the airline session of the user-reservations routine. */
public final class AgentEvents {
    public static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    public static final String USER_RESULT =
            "{\"user_id\": \"mia_li_3668\", \"reservations\": [\"NO6JO3\", \"AIXC49\", \"HKEG34\"]}";

    private AgentEvents() {
    }

    public static AgentEvent started(String session) {
        return event(session, "start", SessionStarted.newBuilder().setAgentId("agent-1").build());
    }

    public static AgentEvent userDetails(String session) {
        return step(session, 0, "get_user_details", "{\"user_id\": \"mia_li_3668\"}", USER_RESULT);
    }

    public static AgentEvent reservation(String session, int index, String reservationId) {
        return step(session, index, "get_reservation_details", "{\"reservation_id\": \"" + reservationId + "\"}", "{}");
    }

    public static AgentEvent step(String session, int index, String tool, String arguments, String result) {
        return event(session, "step-" + index, ToolStep.newBuilder().setStepIndex(index).setTool(tool)
                .setArgumentsJson(arguments).setResultJson(result).build());
    }

    public static AgentEvent ended(String session) {
        return event(session, "end", SessionEnded.newBuilder().setOutcome(SessionOutcome.SUCCESS).build());
    }

    private static AgentEvent event(String session, String id, Object payload) {
        return AgentEvent.newBuilder().setEventId(session + "-" + id).setSessionId(session).setTimestamp(AT)
                .setPayload(payload).build();
    }
}
