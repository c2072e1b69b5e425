package io.procmem.ingest.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.ToolStep;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class StepEventPublisherTest {
    private static final Instant AT = Instant.parse("2024-05-15T20:00:00Z");

    private final MockProducer<String, AgentEvent> producer = producer(true);
    private final StepEventPublisher publisher = new StepEventPublisher(producer, "steps");

    private static MockProducer<String, AgentEvent> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(),
                AvroSerde.forValues(AgentEvent.class, "mock://publisher-" + UUID.randomUUID()).serializer());
    }

    @Test
    void shouldKeySessionEventsBySessionIdWithPositionalIdsAndEventTimestamps() {
        publisher.sessionStarted("s1", AT, SessionStarted.newBuilder().setAgentId("a").build());
        publisher.toolStep("s1", AT.plusSeconds(1), ToolStep.newBuilder().setStepIndex(0).setTool("t").setArgumentsJson("{}").build());
        publisher.sessionEnded("s1", AT.plusSeconds(2), SessionEnded.newBuilder().setOutcome(SessionOutcome.SUCCESS).setStepCount(1).build());

        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("steps");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("s1");
        assertThat(producer.history()).extracting(r -> r.value().getEventId()).containsExactly("s1:0", "s1:1", "s1:2");
        assertThat(producer.history()).extracting(ProducerRecord::timestamp)
                .containsExactly(AT.toEpochMilli(), AT.toEpochMilli() + 1000, AT.toEpochMilli() + 2000);
    }

    @Test
    void shouldCompleteTheFutureWhenWrittenAndFailItWhenNot() {
        MockProducer<String, AgentEvent> manual = producer(false);
        StepEventPublisher manualPublisher = new StepEventPublisher(manual, "steps");
        SessionStarted started = SessionStarted.newBuilder().setAgentId("a").build();

        CompletableFuture<RecordMetadata> written = manualPublisher.sessionStarted("s1", AT, started);
        CompletableFuture<RecordMetadata> lost = manualPublisher.sessionStarted("s2", AT, started);
        manual.completeNext();
        manual.errorNext(new TimeoutException("broker gone"));

        assertThat(written).isCompleted();
        assertThat(lost).isCompletedExceptionally();
    }

    @Test
    void shouldRefuseASessionEndWithoutStepCountSinceItsIdDependsOnIt() {
        SessionEnded ended = SessionEnded.newBuilder().setOutcome(SessionOutcome.UNKNOWN).build();

        assertThatThrownBy(() -> publisher.sessionEnded("s1", AT, ended)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SessionEnded of s1 has no step_count");
        assertThat(producer.history()).isEmpty();
    }
}
