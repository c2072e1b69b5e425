package io.procmem.miner.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one miner bench run does. {@link #defaults} sizes a run of a few minutes on a 2-core machine; the
 * {@code with*} methods change one figure each.
 *
 * @param sessions synthetic sessions pre-loaded for the throughput phase (the state phase adds as many again)
 * @param warmupSessions sessions of a warm-up load both applications drain first, on topics and state of their own and
 *                       untimed in the ratio, so the timed phases run compiled code rather than a cold JVM; 0 skips it
 * @param openSessions sessions in progress at once while writing, so their events interleave
 * @param agents distinct agent ids the sessions are spread over
 * @param partitions partitions of the bench's steps topic
 * @param latencyRoutines fresh routines sent after the backlog is drained, one latency sample each
 * @param stateDir directory for the applications' state; null makes (and deletes) a temporary one
 * @param minerProperties extra miner (and Kafka Streams) settings, e.g. {@code num.stream.threads}
 * @param phaseTimeout the longest any one phase may take before the run fails
 */
public record BenchOptions(String bootstrapServers, String registryUrl, Path trajectories, int sessions,
                           int warmupSessions, int openSessions, int agents, int partitions, int latencyRoutines,
                           long seed, Path stateDir, Map<String, Object> minerProperties, Duration phaseTimeout) {
    public static final Path DEFAULT_TRAJECTORIES = Path.of("data", "tau-bench-airline-gpt4o", "gpt-4o-airline.json");
    public static final int DEFAULT_SESSIONS = 35_000;
    public static final int DEFAULT_WARMUP_SESSIONS = 5_000;

    public BenchOptions {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(trajectories, "trajectories");
        requireAtLeast("sessions", sessions, 1);
        requireAtLeast("warmupSessions", warmupSessions, 0);
        requireAtLeast("openSessions", openSessions, 1);
        requireAtLeast("agents", agents, 1);
        requireAtLeast("partitions", partitions, 1);
        requireAtLeast("latencyRoutines", latencyRoutines, 1);
        minerProperties = Map.copyOf(minerProperties);
        Objects.requireNonNull(phaseTimeout, "phaseTimeout");
    }

    public static BenchOptions defaults(String bootstrapServers, String registryUrl) {
        return new BenchOptions(bootstrapServers, registryUrl, DEFAULT_TRAJECTORIES, DEFAULT_SESSIONS,
                DEFAULT_WARMUP_SESSIONS, 64, 200, 4, 10, 42L, null, Map.of(), Duration.ofMinutes(5));
    }

    public BenchOptions withTrajectories(Path file) {
        return new BenchOptions(bootstrapServers, registryUrl, file, sessions, warmupSessions, openSessions,
                agents, partitions, latencyRoutines, seed, stateDir, minerProperties, phaseTimeout);
    }

    public BenchOptions withSessions(int count) {
        return new BenchOptions(bootstrapServers, registryUrl, trajectories, count, warmupSessions, openSessions,
                agents, partitions, latencyRoutines, seed, stateDir, minerProperties, phaseTimeout);
    }

    public BenchOptions withWarmupSessions(int count) {
        return new BenchOptions(bootstrapServers, registryUrl, trajectories, sessions, count, openSessions, agents,
                partitions, latencyRoutines, seed, stateDir, minerProperties, phaseTimeout);
    }

    public BenchOptions withLatencyRoutines(int count) {
        return new BenchOptions(bootstrapServers, registryUrl, trajectories, sessions, warmupSessions, openSessions,
                agents, partitions, count, seed, stateDir, minerProperties, phaseTimeout);
    }

    public BenchOptions withStateDir(Path dir) {
        return new BenchOptions(bootstrapServers, registryUrl, trajectories, sessions, warmupSessions, openSessions,
                agents, partitions, latencyRoutines, seed, dir, minerProperties, phaseTimeout);
    }

    public BenchOptions withMinerProperties(Map<String, Object> properties) {
        return new BenchOptions(bootstrapServers, registryUrl, trajectories, sessions, warmupSessions, openSessions,
                agents, partitions, latencyRoutines, seed, stateDir, properties, phaseTimeout);
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }
}
