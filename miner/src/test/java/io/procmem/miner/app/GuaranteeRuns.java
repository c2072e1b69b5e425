package io.procmem.miner.app;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Support;
import io.procmem.miner.bench.ProcedureTopicReader;
import io.procmem.miner.config.MinerConfig;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Shared setup of the guarantee tests (fault, scale-out): one steps topic several miner runs read, each run with its
 * own application id, procedures topic and state directory, all judged only by what they publish. Procedures are
 * re-published on every new occurrence ({@code miner.reemit.growth=1.0}), so the latest version of each carries its
 * final figures whatever order the occurrences were counted in.
 */
final class GuaranteeRuns {
    static final Duration DEADLINE = Duration.ofSeconds(120);

    final String steps = SharedKafka.uniqueTopic("steps");
    final String dlq = SharedKafka.uniqueTopic("dlq");
    final String registryUrl;
    final int partitions;

    GuaranteeRuns(String registryUrl, int partitions) {
        this.registryUrl = registryUrl;
        this.partitions = partitions;
        SharedKafka.createTopics(partitions, steps);
        SharedKafka.createTopics(1, dlq);
    }

    /** Miner settings of one run: fast commits, no record cache, the bounded RocksDB setter, a short session timeout. */
    Map<String, Object> minerProps(String applicationId, String proceduresTopic, Path stateDir) {
        Map<String, Object> props = new HashMap<>();
        props.put(MinerConfig.APPLICATION_ID, applicationId);
        props.put(MinerConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers());
        props.put(MinerConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(MinerConfig.TOPIC_STEPS, steps);
        props.put(MinerConfig.TOPIC_PROCEDURES, proceduresTopic);
        props.put(MinerConfig.TOPIC_DLQ, dlq);
        props.put(MinerConfig.STATE_DIR, stateDir.toString());
        props.put(MinerConfig.PROCESSING_GUARANTEE, "exactly_once_v2");
        props.put(MinerConfig.COMMIT_INTERVAL_MS, "100");
        props.put("miner.reemit.growth", "1.0");
        props.put("statestore.cache.max.bytes", "0");
        props.put(MinerConfig.HTTP_PORT, "0");
        props.put(MinerConfig.ROCKSDB_CACHE_BYTES, String.valueOf(16 * 1024 * 1024));
        props.put(MinerConfig.ROCKSDB_WRITE_BUFFER_BYTES, String.valueOf(4 * 1024 * 1024));
        // A killed member is noticed after this; the broker's minimum is 6 s.
        props.put("session.timeout.ms", "6000");
        return props;
    }

    static String uniqueId(String base) {
        return base + "-" + UUID.randomUUID();
    }

    KafkaProducer<String, AgentEvent> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(),
                AvroSerde.forValues(AgentEvent.class, registryUrl).serializer());
    }

    void send(List<AgentEvent> events) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, AgentEvent> producer = producer()) {
            for (AgentEvent event : events) {
                producer.send(new ProducerRecord<>(steps, event.getSessionId(), event));
            }
            producer.flush();
        }
    }

    /** Records of the steps topic the group has committed past, over all partitions. */
    long committedInput(String applicationId) throws ExecutionException, InterruptedException {
        try (Admin admin = SharedKafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(steps) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** Members of the group that hold at least one partition; none while the group does not exist yet. */
    long assignedMembers(String applicationId) throws ExecutionException, InterruptedException {
        try (Admin admin = SharedKafka.admin()) {
            return admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId).get()
                    .members().stream().filter(member -> !member.assignment().topicPartitions().isEmpty()).count();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    /** Records on the steps topic, over all partitions. */
    long inputEnd() throws ExecutionException, InterruptedException {
        try (Admin admin = SharedKafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(steps, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    /** What a reader of the topic can compare across runs: per procedure id, its steps and support figures. */
    Map<String, Figures> figures(String proceduresTopic) {
        Map<String, Figures> figures = new TreeMap<>();
        ProcedureTopicReader.latestById(SharedKafka.bootstrapServers(), registryUrl, proceduresTopic, Duration.ofSeconds(30))
                .forEach((id, procedure) -> figures.put(id, Figures.of(procedure)));
        return figures;
    }

    record Figures(List<String> steps, long occurrences, long sessions, long agents, long successfulSessions) {
        static Figures of(CompiledProcedure procedure) {
            Support support = procedure.getSupport();
            return new Figures(procedure.getSteps().stream().map(ProcedureStep::getAbstractStep).toList(),
                    support.getOccurrences(), support.getSessions(), support.getAgents(), support.getSuccessfulSessions());
        }

        boolean isRoutine() {
            return steps.stream().map(step -> step.substring(0, step.indexOf('('))).toList()
                    .equals(RoutineSessions.ROUTINE_TOOLS);
        }
    }
}
