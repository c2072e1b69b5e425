package io.procmem.miner.bench;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (a Streams application id) is behind, from its committed offsets, read with Admin: the
 * same figure {@code kafka-consumer-groups --describe} shows, so the bench needs nothing from the application.
 *
 * <p>The input topic must be drained exactly. On the application's internal topics, written in transactions, the
 * last offset of a partition is often a commit marker that the group never commits past, so up to one record per
 * partition is tolerated there.
 */
final class GroupLag {
    private final Admin admin;

    GroupLag(Admin admin) {
        this.admin = admin;
    }

    /** Lag of {@code group} on {@code inputTopic}; every partition without a committed offset counts whole. */
    long inputLag(String group, String inputTopic, int partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, Long> ends = ends(IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(inputTopic, p)).collect(Collectors.toSet()));
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** True when the input is drained and every internal topic partition is within one (marker) record. */
    boolean drained(String group, String inputTopic, int partitions) {
        if (inputLag(group, inputTopic, partitions) > 0) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, Long> ends = ends(committed.keySet());
        return committed.entrySet().stream().allMatch(e -> ends.get(e.getKey()) - e.getValue().offset() <= 1);
    }

    /** Lag of {@code group} on every partition it has committed, by topic (the input and the internal topics). */
    Map<String, Long> lagByTopic(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, Long> ends = ends(committed.keySet());
        return committed.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(), java.util.TreeMap::new,
                Collectors.summingLong(e -> ends.get(e.getKey()) - e.getValue().offset())));
    }

    /** Records ever written to {@code topic}: the sum of its partitions' end offsets. */
    long endOffsets(String topic) {
        Set<TopicPartition> partitions = get(admin.describeTopics(Set.of(topic)).allTopicNames()).get(topic).partitions()
                .stream().map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toSet());
        return ends(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        // Partitions the group has not committed yet come back with a null value.
        return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> infos = get(admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        return infos.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read consumer group offsets: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer an offsets request within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        }
    }
}
