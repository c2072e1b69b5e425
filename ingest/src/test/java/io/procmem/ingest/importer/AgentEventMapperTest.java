package io.procmem.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.StepStatus;
import io.procmem.avro.ToolStep;
import io.procmem.ingest.trajectory.RecordedSession;
import io.procmem.ingest.trajectory.RecordedSession.Outcome;
import io.procmem.ingest.trajectory.RecordedStep;
import io.procmem.ingest.trajectory.RecordedStep.Status;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentEventMapperTest {
    private static final Instant START = Instant.parse("2024-05-15T20:00:00Z");
    private final AgentEventMapper mapper = new AgentEventMapper(Duration.ofSeconds(1));

    private static RecordedSession session() {
        TreeMap<String, String> attributes = new TreeMap<>();
        attributes.put("task_id", "12");
        attributes.put("trial", "3");
        attributes.put("source_file", "runs.json");
        return new RecordedSession(0, "tau-t12-r3", "gpt-4o", "airline", "gpt-4o", "book me a flight", null,
                List.of(new RecordedStep(0, "get_user_details", "{\"user_id\":\"mia\"}", "{\"name\":\"Mia\"}", Status.OK,
                                null, "c1", "book me a flight"),
                        new RecordedStep(1, "book_reservation", "{}", "\"Error: no seats\"", Status.ERROR,
                                "Error: no seats", "c2", "yes")),
                Outcome.FAILURE, 0.0, attributes);
    }

    @Test
    void shouldEmitStartStepsAndEndInOrderWithSequentialIdsAndTimes() {
        List<AgentEvent> events = mapper.map(session(), START);

        assertThat(events).extracting(AgentEvent::getEventId)
                .containsExactly("tau-t12-r3:0", "tau-t12-r3:1", "tau-t12-r3:2", "tau-t12-r3:3");
        assertThat(events).extracting(AgentEvent::getTimestamp)
                .containsExactly(START, START.plusSeconds(1), START.plusSeconds(2), START.plusSeconds(3));
        assertThat(events).extracting(AgentEvent::getSessionId).containsOnly("tau-t12-r3");
        assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName())
                .containsExactly("SessionStarted", "ToolStep", "ToolStep", "SessionEnded");
        assertThat(mapper.after(START, events.size())).isEqualTo(START.plusSeconds(4));
    }

    @Test
    void shouldCarryTheSessionStepsAndOutcomeIntoThePayloads() {
        List<AgentEvent> events = mapper.map(session(), START);

        SessionStarted started = (SessionStarted) events.get(0).getPayload();
        assertThat(started.getAgentId()).isEqualTo("gpt-4o");
        assertThat(started.getFleet()).isEqualTo("airline");
        assertThat(started.getRequestText()).isEqualTo("book me a flight");
        assertThat(started.getAttributes()).containsEntry("task_id", "12").containsEntry("trial", "3")
                .containsEntry("source_file", "runs.json");
        ToolStep failed = (ToolStep) events.get(2).getPayload();
        assertThat(failed.getStepIndex()).isEqualTo(1);
        assertThat(failed.getTool()).isEqualTo("book_reservation");
        assertThat(failed.getStatus()).isEqualTo(StepStatus.ERROR);
        assertThat(failed.getErrorMessage()).isEqualTo("Error: no seats");
        assertThat(failed.getToolCallId()).isEqualTo("c2");
        SessionEnded ended = (SessionEnded) events.get(3).getPayload();
        assertThat(ended.getOutcome()).isEqualTo(SessionOutcome.FAILURE);
        assertThat(ended.getStepCount()).isEqualTo(2);
        assertThat(ended.getReward()).isEqualTo(0.0);
    }

    @Test
    void shouldEncodeTheSameSessionToIdenticalBytesEveryTime() {
        AvroSerde<AgentEvent> serde = AvroSerde.forValues(AgentEvent.class, "mock://mapper-" + UUID.randomUUID());

        List<AgentEvent> first = mapper.map(session(), START);
        List<AgentEvent> second = mapper.map(session(), START);

        assertThat(second).isEqualTo(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(serde.serializer().serialize("steps", second.get(i)))
                    .isEqualTo(serde.serializer().serialize("steps", first.get(i)));
        }
    }
}
