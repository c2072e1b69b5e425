package io.procmem.executor.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmem.executor.config.ExecutorConfig;
import io.procmem.testkit.SharedKafka;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorStartupIT {

    @Test
    void shouldFailStartupNamingAProceduresTopicThatDoesNotExist() {
        String missing = SharedKafka.uniqueTopic("no-such-procedures");

        assertThatThrownBy(() -> ExecutorApp.start(new ExecutorConfig(Map.of(
                ExecutorConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
                ExecutorConfig.SCHEMA_REGISTRY_URL, "mock://executor-startup-it",
                ExecutorConfig.TOPIC_PROCEDURES, missing,
                ExecutorConfig.PORT, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic " + missing + " does not exist");
    }
}
