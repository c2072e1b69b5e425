package io.procmem.ingest.client;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.ToolStep;
import io.procmem.ingest.config.IngestConfig;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The client an agent embeds to report its sessions: writes {@link AgentEvent}s (Avro, Confluent wire format) to the
 * steps topic, keyed by session id so one session's events stay in one partition, in order. The producer is
 * idempotent with {@code acks=all}, so a retried send is not duplicated within one producer's life; duplicates across
 * processes (a restarted agent, a re-import) carry the same {@link EventIds event id} and are dropped by consumers.
 *
 * <p>Each record's Kafka timestamp is the event's own, so event-time processing sees when the agent acted. Sends are
 * asynchronous: the returned future fails if the event could not be written; {@link #flush()} waits for all.
 * Thread-safe, as the Kafka producer is. Schemas are registered at construction, so a registry that is down or refuses
 * the schema fails here, not on the first send.
 */
public final class StepEventPublisher implements AutoCloseable {
    private final Producer<String, AgentEvent> producer;
    private final String topic;

    public StepEventPublisher(IngestConfig config) {
        this(new KafkaProducer<>(config.producerConfig("steps"), new StringSerializer(), config.registeredSerializer(AgentEvent.class, config.stepsTopic())),
                config.stepsTopic());
    }

    /** Over a producer the caller made (e.g. a {@code MockProducer} in tests); the publisher closes it. */
    public StepEventPublisher(Producer<String, AgentEvent> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }


    public CompletableFuture<RecordMetadata> sessionStarted(String sessionId, Instant at, SessionStarted started) {
        return publish(event(EventIds.started(sessionId), sessionId, at, started));
    }

    public CompletableFuture<RecordMetadata> toolStep(String sessionId, Instant at, ToolStep step) {
        return publish(event(EventIds.step(sessionId, step.getStepIndex()), sessionId, at, step));
    }

    /** @throws IllegalArgumentException when {@code step_count} is unset: the event id is derived from it */
    public CompletableFuture<RecordMetadata> sessionEnded(String sessionId, Instant at, SessionEnded ended) {
        if (ended.getStepCount() == null) {
            throw new IllegalArgumentException("SessionEnded of " + sessionId + " has no step_count: set it, or use"
                    + " publish(AgentEvent) with an event id of your own");
        }
        return publish(event(EventIds.ended(sessionId, ended.getStepCount()), sessionId, at, ended));
    }

    /** Sends {@code event} as is, keyed by its session id. */
    public CompletableFuture<RecordMetadata> publish(AgentEvent event) {
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        ProducerRecord<String, AgentEvent> record = new ProducerRecord<>(topic, null,
                event.getTimestamp().toEpochMilli(), event.getSessionId(), event);
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                written.completeExceptionally(error);
            } else {
                written.complete(metadata);
            }
        });
        return written;
    }

    /** Blocks until every event sent so far is written or has failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static AgentEvent event(String eventId, String sessionId, Instant at, Object payload) {
        return AgentEvent.newBuilder().setEventId(eventId).setSessionId(sessionId).setTimestamp(at).setPayload(payload).build();
    }
}
