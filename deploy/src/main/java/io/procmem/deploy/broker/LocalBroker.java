package io.procmem.deploy.broker;

import io.procmem.deploy.stack.ChildJvm;
import io.procmem.deploy.stack.PortChecker;
import io.procmem.deploy.stack.ServiceSpec;
import io.procmem.deploy.stack.StackConfig;
import io.procmem.deploy.stack.Waiting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in a child JVM owned by this object:
 * {@link #start()} returns once the broker is ready, {@link #close()} stops it. Data lives in
 * {@code <stackDir>/broker/data} and survives restarts; the log goes to {@code <stackDir>/logs/broker.log}.
 *
 * <p>Unlike the stack's detached services, this child is tied to the caller: use it where a test or tool needs a
 * broker for its own lifetime. Known limit: if the calling JVM is killed without running {@link #close()}, the child
 * keeps running until it is stopped by its pid.
 */
public final class LocalBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBroker.class);
    private final StackConfig config;
    private final ServiceSpec spec;
    private Process process;

    public LocalBroker(StackConfig config) {
        this.config = config;
        this.spec = BrokerService.spec(config, ServiceSpec.AfterReady.NOTHING);
    }

    /** Starts the broker and waits until it is ready; returns how long that took. */
    public synchronized Duration start() {
        if (isRunning()) {
            throw new IllegalStateException("broker already running as pid " + process.pid());
        }
        long started = System.nanoTime();
        spec.ports().forEach(port -> PortChecker.requireFree(spec.name(), port));
        try {
            process = ChildJvm.start(spec, logFile(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker JVM", e);
        }
        try {
            Waiting.until("broker start-up", config.startTimeout(), spec.readiness()::isReady, process::isAlive,
                    "see " + logFile());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("broker ready at {} (pid {}) in {} ms", bootstrapServers(), process.pid(), took.toMillis());
        return took;
    }

    public String bootstrapServers() {
        return BrokerConfig.from(config).bootstrapServers();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Path logFile() {
        return config.logFile(spec.name());
    }

    /** Stops the broker gracefully, killing it after the stop timeout; does nothing if it is not running. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        boolean graceful = ChildJvm.stop(process.toHandle(), config.stopTimeout());
        LOG.info("broker pid {} stopped{}", process.pid(), graceful ? "" : " (killed)");
    }

    @Override
    public void close() {
        stop();
    }
}
