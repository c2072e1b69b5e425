package io.procmem.deploy.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the broker's directory: writes {@code server.properties} on every start (so changed ports apply) and
 * formats the data directory with Kafka's {@code StorageTool} the first time, i.e. while it has no
 * {@code meta.properties}. Formatting gives the cluster a fresh random id; later starts reuse the data as is.
 */
public final class BrokerStorage {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerStorage.class);

    private BrokerStorage() {
    }

    /** Writes the properties file and formats the storage if needed; returns true if it formatted. */
    public static boolean prepare(BrokerConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        writeProperties(config.serverProperties(), config.propertiesFile());
        if (isFormatted(config)) {
            return false;
        }
        format(config);
        return true;
    }

    public static boolean isFormatted(BrokerConfig config) {
        return Files.exists(config.dataDir().resolve("meta.properties"));
    }

    private static void format(BrokerConfig config) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // No --standalone: the quorum is the static controller.quorum.voters in the properties (see BrokerConfig).
            exitCode = StorageTool.execute(new String[] {
                "format", "--cluster-id", clusterId, "--config", config.propertiesFile().toString()}, print);
        }
        String report = output.toString(StandardCharsets.UTF_8).trim();
        if (exitCode != 0) {
            throw new IOException("formatting " + config.dataDir() + " failed (exit " + exitCode + "): " + report);
        }
        LOG.info("formatted {} for new cluster {}", config.dataDir(), clusterId);
        LOG.debug("storage tool said: {}", report);
    }

    private static void writeProperties(Properties properties, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "written by procmem at every broker start; edit StackConfig options instead");
        }
    }
}
