package io.procmem.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.deploy.broker.BrokerConfig;
import io.procmem.deploy.broker.BrokerService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackIT {
    @TempDir
    Path stackDir;

    private Stack stack;
    private long brokerPid;

    @AfterEach
    void stopStack() {
        try {
            stack.down();
        } finally {
            // If down() missed it, the detached broker must still not outlive the test (the pid is seconds old).
            ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
    }

    @Test
    void shouldStartReportAndStopADetachedBrokerWithItsTopics() throws IOException {
        StackConfig config = FreePorts.stackOnFreePorts(stackDir);
        String bootstrap = BrokerConfig.from(config).bootstrapServers();
        stack = new Stack(config, List.of(
                BrokerService.spec(config, () -> TopicCreator.ensure(bootstrap, TopicSpecs.ALL))));

        stack.up();
        brokerPid = Long.parseLong(Files.readString(stackDir.resolve("run/broker.pid")).trim());

        ServiceStatus up = stack.status().get(0);
        assertThat(up.name()).isEqualTo("broker");
        assertThat(up.up()).isTrue();
        assertThat(up.pid()).hasValue(brokerPid);
        assertThat(up.ports()).containsExactly(config.port(StackConfig.BROKER_PORT),
                config.port(StackConfig.CONTROLLER_PORT));
        assertThat(stackDir.resolve("logs/broker.log")).exists();
        // Every topic exists now, so a second pass creates nothing and a second up keeps the same process.
        assertThat(TopicCreator.ensure(bootstrap, TopicSpecs.ALL)).isEmpty();
        stack.up();
        assertThat(stack.status().get(0).pid()).hasValue(brokerPid);

        stack.down();

        ServiceStatus down = stack.status().get(0);
        assertThat(down.up()).isFalse();
        assertThat(down.pid()).isEmpty();
        assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(stackDir.resolve("run/broker.pid")).doesNotExist();
    }
}
