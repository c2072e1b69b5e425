package io.procmem.registry.kafka;

import io.procmem.registry.store.ChangeLog;
import io.procmem.registry.store.RegistryException;
import io.procmem.registry.store.SchemaStore;
import io.procmem.registry.store.StoreChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Persists the registry's changes to a compacted Kafka topic (layout in {@link StoreRecords}) and rebuilds a store
 * from it. Every change is acknowledged by all in-sync replicas before the store applies it, so an id a client got
 * survives a restart.
 *
 * <p>Limits: one registry process per topic (there is no leader election, two writers would hand out the same ids);
 * a soft delete of several versions is written record by record, so a broker failure midway can persist part of it.
 */
public final class KafkaChangeLog implements ChangeLog, AutoCloseable {
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final String topic;
    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> producer;

    private KafkaChangeLog(String topic, String bootstrapServers, KafkaProducer<byte[], byte[]> producer) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.producer = producer;
    }

    /** Creates the topic if missing and opens a producer; call {@link #replayInto} before serving requests. */
    public static KafkaChangeLog open(Map<String, Object> clientProps, String topic) {
        StoreTopic.ensure(clientProps, topic);
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Changes are rare and each one waits for its acknowledgement: batching would only add latency.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        return new KafkaChangeLog(topic, String.valueOf(clientProps.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)), producer);
    }

    /** Rebuilds {@code store} from the topic; returns the number of records read. */
    public long replayInto(Map<String, Object> clientProps, SchemaStore store) {
        return StoreTopic.replay(clientProps, topic, store);
    }

    @Override
    public void append(List<StoreChange> changes) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (StoreChange change : changes) {
            sent.add(producer.send(new ProducerRecord<>(topic, StoreRecords.key(change), StoreRecords.value(change))));
        }
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new RegistryException(500, 50001, "Error in the backend data store: cannot write to Kafka topic "
                    + topic + " at " + bootstrapServers + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(500, 50001, "interrupted while writing to Kafka topic " + topic, e);
        }
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close();
    }
}
