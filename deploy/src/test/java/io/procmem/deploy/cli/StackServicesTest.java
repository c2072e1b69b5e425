package io.procmem.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.deploy.stack.ServiceSpec;
import io.procmem.deploy.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackServicesTest {
    @TempDir
    Path dir;

    @Test
    void shouldStartEveryServiceOfTheOneMachineStackInDependencyOrder() {
        StackConfig config = StackConfig.resolve(Map.of(StackConfig.STACK_DIR, dir.toString()), Map.of());

        assertThat(StackServices.all(config)).extracting(ServiceSpec::name)
                .containsExactly("broker", "registry", "miner", "executor");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.registryUrl()).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void shouldUseAnExistingClusterAndRegistryInsteadOfStartingItsOwn() {
        StackConfig config = StackConfig.resolve(Map.of(StackConfig.STACK_DIR, dir.toString(),
                StackConfig.BOOTSTRAP_SERVERS, "kafka-1:9092,kafka-2:9092"),
                Map.of("PROCMEM_SCHEMA_REGISTRY_URL", "https://registry.example:8081"));

        assertThat(StackServices.all(config)).extracting(ServiceSpec::name).containsExactly("miner", "executor");
        assertThat(ServiceConfigs.clients(config)).containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
                .containsEntry("schema.registry.url", "https://registry.example:8081");
    }

    @Test
    void shouldLetTheConfigFileOverrideWhatTheStackSets() throws Exception {
        StackConfig config = StackConfig.resolve(Map.of(StackConfig.STACK_DIR, dir.toString()), Map.of());
        Path file = Files.writeString(dir.resolve("miner.properties"), "miner.min.support=9\nstate.dir=/var/lib/miner\n");

        Map<String, Object> miner = ServiceConfigs.miner(config, file);

        assertThat(miner).containsEntry("miner.min.support", "9").containsEntry("state.dir", "/var/lib/miner")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(ServiceConfigs.miner(config, null)).containsEntry("state.dir", dir.resolve("miner").toString());
    }
}
