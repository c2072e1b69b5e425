package io.procmem.registry;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.StepStatus;
import io.procmem.avro.ToolStep;
import java.time.Instant;

/** A real procmem event with every kind of field set: strings, a timestamp, a union of records, optional values. */
final class AgentEvents {
    private AgentEvents() {
    }

    static AgentEvent toolStep() {
        return AgentEvent.newBuilder()
                .setEventId("evt-42")
                .setSessionId("session-7")
                .setTimestamp(Instant.ofEpochMilli(1_718_000_000_123L))
                .setPayload(ToolStep.newBuilder()
                        .setStepIndex(3)
                        .setTool("lookup_order")
                        .setArgumentsJson("{\"order_id\":\"#W123\"}")
                        .setResultJson("{\"status\":\"delivered\"}")
                        .setStatus(StepStatus.OK)
                        .setLatencyMs(87L)
                        .setDecisionTokens(512)
                        .build())
                .build();
    }
}
