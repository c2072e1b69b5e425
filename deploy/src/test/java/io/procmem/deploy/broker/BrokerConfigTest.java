package io.procmem.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.deploy.stack.StackConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {
    private final BrokerConfig config = BrokerConfig.from(StackConfig.resolve(Map.of(
            StackConfig.STACK_DIR, "/var/tmp/stack", StackConfig.BROKER_PORT, "19092",
            StackConfig.CONTROLLER_PORT, "19093"), Map.of()));

    @Test
    void shouldRunOneCombinedNodeOnTheConfiguredPorts() {
        Properties props = config.serverProperties();

        assertThat(props.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(props.getProperty("controller.quorum.voters"))
                .isEqualTo(props.getProperty("node.id") + "@127.0.0.1:19093");
        assertThat(props.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void shouldSizeInternalTopicsForASingleNode() {
        assertThat(config.serverProperties()).contains(
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"));
    }

    @Test
    void shouldKeepDataUnderTheStackDirectory() {
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/tmp/stack/broker/data"));
        assertThat(config.serverProperties().getProperty("log.dirs")).isEqualTo("/var/tmp/stack/broker/data");
        assertThat(config.propertiesFile()).isEqualTo(Path.of("/var/tmp/stack/broker/server.properties"));
    }
}
