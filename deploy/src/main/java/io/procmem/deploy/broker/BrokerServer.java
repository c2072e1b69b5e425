package io.procmem.deploy.broker;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the broker in this JVM, in the foreground, until the JVM is signalled (SIGTERM or Ctrl-C), at which point
 * Kafka's own shutdown hook stops it cleanly. This is what the {@code procmem broker} command does, and so what the
 * broker child process of the stack runs.
 *
 * <p>Known limit: Kafka's entry point ends the JVM when the broker stops, so this never returns normally; only
 * call it from a process dedicated to the broker.
 */
public final class BrokerServer {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerServer.class);

    private BrokerServer() {
    }

    public static void run(BrokerConfig config) throws IOException {
        boolean formatted = BrokerStorage.prepare(config);
        LOG.info("starting Kafka broker at {} (controller 127.0.0.1:{}) on {} storage in {}",
                config.bootstrapServers(), config.controllerPort(), formatted ? "new" : "existing", config.dataDir());
        kafka.Kafka.main(new String[] {config.propertiesFile().toString()});
    }
}
