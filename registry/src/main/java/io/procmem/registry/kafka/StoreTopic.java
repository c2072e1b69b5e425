package io.procmem.registry.kafka;

import io.procmem.registry.store.SchemaStore;
import io.procmem.registry.store.StoreChange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted topic that persists the registry: made sure to exist (1 partition, {@code cleanup.policy=compact})
 * and read from the beginning to its end at start-up to rebuild the store. An existing topic that is not compacted
 * is refused, since retention would silently delete schemas and their ids would be handed out again.
 */
final class StoreTopic {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTopic.class);
    // Start-up waits at most this long for the broker: long enough for a broker starting beside us, short enough to fail clearly.
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private StoreTopic() {
    }

    static void ensure(Map<String, Object> clientProps, String topic) {
        try (Admin admin = Admin.create(clientProps)) {
            if (!create(admin, topic)) {
                requireCompacted(admin, topic);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create or inspect schema store topic " + topic + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing schema store topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka within " + DEADLINE.toSeconds()
                    + " s while preparing schema store topic " + topic + ": is bootstrap.servers right?", e);
        }
    }

    /** Creates the topic; false when it existed already. */
    private static boolean create(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic spec = new NewTopic(topic, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(spec)).all().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            LOG.info("created schema store topic {} (1 partition, compacted)", topic);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private static void requireCompacted(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(DEADLINE.toSeconds(), TimeUnit.SECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new IllegalStateException("schema store topic " + topic + " has cleanup.policy=" + policy
                    + ": retention would delete schemas; set cleanup.policy=compact on it or choose another kafkastore.topic");
        }
    }

    /** Reads the topic from the beginning to its current end into the store; returns the number of records read. */
    static long replay(Map<String, Object> clientProps, String topic, SchemaStore store) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, DEADLINE).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            long read = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read schema store topic " + topic + " to its end "
                            + end + " within " + DEADLINE.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record, store);
                    read++;
                }
            }
            return read;
        }
    }

    private static void apply(ConsumerRecord<byte[], byte[]> record, SchemaStore store) {
        Optional<StoreChange> change;
        try {
            change = StoreRecords.decode(record.key(), record.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("schema store topic " + record.topic() + " partition " + record.partition()
                    + " offset " + record.offset() + " holds a record this registry cannot read: " + e.getMessage(), e);
        }
        change.ifPresentOrElse(store::replay, () -> LOG.warn("skipped record at {}-{} offset {}: not a kind this registry"
                + " writes (key {})", record.topic(), record.partition(), record.offset(),
                record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8)));
    }
}
