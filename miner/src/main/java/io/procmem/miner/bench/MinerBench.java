package io.procmem.miner.bench;

import static org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The miner benchmark ({@code procmem bench miner}): on one broker and one registry, in one run,
 * <ol>
 *   <li>warms up: both applications drain a smaller load of their own first, so the timed phases run compiled code;
 *   <li>pre-loads a steps topic with re-sampled real sessions ({@link SessionStream}, {@link InterleavedWriter});
 *   <li>times a trivial topology and then the miner draining it ({@link DrainTimer}), both from RUNNING, and reads
 *       the CPU time of each one's threads meanwhile ({@link AppCpu});
 *   <li>sends fresh routines to the drained miner and times their first procedure ({@link LatencyProbe});
 *   <li>measures the miner's state after a clean close, then again after as many sessions of the same episodes.
 * </ol>
 * Prints a report whose last line is {@code ratio <miner events/s ÷ trivial events/s>}. It runs the miner from
 * {@code MinerTopology} with the miner's own configuration, so the figures are the production topology's.
 *
 * <p>Known limits: the applications share the machine with the broker (and, in tests, run in its JVM); throughput
 * is timed to the input being drained, with internal topics drained to within one record per partition; the state
 * figures are live key and value bytes in RocksDB ({@link StoreInspector}), not its file overhead, memory or the
 * changelog topics.
 */
public final class MinerBench {
    private static final Logger LOG = LoggerFactory.getLogger(MinerBench.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;

    public MinerBench(PrintStream out) {
        this.out = out;
    }

    public BenchResult run(BenchOptions options) {
        String runId = Long.toHexString(System.currentTimeMillis());
        List<Episode> episodes = EpisodeCorpus.read(options.trajectories());
        BenchRun run = new BenchRun(options, runId, stateDir(options));
        BenchRun warm = new BenchRun(options, runId + "-warmup", run.stateDir);
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        try (Admin admin = Admin.create(adminProps)) {
            BenchTopics topics = new BenchTopics(admin);
            List<BenchRun> runs = options.warmupSessions() > 0 ? List.of(warm, run) : List.of(run);
            for (BenchRun each : runs) {
                topics.create(each.steps, options.partitions(), each.procedures, each.dlq);
            }
            try {
                BenchResult result = new BenchPhases(options, run, warm, episodes, admin).measure();
                result.reportLines().forEach(out::println);
                return result;
            } finally {
                topics.deleteAll(runs.stream().flatMap(each -> Stream.of(each.steps, each.procedures, each.dlq))
                        .collect(Collectors.toSet()), runs.stream().flatMap(each -> Stream.of(each.minerId, each.trivialId))
                        .collect(Collectors.toSet()));
                if (options.stateDir() == null) {
                    deleteRecursively(run.stateDir);
                }
            }
        }
    }

    /** Closes and leaves the group, so the next application of the same id is not held up by a departed member. */
    static void closeQuietly(KafkaStreams streams) {
        if (!streams.close(CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(LEAVE_GROUP))) {
            LOG.warn("a bench application did not close within {}", CLOSE_TIMEOUT);
        }
    }

    private static Path stateDir(BenchOptions options) {
        try {
            return options.stateDir() != null ? Files.createDirectories(options.stateDir())
                    : Files.createTempDirectory("procmem-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bench state directory: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the bench state directory {}: {}", dir, e.getMessage());
        }
    }
}
