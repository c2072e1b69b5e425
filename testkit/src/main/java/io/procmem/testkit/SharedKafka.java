package io.procmem.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real single-node KRaft broker per JVM for integration tests, started on first use and stopped at JVM exit.
 * It wraps Kafka's internal {@code KafkaClusterTestKit}, so that API's changes touch only this class. Ports and data
 * directories are ephemeral, so tests can run in parallel with a running {@code ./procmem up}.
 *
 * <p>Tests isolate themselves by topic name ({@link #uniqueTopic(String)}) rather than by broker.
 */
public final class SharedKafka {
    private static final Logger LOG = LoggerFactory.getLogger(SharedKafka.class);
    private static KafkaClusterTestKit cluster;

    private SharedKafka() {
    }

    /** Bootstrap servers of the shared broker, starting it if this is the first call in the JVM. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    /** A topic name no other test in this JVM (or an earlier run against a kept broker) has used. */
    public static String uniqueTopic(String base) {
        return base + "-" + Long.toHexString(System.nanoTime()) + "-" + Integer.toHexString((int) (Math.random() * 0xffff));
    }

    /** Creates the topics (ignoring ones that exist) with one replica. */
    public static void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    private static KafkaClusterTestKit start() {
        long started = System.nanoTime();
        try {
            // Our own data directory: the kit's default one comes with a JVM shutdown hook of Kafka's that deletes it
            // while our hook below may still be closing the broker. A broker that loses its only log directory halts
            // the JVM with status 1, which fails a green test run at exit.
            Path dataDir = Files.createTempDirectory("procmem-test-kafka-");
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setBaseDirectory(dataDir)
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The kit otherwise boots at the newest *testing* metadata version, which real brokers never run.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    // A single node: internal topics cannot have more than one replica, or groups and transactions hang.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("num.partitions", "1")
                    .setDeleteOnClose(true)
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(kit, dataDir), "shared-kafka-shutdown"));
            LOG.info("shared test broker started at {} in {} ms", kit.bootstrapServers(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process Kafka broker for tests", e);
        }
    }

    private static void close(KafkaClusterTestKit kit, Path dataDir) {
        // The tests are over: whatever the broker meets while shutting down must not change the JVM's exit status.
        Exit.setHaltProcedure((status, message) -> LOG.warn("shared test broker asked to halt ({}): {}", status, message));
        Exit.setExitProcedure((status, message) -> LOG.warn("shared test broker asked to exit ({}): {}", status, message));
        try {
            kit.close();
        } catch (Exception e) {
            LOG.warn("shared test broker did not close cleanly", e);
        }
        try {
            Utils.delete(dataDir.toFile());
        } catch (IOException e) {
            LOG.warn("could not delete the shared test broker's data directory {}: {}", dataDir, e.getMessage());
        }
    }

    /** Consumer/producer settings every test client needs, for tests to extend. */
    public static Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }
}
