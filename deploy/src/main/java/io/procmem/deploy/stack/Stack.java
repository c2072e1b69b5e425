package io.procmem.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-machine stack: services started in order as detached child JVMs that outlive the command that started
 * them. The pid files under {@code <stackDir>/run} are the source of truth, so {@code up}, {@code status} and
 * {@code down} can be separate invocations. Output of each service goes to {@code <stackDir>/logs/<name>.log}.
 *
 * <p>{@link #up()} is idempotent: a service already running is left alone (but still awaited and its after-ready
 * work redone). If a service fails to start, the ones before it are left running; {@link #down()} stops them.
 */
public final class Stack {
    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);
    private final List<ServiceSpec> services;
    private final StackConfig config;
    private final PidFiles pidFiles;

    public Stack(StackConfig config, List<ServiceSpec> services) {
        this.services = List.copyOf(services);
        this.config = config;
        this.pidFiles = new PidFiles(config.stackDir().resolve("run"));
    }

    /** Starts every service not yet running, in order, each waited for until ready. */
    public void up() {
        for (ServiceSpec spec : services) {
            long started = System.nanoTime();
            Optional<ProcessHandle> running = pidFiles.running(spec.name());
            ProcessHandle process = running.orElseGet(() -> start(spec));
            running.ifPresent(p -> LOG.info("{} is already running (pid {})", spec.name(), p.pid()));
            awaitReady(spec, process);
            LOG.info("{} is up (pid {}) after {} ms", spec.name(), process.pid(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    /** Stops every running service, last started first: SIGTERM, then a kill after the stop timeout. */
    public void down() {
        List<ServiceSpec> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        for (ServiceSpec spec : reversed) {
            Optional<ProcessHandle> running = pidFiles.running(spec.name());
            if (running.isEmpty()) {
                LOG.info("{} is not running", spec.name());
                continue;
            }
            long started = System.nanoTime();
            boolean graceful = ChildJvm.stop(running.get(), config.stopTimeout());
            pidFiles.delete(spec.name());
            LOG.info("{} stopped{} after {} ms", spec.name(), graceful ? "" : " (killed)",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    /** The state of every service, in start order. */
    public List<ServiceStatus> status() {
        List<ServiceStatus> statuses = new ArrayList<>();
        for (ServiceSpec spec : services) {
            List<Integer> ports = spec.ports().stream().map(Port::number).toList();
            Optional<ProcessHandle> running = pidFiles.running(spec.name());
            statuses.add(running
                    .map(p -> new ServiceStatus(spec.name(), OptionalLong.of(p.pid()), ports, true, uptime(p)))
                    .orElseGet(() -> new ServiceStatus(spec.name(), OptionalLong.empty(), ports, false, Duration.ZERO)));
        }
        return statuses;
    }

    private Path logFile(ServiceSpec spec) {
        return config.logFile(spec.name());
    }

    private ProcessHandle start(ServiceSpec spec) {
        spec.ports().forEach(port -> PortChecker.requireFree(spec.name(), port));
        try {
            ProcessHandle process = ChildJvm.start(spec, logFile(spec), true).toHandle();
            pidFiles.write(spec.name(), process.pid());
            LOG.info("starting {} (pid {}), log in {}", spec.name(), process.pid(), logFile(spec));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    private void awaitReady(ServiceSpec spec, ProcessHandle process) {
        try {
            Waiting.until(spec.name() + " start-up", config.startTimeout(), spec.readiness()::isReady,
                    process::isAlive, "see " + logFile(spec));
        } catch (StackException e) {
            if (!process.isAlive()) {
                pidFiles.delete(spec.name());
            }
            throw e;
        }
        try {
            spec.afterReady().run();
        } catch (Exception e) {
            throw new StackException(spec.name() + " is up but its set-up failed: " + e.getMessage(), e);
        }
    }

    private static Duration uptime(ProcessHandle process) {
        return process.info().startInstant().map(start -> Duration.between(start, Instant.now())).orElse(Duration.ZERO);
    }
}
