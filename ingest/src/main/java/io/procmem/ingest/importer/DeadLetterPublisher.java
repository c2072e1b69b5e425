package io.procmem.ingest.importer;

import io.procmem.avro.DeadLetter;
import io.procmem.ingest.config.IngestConfig;
import io.procmem.schemas.dlq.DeadLetters;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes {@link DeadLetter}s built by {@link DeadLetters} to the dead-letter topic, with the headers that repeat the
 * reason for tools that do not decode Avro. Keyed by the letter's source (file and record index for an import), so a
 * re-import's letter for the same record lands next to the first. The schema is registered at construction, so a
 * registry problem shows before the import starts.
 */
public final class DeadLetterPublisher implements AutoCloseable {
    private final Producer<String, DeadLetter> producer;
    private final String topic;

    public DeadLetterPublisher(IngestConfig config) {
        this(new KafkaProducer<>(config.producerConfig("dlq"), new StringSerializer(), config.registeredSerializer(DeadLetter.class, config.dlqTopic())),
                config.dlqTopic());
    }

    /** Over a producer the caller made; the publisher closes it. */
    public DeadLetterPublisher(Producer<String, DeadLetter> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }


    public CompletableFuture<RecordMetadata> publish(DeadLetter letter) {
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        ProducerRecord<String, DeadLetter> record = new ProducerRecord<>(topic, null, letter.getSource(), letter,
                DeadLetters.headers(letter));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                written.completeExceptionally(error);
            } else {
                written.complete(metadata);
            }
        });
        return written;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
