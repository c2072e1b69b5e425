package io.procmem.deploy.broker;

import io.procmem.deploy.stack.StackConfig;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The local broker's settings and the {@code server.properties} they make: one node that is both KRaft controller
 * and broker, listening on 127.0.0.1 only, with files under {@code <dir>}.
 *
 * <p>The controller quorum is the static {@code controller.quorum.voters} form rather than a formatted dynamic quorum:
 * the voter's address then lives in the configuration, not in the metadata log, so the controller port can change
 * between restarts of the same data directory.
 *
 * @param dir broker home: {@code server.properties} and the {@code data} directory (log.dirs, metadata log)
 */
public record BrokerConfig(Path dir, int port, int controllerPort, String heap) {
    private static final int NODE_ID = 1;

    /** The broker of a stack lives in {@code <stackDir>/broker}. */
    public static BrokerConfig from(StackConfig config) {
        return new BrokerConfig(config.stackDir().resolve("broker"), config.port(StackConfig.BROKER_PORT),
                config.port(StackConfig.CONTROLLER_PORT), config.brokerHeap());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public Path propertiesFile() {
        return dir.resolve("server.properties");
    }

    public Properties serverProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir().toString());
        // One node: internal topics cannot have more than one replica, or groups, transactions and share groups
        // wait forever for replicas that will never exist.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // The defaults (50 partitions each) are sized for clusters; on a laptop they slow the first group join.
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.num.partitions", "4");
        // Nobody else will join: waiting for more members only delays every consumer group's first assignment.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics come from TopicSpecs; a typo in a topic name must fail, not create a one-partition topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        return p;
    }
}
