package io.procmem.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.AgentEvent;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionOutcome;
import io.procmem.schemas.registry.HttpSchemaRegistryClient;
import io.procmem.schemas.serde.AvroSerde;
import io.procmem.schemas.serde.WireFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the registry works with an independent implementation: Confluent's JavaScript client
 * ({@code @confluentinc/schemaregistry}, pinned in {@code src/test/js/package.json}) registers, reads procmem's Java
 * bytes and writes bytes procmem's Java serde reads.
 */
class ConfluentJavaScriptClientIT {
    private static final Path JS_PROJECT = Path.of("src", "test", "js");
    private static RegistryServer server;

    @BeforeAll
    static void start() {
        server = RegistryServer.start(new RegistryConfig(Map.of(RegistryConfig.PORT_CONFIG, "0")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldExchangeAgentEventsWithConfluentsJavaScriptClient(@TempDir Path dir) throws Exception {
        String topic = "js-steps-" + UUID.randomUUID();
        AvroSerde<AgentEvent> serde = AvroSerde.forValues(AgentEvent.class,
                new HttpSchemaRegistryClient(server.url(), null, Duration.ofSeconds(5)));
        byte[] javaBytes = serde.serializer().serialize(topic, AgentEvents.toolStep());
        Path schema = Files.writeString(dir.resolve("AgentEvent.avsc"),
                RawHttp.JSON.readTree(AgentEvent.getClassSchema().toString()).toPrettyString());
        Path javaFile = Files.write(dir.resolve("java.bin"), javaBytes);
        // avsc (under the JS client) wraps a union of records in {"<full name>": {...}} and reads timestamp-millis as a number.
        Path record = Files.writeString(dir.resolve("record.json"), "{\"event_id\":\"evt-js-1\",\"session_id\":\"session-js\","
                + "\"timestamp\":1718000009999,\"payload\":{\"io.procmem.avro.SessionEnded\":"
                + "{\"outcome\":\"SUCCESS\",\"reward\":0.75,\"step_count\":4}}}");
        Path jsFile = dir.resolve("js.bin");

        NodeProject node = new NodeProject(JS_PROJECT, dir);
        node.installIfMissing();
        JsonNode out = RawHttp.JSON.readTree(node.node(Duration.ofSeconds(90), "compat.mjs", server.url(), topic,
                schema.toString(), javaFile.toString(), record.toString(), jsFile.toString()));

        // (a) the pretty-printed schema the JS client sent is the same schema in canonical form: same id.
        assertThat(out.path("registeredId").asInt()).isEqualTo(WireFormat.schemaId(javaBytes));
        // (b) the JS deserializer read what procmem's Java serde wrote.
        JsonNode decoded = out.path("decoded");
        assertThat(decoded.path("event_id").asText()).isEqualTo("evt-42");
        assertThat(decoded.path("session_id").asText()).isEqualTo("session-7");
        assertThat(decoded.path("timestamp").asLong()).isEqualTo(1_718_000_000_123L);
        JsonNode step = decoded.path("payload").path("io.procmem.avro.ToolStep");
        assertThat(step.path("step_index").asInt()).isEqualTo(3);
        assertThat(step.path("tool").asText()).isEqualTo("lookup_order");
        assertThat(step.path("arguments_json").asText()).isEqualTo("{\"order_id\":\"#W123\"}");
        assertThat(step.path("result_json").asText()).isEqualTo("{\"status\":\"delivered\"}");
        assertThat(step.path("status").asText()).isEqualTo("OK");
        assertThat(step.path("error_message").isNull()).isTrue();
        assertThat(step.path("latency_ms").asLong()).isEqualTo(87L);
        assertThat(step.path("decision_tokens").asInt()).isEqualTo(512);
        // (c) procmem's Java serde reads what the JS serializer wrote, under the same schema id.
        byte[] jsBytes = Files.readAllBytes(jsFile);
        assertThat(WireFormat.schemaId(jsBytes)).isEqualTo(WireFormat.schemaId(javaBytes));
        AgentEvent fromJs = serde.deserializer().deserialize(topic, jsBytes);
        assertThat(fromJs.getEventId()).isEqualTo("evt-js-1");
        assertThat(fromJs.getSessionId()).isEqualTo("session-js");
        assertThat(fromJs.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_718_000_009_999L));
        assertThat(fromJs.getPayload()).isInstanceOfSatisfying(SessionEnded.class, ended -> {
            assertThat(ended.getOutcome()).isEqualTo(SessionOutcome.SUCCESS);
            assertThat(ended.getReward()).isEqualTo(0.75);
            assertThat(ended.getStepCount()).isEqualTo(4);
        });
    }
}
