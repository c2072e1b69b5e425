package io.procmem.miner.topology;

import io.procmem.avro.DeadLetter;
import io.procmem.miner.config.MinerConfig;
import io.procmem.schemas.Topics;
import io.procmem.schemas.dlq.DeadLetters;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letter records for Streams' exception handlers, which Streams itself writes to the DLQ topic (KIP-1034). The
 * handlers get the Streams properties: {@code MinerTopology.streamsProperties} puts the DLQ topic there, and the
 * registry URL is the configuration's.
 *
 * <p>If even the dead letter cannot be written (registry down), the failure is logged with the record's coordinates.
 */
final class HandlerDeadLetters {
    /** Where the handlers find the DLQ topic; not {@code topic.dlq}, which Streams reads as an internal-topic config. */
    static final String DLQ_TOPIC_CONFIG = "procmem.miner.handler.dlq.topic";
    private static final Logger LOG = LoggerFactory.getLogger(HandlerDeadLetters.class);

    private String topic = Topics.DLQ;
    private Serializer<DeadLetter> serializer;

    void configure(Map<String, ?> configs) {
        Object dlq = configs.get(DLQ_TOPIC_CONFIG);
        if (dlq != null) {
            topic = dlq.toString();
        }
        Object url = configs.get(MinerConfig.SCHEMA_REGISTRY_URL);
        if (url == null) {
            throw new IllegalArgumentException(MinerConfig.SCHEMA_REGISTRY_URL + " is not set: the exception handlers need it to write dead letters");
        }
        serializer = AvroSerde.forValues(DeadLetter.class, url.toString()).serializer();
    }

    /** The record to write for a failure at {@code stage}, or none when the dead letter cannot be serialized. */
    List<ProducerRecord<byte[], byte[]>> of(String stage, ErrorHandlerContext context, byte[] key, byte[] value, Exception error) {
        DeadLetter letter = DeadLetters.of(stage, DeadLetters.reasonOf(error), context.topic(), context.partition(),
                context.offset(), key, value, error, Instant.now());
        try {
            byte[] bytes = serializer.serialize(topic, letter);
            return List.of(new ProducerRecord<>(topic, null, key, bytes, DeadLetters.headers(letter)));
        } catch (RuntimeException e) {
            LOG.error("cannot write the dead letter for {}-{}@{} (task {}): {}", context.topic(), context.partition(),
                    context.offset(), context.taskId(), e.toString());
            return List.of();
        }
    }
}
