package io.procmem.miner.api;

import static io.procmem.miner.Events.Call.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.AgentEvent;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.Events;
import io.procmem.miner.MinerDriver;
import io.procmem.miner.app.MinerApp;
import io.procmem.miner.config.MinerConfig;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.testkit.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real miner on the shared broker, queried over HTTP on an ephemeral port: sessions compile a SHADOW procedure,
 * shadow reports on an executions topic with another partition count promote it, and the API shows both along with
 * the pattern's trend. The executions and trends topics are left for the miner to create.
 */
class MinerApiIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stateDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String registry = "mock://miner-api-it-" + UUID.randomUUID();
    private final String steps = SharedKafka.uniqueTopic("steps");
    private final String executions = SharedKafka.uniqueTopic("executions");
    private final String procedures = SharedKafka.uniqueTopic("procedures");
    private final String dlq = SharedKafka.uniqueTopic("dlq");

    @Test
    void shouldServeProceduresTheirPromotionAndPatternTrendsFromARunningMiner() throws Exception {
        SharedKafka.createTopics(2, steps);
        SharedKafka.createTopics(1, procedures, dlq);
        try (MinerApp miner = new MinerApp(new MinerConfig(config())); KafkaProducer<String, byte[]> producer = producer()) {
            miner.start();
            await().atMost(DEADLINE).until(() -> get(miner, "/health").path("status").asText().equals("UP"));
            AvroSerde<AgentEvent> events = AvroSerde.forValues(AgentEvent.class, registry);
            for (int n = 1; n <= 10; n++) {
                for (AgentEvent event : Events.session("s-" + n, "agent", SessionOutcome.SUCCESS,
                        ok("get_user", "{\"user_id\":\"u" + n + "\"}", "{\"last_order\":{\"id\":" + (100 + n) + "}}"),
                        ok("get_order", "{\"order_id\":" + (100 + n) + "}", "{\"total\":5}"))) {
                    producer.send(new ProducerRecord<>(steps, event.getSessionId(), events.serializer().serialize(steps, event)));
                }
            }
            producer.flush();

            String path = "/v1/procedures/" + MinerDriver.ID;
            await().atMost(DEADLINE).until(() -> get(miner, path).path("status").asText().equals("SHADOW"));
            AvroSerde<ExecutionReport> reports = AvroSerde.forValues(ExecutionReport.class, registry);
            for (int i = 0; i < 20; i++) {
                ExecutionReport report = ExecutionReport.newBuilder().setReportId("r-" + i)
                        .setProcedureId(MinerDriver.ID).setProcedureVersion(2).setExecutorId("executor")
                        .setMode(ExecutionMode.SHADOW).setOutcome(ExecutionOutcome.SHADOW_AGREED)
                        .setTimestamp(Instant.now()).build();
                producer.send(new ProducerRecord<>(executions, MinerDriver.ID, reports.serializer().serialize(executions, report)));
            }
            producer.flush();

            await().atMost(DEADLINE).until(() -> get(miner, path).path("status").asText().equals("AUTONOMOUS"));
            JsonNode promoted = get(miner, path);
            assertThat(promoted.path("version").asInt()).isEqualTo(3);
            assertThat(promoted.path("status_reason").asText()).startsWith("promoted: shadow agreement 1.00");
            JsonNode top = get(miner, "/v1/patterns/top");
            assertThat(top.path("patterns").findValuesAsText("pattern_id")).contains(MinerDriver.ID);
            assertThat(top.path("patterns").get(0).path("occurrences").asLong()).isEqualTo(10);
        }
    }

    private Map<String, Object> config() {
        // The executions topic is created by the miner with 3 partitions, the steps topic has 2.
        Map<String, Object> props = new HashMap<>();
        props.put(MinerConfig.APPLICATION_ID, "miner-api-it-" + UUID.randomUUID());
        props.put(MinerConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers());
        props.put(MinerConfig.SCHEMA_REGISTRY_URL, registry);
        props.put(MinerConfig.TOPIC_STEPS, steps);
        props.put(MinerConfig.TOPIC_PROCEDURES, procedures);
        props.put(MinerConfig.TOPIC_DLQ, dlq);
        props.put(MinerConfig.TOPIC_EXECUTIONS, executions);
        props.put(MinerConfig.TOPIC_TRENDS, SharedKafka.uniqueTopic("trends"));
        props.put(MinerConfig.TOPICS_CREATE_PARTITIONS, "3");
        props.put(MinerConfig.STATE_DIR, stateDir.toString());
        props.put(MinerConfig.PROCESSING_GUARANTEE, "at_least_once");
        props.put(MinerConfig.COMMIT_INTERVAL_MS, "100");
        props.put(MinerConfig.HTTP_PORT, "0");
        props.put("statestore.cache.max.bytes", "0");
        return props;
    }

    private JsonNode get(MinerApp miner, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + miner.httpPort() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
