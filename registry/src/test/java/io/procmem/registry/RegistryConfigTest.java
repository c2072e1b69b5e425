package io.procmem.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.registry.store.CompatibilityLevel;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

    @Test
    void shouldDefaultToLoopbackPort8081InMemoryAndBackward() {
        RegistryConfig config = new RegistryConfig(Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.persistent()).isFalse();
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldPassUndeclaredKeysToTheKafkaClientsOnly() {
        RegistryConfig config = new RegistryConfig(Map.of("bootstrap.servers", "localhost:9092", "port", "0",
                "security.protocol", "SSL", "compatibility.level", "full_transitive"));

        assertThat(config.persistent()).isTrue();
        assertThat(config.compatibilityLevel()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(config.kafkaClientProps()).containsOnly(Map.entry("bootstrap.servers", "localhost:9092"),
                Map.entry("security.protocol", "SSL"));
    }

    @Test
    void shouldRefuseAnUnknownLevelAndAPortOutOfRange() {
        assertThatThrownBy(() -> new RegistryConfig(Map.of("compatibility.level", "SIDEWAYS")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("compatibility.level");
        assertThatThrownBy(() -> new RegistryConfig(Map.of("port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port");
    }
}
