package io.procmem.executor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.procmem.executor.gateway.GatewaySettings;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExecutorConfigTest {

    @Test
    void shouldUseTheStackDefaults() {
        ExecutorConfig config = new ExecutorConfig(Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.proceduresTopic()).isEqualTo("procmem.procedures");
        assertThat(config.startupCatchUpTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldGenerateADistinctExecutorIdWhenNoneIsSet() {
        ExecutorConfig one = new ExecutorConfig(Map.of());
        ExecutorConfig two = new ExecutorConfig(Map.of());

        assertThat(one.executorId()).isNotBlank().isEqualTo(one.executorId()).isNotEqualTo(two.executorId());
        assertThat(new ExecutorConfig(Map.of("executor.id", "exec-7")).executorId()).isEqualTo("exec-7");
    }

    @Test
    void shouldPassUndeclaredKeysToTheConsumer() {
        ExecutorConfig config = new ExecutorConfig(Map.of("executor.id", "exec-7", "bootstrap.servers", "b:1",
                "port", "0", "security.protocol", "SSL"));

        assertThat(config.consumerConfig()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "b:1", "security.protocol", "SSL", "client.id", "procmem-executor-exec-7"));
    }

    @Test
    void shouldKeepGatewayAndTokenKeysAwayFromKafkaClients() {
        ExecutorConfig config = new ExecutorConfig(Map.of("executor.id", "exec-7", "executor.api.token", "t",
                "executor.tools.get_user_details.gateway", "http", "executor.tools.get_user_details.url", "http://h/{tool}"));

        assertThat(config.consumerConfig()).containsOnlyKeys("bootstrap.servers", "client.id");
        assertThat(config.producerConfig()).containsEntry("enable.idempotence", true).containsEntry("acks", "all")
                .containsEntry("client.id", "procmem-executor-reports-exec-7");
    }

    @Test
    void shouldReadADefaultGatewayAndPerToolGateways() {
        ExecutorConfig config = new ExecutorConfig(Map.of(
                "executor.gateway.type", "mcp", "executor.gateway.url", "http://tools:9000/mcp",
                "executor.gateway.timeout.ms", "2500",
                "executor.tools.cancel_reservation.gateway", "HTTP",
                "executor.tools.cancel_reservation.url", "http://writes:9001/tools/{tool}",
                "executor.tools.cancel_reservation.timeout.ms", "30000",
                "executor.tools.search.v2.gateway", "mcp", "executor.tools.search.v2.url", "http://search/mcp"));

        assertThat(config.defaultGateway()).contains(
                new GatewaySettings(GatewaySettings.Kind.MCP, "http://tools:9000/mcp", Duration.ofMillis(2500)));
        assertThat(config.toolGateways()).containsOnly(
                entry("cancel_reservation", new GatewaySettings(GatewaySettings.Kind.HTTP,
                        "http://writes:9001/tools/{tool}", Duration.ofSeconds(30))),
                entry("search.v2", new GatewaySettings(GatewaySettings.Kind.MCP, "http://search/mcp",
                        Duration.ofMillis(2500))));
    }

    @Test
    void shouldRefuseGatewayKeysItCannotUseNamingTheKey() {
        assertThatThrownBy(() -> new ExecutorConfig(Map.of("executor.gateway.type", "mcp")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("executor.gateway.url");
        assertThatThrownBy(() -> new ExecutorConfig(Map.of("executor.tools.t.gateway", "grpc", "executor.tools.t.url", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("executor.tools.t.gateway");
        assertThatThrownBy(() -> new ExecutorConfig(Map.of("executor.tools.t.url", "http://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("executor.tools.t.gateway");
        assertThatThrownBy(() -> new ExecutorConfig(Map.of("executor.tools.t.retries", "3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("executor.tools.t.retries");
        assertThatThrownBy(() -> new ExecutorConfig(Map.of("executor.tools.t.gateway", "http", "executor.tools.t.url",
                "http://x", "executor.tools.t.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("executor.tools.t.timeout.ms");
    }

    @Test
    void shouldServeCandidatesAndHaveNoTokenByDefaultAndNeverPrintTheToken() {
        ExecutorConfig defaults = new ExecutorConfig(Map.of());
        ExecutorConfig withToken = new ExecutorConfig(Map.of("executor.api.token", "s3cret"));

        assertThat(defaults.serveCandidates()).isTrue();
        assertThat(defaults.apiToken()).isEmpty();
        assertThat(defaults.tokensPerDecision()).isEqualTo(1500);
        assertThat(defaults.executionsTopic()).isEqualTo("procmem.executions");
        assertThat(withToken.apiToken()).contains("s3cret");
        assertThat(withToken.values().toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseARedactPatternThatIsNotARegex() {
        assertThatThrownBy(() -> new ExecutorConfig(Map.of("executor.redact.pattern", "(card")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("executor.redact.pattern");
    }

    @Test
    void shouldRefuseAPortOutOfRange() {
        assertThatThrownBy(() -> new ExecutorConfig(Map.of("port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port");
    }

    @Test
    void shouldTurnShadowAndMcpOnAndTheRequestTopicOffByDefault() {
        ExecutorConfig config = new ExecutorConfig(Map.of("executor.id", "exec-7"));

        assertThat(config.mcpEnabled()).isTrue();
        assertThat(config.shadowEnabled()).isTrue();
        assertThat(config.stepsTopic()).isEqualTo("procmem.steps");
        assertThat(config.requestsEnabled()).isFalse();
        assertThat(config.requestsTopic()).isEqualTo("procmem.requests");
        assertThat(config.responsesTopic()).isEqualTo("procmem.responses");
        assertThat(config.shadowConsumerConfig()).contains(entry("group.id", "procmem-executor-shadow"),
                entry("client.id", "procmem-executor-shadow-exec-7"));
        assertThat(config.requestsConsumerConfig()).containsEntry("group.id", "procmem-executor-requests");
    }

    @Test
    void shouldRefuseAnMcpToolCapOutsideItsRange() {
        assertThatThrownBy(() -> new ExecutorConfig(Map.of(ExecutorConfig.MCP_MAX_TOOLS, "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ExecutorConfig.MCP_MAX_TOOLS);
    }
}
