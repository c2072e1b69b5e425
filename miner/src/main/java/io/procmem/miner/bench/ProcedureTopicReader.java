package io.procmem.miner.bench;

import io.procmem.avro.CompiledProcedure;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a procedures topic the way a serving component would: committed records only ({@code read_committed}),
 * from the beginning to the current end, keeping the highest version of each procedure id. It only sees public
 * behaviour, which is why the bench and the fault tests judge the miner with it.
 */
public final class ProcedureTopicReader {
    private ProcedureTopicReader() {
    }

    /** The latest version of every procedure on {@code topic}, by id, as of now. */
    public static Map<String, CompiledProcedure> latestById(String bootstrapServers, String registryUrl, String topic,
                                                            Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, CompiledProcedure> latest = new TreeMap<>();
        try (KafkaConsumer<String, CompiledProcedure> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerde.forValues(CompiledProcedure.class, registryUrl).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed, the end offsets are the last stable offsets: open transactions are not waited for.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, CompiledProcedure> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.merge(record.key(), record.value(),
                            (old, fresh) -> fresh.getVersion() >= old.getVersion() ? fresh : old);
                }
            }
        }
        return latest;
    }
}
