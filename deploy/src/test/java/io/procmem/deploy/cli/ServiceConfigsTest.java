package io.procmem.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.avro.AgentEvent;
import io.procmem.deploy.stack.FreePorts;
import io.procmem.deploy.stack.RegistryCredentials;
import io.procmem.deploy.stack.StackConfig;
import io.procmem.registry.RegistryConfig;
import io.procmem.registry.RegistryServer;
import io.procmem.schemas.registry.HttpSchemaRegistryClient;
import io.procmem.schemas.registry.SchemaRegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's registry takes writes from the stack's own clients and from no one else. */
class ServiceConfigsTest {
    @TempDir
    Path stackDir;

    @Test
    void shouldGiveTheRegistryAndItsClientsTheSameGeneratedCredentials() throws Exception {
        StackConfig stack = StackConfig.resolve(Map.of(StackConfig.STACK_DIR, stackDir.toString(),
                StackConfig.REGISTRY_PORT, Integer.toString(FreePorts.pick())), Map.of());
        Map<String, Object> registryProps = new HashMap<>(ServiceConfigs.registry(stack, null));
        registryProps.remove(RegistryConfig.BOOTSTRAP_SERVERS_CONFIG);
        String clientUrl = (String) ServiceConfigs.clients(stack).get("schema.registry.url");

        try (RegistryServer registry = RegistryServer.start(new RegistryConfig(registryProps))) {
            HttpSchemaRegistryClient stackClient = new HttpSchemaRegistryClient(clientUrl, null, Duration.ofSeconds(5));
            int id = stackClient.register("steps-value", AgentEvent.getClassSchema());
            assertThat(stackClient.url()).isEqualTo(stack.registryUrl()).isEqualTo(registry.url());

            HttpSchemaRegistryClient outsider = new HttpSchemaRegistryClient(registry.url(), null, Duration.ofSeconds(5));
            assertThatThrownBy(() -> outsider.register("other-value", AgentEvent.getClassSchema()))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
            assertThat(outsider.schemaById(id)).as("reads stay open").isEqualTo(AgentEvent.getClassSchema());
        }
        Path file = stack.registrySettings();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(RegistryCredentials.userInfo(stack)).as("made once, then kept")
                .isEqualTo(registryProps.get(RegistryCredentials.USER_INFO));
    }

    @Test
    void shouldLeaveAConfiguredRegistryUrlAsItIs() {
        StackConfig stack = StackConfig.resolve(Map.of(StackConfig.STACK_DIR, stackDir.toString(),
                StackConfig.SCHEMA_REGISTRY_URL, "https://registry.example:8081"), Map.of());

        assertThat(ServiceConfigs.clients(stack).get("schema.registry.url")).isEqualTo("https://registry.example:8081");
        assertThat(stack.registrySettings()).doesNotExist();
    }
}
