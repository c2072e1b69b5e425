package io.procmem.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        StackConfig config = StackConfig.resolve(Map.of(), Map.of());

        assertThat(config.port(StackConfig.BROKER_PORT)).isEqualTo(9092);
        assertThat(config.port(StackConfig.CONTROLLER_PORT)).isEqualTo(9093);
        assertThat(config.port(StackConfig.REGISTRY_PORT)).isEqualTo(8081);
        assertThat(config.port(StackConfig.EXECUTOR_PORT)).isEqualTo(8080);
        assertThat(config.port(StackConfig.MINER_PORT)).isEqualTo(8082);
        assertThat(config.stackDir()).isEqualTo(Path.of(".procmem").toAbsolutePath().normalize());
    }

    @Test
    void shouldPreferEnvironmentOverDefault() {
        StackConfig config = StackConfig.resolve(Map.of(), Map.of("PROCMEM_BROKER_PORT", "19092"));

        assertThat(config.port(StackConfig.BROKER_PORT)).isEqualTo(19092);
    }

    @Test
    void shouldPreferOptionOverEnvironment() {
        StackConfig config = StackConfig.resolve(
                Map.of(StackConfig.BROKER_PORT, "29092"), Map.of("PROCMEM_BROKER_PORT", "19092"));

        assertThat(config.port(StackConfig.BROKER_PORT)).isEqualTo(29092);
    }

    @Test
    void shouldDeriveOptionAndEnvironmentNamesFromTheKey() {
        assertThat(StackConfig.optionName("broker.port")).isEqualTo("--broker-port");
        assertThat(StackConfig.envName("broker.port")).isEqualTo("PROCMEM_BROKER_PORT");
        assertThat(StackConfig.envName("start.timeout.ms")).isEqualTo("PROCMEM_START_TIMEOUT_MS");
    }

    @Test
    void shouldRejectPortOutOfRangeNamingTheKey() {
        assertThatThrownBy(() -> StackConfig.resolve(Map.of(), Map.of("PROCMEM_MINER_PORT", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("miner.port");
    }

    @Test
    void shouldRejectHeapThatIsNotASize() {
        assertThatThrownBy(() -> StackConfig.resolve(Map.of(StackConfig.BROKER_HEAP, "lots"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broker.heap");
    }

    @Test
    void shouldReproduceItselfFromItsOptionsWhateverTheEnvironment() {
        StackConfig original = StackConfig.resolve(
                Map.of(StackConfig.STACK_DIR, "some/dir", StackConfig.BROKER_PORT, "29092"), Map.of());
        Map<String, String> options = toMap(original.asOptions().toArray(String[]::new));

        StackConfig copy = StackConfig.resolve(options, Map.of("PROCMEM_BROKER_PORT", "1", "PROCMEM_STACK_DIR", "x"));

        // The directory is passed absolute, so a child started elsewhere uses the same one.
        assertThat(copy.stackDir()).isAbsolute().isEqualTo(original.stackDir());
        assertThat(withoutStackDir(copy.values())).isEqualTo(withoutStackDir(original.values()));
    }

    private static Map<String, Object> withoutStackDir(Map<String, ?> values) {
        Map<String, Object> rest = new HashMap<>(values);
        rest.remove(StackConfig.STACK_DIR);
        return rest;
    }

    private static Map<String, String> toMap(String[] options) {
        Map<String, String> byKey = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            byKey.put(options[i].substring(2).replace('-', '.'), options[i + 1]);
        }
        return byKey;
    }
}
