package io.procmem.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.schemas.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void shouldFallBackToTheDocumentedDefaults() {
        IngestConfig config = new IngestConfig(Map.of());

        assertThat(config.stepsTopic()).isEqualTo(Topics.STEPS);
        assertThat(config.dlqTopic()).isEqualTo(Topics.DLQ);
        Instant before = Instant.now();
        assertThat(config.baseTime()).isBetween(before, Instant.now());
        assertThat(config.eventSpacing().toMillis()).isEqualTo(1);
        assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "http://localhost:8081");
        assertThat(config.sessionDefaults(Path.of("gpt-4o-airline.json")))
                .satisfies(d -> assertThat(d.sourceName()).isEqualTo("gpt-4o-airline"))
                .satisfies(d -> assertThat(d.agentId()).isNull())
                .satisfies(d -> assertThat(d.fleet()).isEqualTo("default"));
    }

    @Test
    void shouldPassUndeclaredKeysToTheProducerAndKeepIngestKeysAway() {
        IngestConfig config = new IngestConfig(Map.of("bootstrap.servers", "broker:9092", "linger.ms", "20",
                "client.id", "importer", "ingest.fleet", "airline", "schema.registry.url", "mock://x"));

        Map<String, Object> producer = config.producerConfig("steps");

        assertThat(producer).containsEntry("bootstrap.servers", "broker:9092").containsEntry("linger.ms", "20")
                .containsEntry("compression.type", "lz4").containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true).containsEntry("client.id", "importer-steps")
                .doesNotContainKeys("ingest.fleet", "schema.registry.url");
    }

    @Test
    void shouldUseTheConfiguredSourceNameAgentAndFleet() {
        IngestConfig config = new IngestConfig(Map.of("ingest.source.name", "tau-airline", "ingest.agent.id", "booker",
                "ingest.fleet", "airline"));

        assertThat(config.sessionDefaults(Path.of("x.json")).sourceName()).isEqualTo("tau-airline");
        assertThat(config.sessionDefaults(Path.of("x.json")).agentId()).isEqualTo("booker");
        assertThat(config.sessionDefaults(Path.of("x.json")).fleet()).isEqualTo("airline");
    }

    @Test
    void shouldRefuseWeakerDeliveryGuaranteesAndInvalidValues() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("acks", "1"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("acks").hasMessageContaining("ingest needs acks=all");
        assertThatThrownBy(() -> new IngestConfig(Map.of("enable.idempotence", "false")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enable.idempotence");
        assertThatThrownBy(() -> new IngestConfig(Map.of("ingest.event.spacing.ms", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.event.spacing.ms");
    }
}
