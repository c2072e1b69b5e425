package io.procmem.deploy.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationDocTest {
    private static final Path PAGE = Path.of("../docs/configuration.md");

    @Test
    void shouldKeepTheConfigurationPageInStepWithTheCode() throws Exception {
        String rendered = ConfigurationDoc.render();
        if (Boolean.getBoolean("procmem.docs.write")) {
            Files.writeString(PAGE, rendered);
        }
        assertThat(PAGE).as("docs/configuration.md is missing: run with -Dprocmem.docs.write=true").exists();
        assertThat(Files.readString(PAGE))
                .as("docs/configuration.md is stale: run `mvn -pl deploy test -Dtest=ConfigurationDocTest"
                        + " -Dprocmem.docs.write=true` and commit it")
                .isEqualTo(rendered);
    }

    @Test
    void shouldDocumentEveryModulesKeys() {
        assertThat(ConfigurationDoc.render()).contains("`broker.port`", "`ingest.agent.id`", "`miner.min.support`",
                "`executor.id`", "`compatibility.level`");
    }
}
