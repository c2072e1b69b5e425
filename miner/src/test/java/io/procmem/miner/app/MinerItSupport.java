package io.procmem.miner.app;

import static org.awaitility.Awaitility.await;

import io.procmem.avro.AgentEvent;
import io.procmem.miner.config.MinerConfig;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One miner run against the shared broker, isolated by unique topics, application id, registry scope and state
 * directory. Settings favour fast feedback: short commits, no record cache.
 */
final class MinerItSupport {
    static final Duration DEADLINE = Duration.ofSeconds(90);

    final String steps = SharedKafka.uniqueTopic("steps");
    final String procedures = SharedKafka.uniqueTopic("procedures");
    final String dlq = SharedKafka.uniqueTopic("dlq");
    final String registry = "mock://miner-it-" + UUID.randomUUID();
    private final Path stateDir;

    MinerItSupport(Path stateDir, int stepPartitions) {
        this.stateDir = stateDir;
        SharedKafka.createTopics(stepPartitions, steps);
        SharedKafka.createTopics(1, procedures, dlq);
    }

    MinerConfig config() {
        Map<String, Object> props = new HashMap<>();
        props.put(MinerConfig.APPLICATION_ID, "miner-it-" + UUID.randomUUID());
        props.put(MinerConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers());
        props.put(MinerConfig.SCHEMA_REGISTRY_URL, registry);
        props.put(MinerConfig.TOPIC_STEPS, steps);
        props.put(MinerConfig.TOPIC_PROCEDURES, procedures);
        props.put(MinerConfig.TOPIC_DLQ, dlq);
        props.put(MinerConfig.STATE_DIR, stateDir.toString());
        props.put(MinerConfig.PROCESSING_GUARANTEE, "exactly_once_v2");
        props.put(MinerConfig.COMMIT_INTERVAL_MS, 100L);
        props.put("statestore.cache.max.bytes", 0L);
        props.put(MinerConfig.HTTP_PORT, "0");
        return new MinerConfig(props);
    }

    void send(List<AgentEvent> events) throws ExecutionException, InterruptedException {
        AvroSerde<AgentEvent> serde = AvroSerde.forValues(AgentEvent.class, registry);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (AgentEvent event : events) {
                producer.send(new ProducerRecord<>(steps, event.getSessionId(), serde.serializer().serialize(steps, event))).get();
            }
        }
    }

    void sendRaw(String key, byte[] value) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(steps, key, value)).get();
        }
    }

    /** Reads the committed records of a one-partition topic until {@code count} have arrived. */
    <V> List<ConsumerRecord<String, V>> awaitRecords(String topic, Deserializer<V> values, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
