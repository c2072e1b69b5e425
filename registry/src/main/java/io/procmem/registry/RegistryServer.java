package io.procmem.registry;

import io.procmem.registry.http.JsonErrorHandler;
import io.procmem.registry.http.RegistryHandler;
import io.procmem.registry.kafka.KafkaChangeLog;
import io.procmem.registry.store.ChangeLog;
import io.procmem.registry.store.SchemaStore;
import java.net.BindException;
import java.util.Optional;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the Confluent REST API (v1) for procmem's one-machine stack: procmem's
 * {@code HttpSchemaRegistryClient} and Confluent's own clients work against it. Schemas live in memory, and in a
 * compacted Kafka topic when {@code bootstrap.servers} is set, so ids survive restarts.
 *
 * <p>Writes need the credentials of {@code basic.auth.user.info} when it is set; reads are open. Limits: Avro only;
 * one process per store topic (no leader election); no TLS, so bind it to loopback (the default) or put a proxy in
 * front.
 */
public final class RegistryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final Optional<KafkaChangeLog> changeLog;
    private final String host;

    private RegistryServer(Server server, ServerConnector connector, Optional<KafkaChangeLog> changeLog, String host) {
        this.server = server;
        this.connector = connector;
        this.changeLog = changeLog;
        this.host = host;
    }

    /** Loads the store (from Kafka when configured) and listens; throws naming the port when it is taken. */
    public static RegistryServer start(RegistryConfig config) {
        Optional<KafkaChangeLog> changeLog = config.persistent()
                ? Optional.of(KafkaChangeLog.open(config.kafkaClientProps(), config.topic())) : Optional.empty();
        SchemaStore store = new SchemaStore(config.compatibilityLevel(),
                changeLog.map(ChangeLog.class::cast).orElse(ChangeLog.IN_MEMORY));
        Server server = new Server(new QueuedThreadPool(16, 2));
        try {
            changeLog.ifPresent(log -> log.replayInto(config.kafkaClientProps(), store));
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            // Subjects may contain "/", which clients send encoded as %2F; Jetty refuses that by default.
            http.setUriCompliance(UriCompliance.DEFAULT.with("procmem-registry",
                    UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            server.addConnector(connector);
            server.setHandler(new RegistryHandler(store, config.writeCredentials()));
            server.setErrorHandler(new JsonErrorHandler());
            startJetty(server, config);
            RegistryServer registry = new RegistryServer(server, connector, changeLog, config.host());
            LOG.info("schema registry listening on {} (storage: {}; writes: {}), {} schemas loaded", registry.url(),
                    changeLog.map(log -> "Kafka topic " + log.topic() + " at " + config.bootstrapServers())
                            .orElse("memory only, lost on exit"),
                    config.writeCredentials().isPresent() ? "basic auth" : "open", store.schemaCount());
            return registry;
        } catch (RuntimeException e) {
            stopQuietly(server);
            changeLog.ifPresent(KafkaChangeLog::close);
            throw e;
        }
    }

    private static void startJetty(Server server, RegistryConfig config) {
        try {
            server.start();
        } catch (Exception e) {
            if (causedByBind(e)) {
                throw new IllegalStateException("port " + config.port() + " on " + config.host() + " is taken by another"
                        + " process: stop it or set " + RegistryConfig.PORT_CONFIG + " to a free port (0 picks one)", e);
            }
            throw new IllegalStateException("cannot start the schema registry on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port bound, useful when the configured port was 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}; a wildcard host is given as 127.0.0.1. */
    public String url() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port();
    }

    @Override
    public void close() {
        stopQuietly(server);
        changeLog.ifPresent(KafkaChangeLog::close);
        LOG.info("schema registry stopped");
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("schema registry HTTP server did not stop cleanly", e);
        }
    }
}
