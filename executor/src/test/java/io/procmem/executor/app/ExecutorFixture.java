package io.procmem.executor.app;

import static org.awaitility.Awaitility.await;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionReport;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Topics, a mock registry and settings for one executor IT on the shared broker: unique names per instance, shadow
 * and request followers off unless a test turns them on.
 */
public final class ExecutorFixture {
    public static final Duration DEADLINE = Duration.ofSeconds(30);
    public static final String TOKEN = "it-token";

    public final String procedures = SharedKafka.uniqueTopic("procedures");
    public final String executions = SharedKafka.uniqueTopic("executions");
    public final String registry = "mock://" + SharedKafka.uniqueTopic("registry");

    public ExecutorFixture() {
        SharedKafka.createTopics(1, procedures, executions);
    }

    /** Settings for an executor on port 0 with the given id; callers add or override keys. */
    public Map<String, Object> settings(String executorId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ExecutorConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers());
        settings.put(ExecutorConfig.SCHEMA_REGISTRY_URL, registry);
        settings.put(ExecutorConfig.TOPIC_PROCEDURES, procedures);
        settings.put(ExecutorConfig.TOPIC_EXECUTIONS, executions);
        settings.put(ExecutorConfig.PORT, 0);
        settings.put(ExecutorConfig.EXECUTOR_ID, executorId);
        settings.put(ExecutorConfig.API_TOKEN, TOKEN);
        settings.put(ExecutorConfig.SHADOW_ENABLED, false);
        settings.put(ExecutorConfig.MCP_SYNC_INTERVAL_MS, 100L);
        return settings;
    }

    public void publish(CompiledProcedure procedure) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(SharedKafka.clientConfig()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(procedures, procedure.getProcedureId(), AvroSerde.forValues(
                    CompiledProcedure.class, registry).serializer().serialize(procedures, procedure))).get();
        }
    }

    /** Reads the executions topic from the start until a report matches, or fails at the deadline. */
    public ExecutionReport awaitReport(Predicate<ExecutionReport> wanted) {
        Map<String, Object> settings = new HashMap<>(SharedKafka.clientConfig());
        settings.put("group.id", SharedKafka.uniqueTopic("reports-reader"));
        settings.put("auto.offset.reset", "earliest");
        ExecutionReport[] found = new ExecutionReport[1];
        try (KafkaConsumer<String, ExecutionReport> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                AvroSerde.forValues(ExecutionReport.class, registry).deserializer())) {
            consumer.subscribe(List.of(executions));
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, ExecutionReport> record : consumer.poll(Duration.ofMillis(200))) {
                    if (found[0] == null && wanted.test(record.value())) {
                        found[0] = record.value();
                    }
                }
                return found[0] != null;
            });
        }
        return found[0];
    }
}
