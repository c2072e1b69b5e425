package io.procmem.deploy.demo;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the miner has caught up, from outside it: its consumer group's lag is zero on the steps topic and on its
 * own repartition topics, and the procedures topic has stopped growing for a quiet period. Used by the demo, which has
 * to know when mining is done without reaching into the miner's process.
 *
 * <p>The repartition topics matter: the miner commits the steps it has read once their observations are written to
 * {@code <application.id>-candidates-by-first-step-repartition}, and counts them (and compiles procedures) only when
 * it reads them back. A quiet period alone does not cover that backlog on a loaded machine, and stopping there reads
 * procedures from before the last observations were counted.
 */
public final class MinerProgress implements AutoCloseable {
    private final Admin admin;
    private final String group;
    private final String stepsTopic;
    private final String proceduresTopic;

    public MinerProgress(String bootstrapServers, String minerApplicationId, String stepsTopic, String proceduresTopic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "procmem-miner-progress");
        this.admin = Admin.create(props);
        this.group = minerApplicationId;
        this.stepsTopic = stepsTopic;
        this.proceduresTopic = proceduresTopic;
    }

    /**
     * Waits until the miner has read every step event and no procedure was written for {@code quiet}.
     *
     * @return true if idle within {@code timeout}
     */
    public boolean awaitIdle(Duration quiet, Duration timeout) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastOutput = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long output = endOffsets(proceduresTopic).values().stream().mapToLong(Long::longValue).sum();
            if (output != lastOutput) {
                lastOutput = output;
                quietSince = System.nanoTime();
            }
            if (stepsLag() == 0 && repartitionLag() == 0 && System.nanoTime() - quietSince >= quiet.toNanos()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Events on the steps topic the miner has not committed yet (the whole topic if it has committed nothing). */
    public long stepsLag() throws InterruptedException, ExecutionException {
        return lag(stepsTopic);
    }

    /**
     * Records on the miner's repartition topics ({@code <application.id>-...-repartition}, which Streams names after
     * the application id) that it has not committed yet. Read after {@link #stepsLag} is zero, it covers every
     * observation those steps produced: Streams commits an input only after what it produced from it is written.
     */
    private long repartitionLag() throws InterruptedException, ExecutionException {
        long lag = 0;
        for (String topic : admin.listTopics().names().get()) {
            if (topic.startsWith(group + "-") && topic.endsWith("-repartition")) {
                lag += lag(topic);
            }
        }
        return lag;
    }

    private long lag(String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws InterruptedException, ExecutionException {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
