package io.procmem.miner.bench;

import io.procmem.miner.config.MinerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measuring phases of one bench run, in order: load, trivial drain, miner drain, latency probes, state, load
 * again, state again. Every application is closed before the next phase starts, whatever happens.
 */
final class BenchPhases {
    private static final Logger LOG = LoggerFactory.getLogger(BenchPhases.class);

    private final BenchOptions options;
    private final BenchRun run;
    private final List<Episode> episodes;
    private final Admin admin;

    BenchPhases(BenchOptions options, BenchRun run, List<Episode> episodes, Admin admin) {
        this.options = options;
        this.run = run;
        this.episodes = episodes;
        this.admin = admin;
    }

    BenchResult measure() {
        GroupLag lag = new GroupLag(admin);
        DrainTimer timer = new DrainTimer(lag, options.phaseTimeout());
        try (InterleavedWriter writer = new InterleavedWriter(options.bootstrapServers(), options.registryUrl(),
                run.steps, options.openSessions(), options.seed())) {
            SessionStream first = new SessionStream(episodes, run.minerId, options.sessions(), options.agents(),
                    options.seed());
            long events = load(writer, first);

            KafkaStreams trivial = run.newTrivial();
            Duration trivialTime;
            try {
                trivialTime = timer.startAndDrain(trivial, run.trivialId, run.steps, options.partitions());
            } finally {
                MinerBench.closeQuietly(trivial);
            }
            LOG.info("trivial topology drained {} events in {} ms", events, trivialTime.toMillis());

            KafkaStreams miner = run.newMiner();
            Duration minerTime;
            List<Long> latencies;
            BenchResult.State once;
            try {
                minerTime = timer.startAndDrain(miner, run.minerId, run.steps, options.partitions());
                LOG.info("miner drained {} events in {} ms; probing compile latency", events, minerTime.toMillis());
                int sessionsNeeded = Math.max(run.miner.getInt(MinerConfig.MIN_SUPPORT),
                        run.miner.getInt(MinerConfig.MIN_SESSIONS));
                int minLength = run.miner.getInt(MinerConfig.MIN_LENGTH);
                List<Episode> compilable = episodes.stream()
                        .filter(episode -> episode.hasReadOnlyStretch(minLength, run.miner.toolEffects())).toList();
                latencies = new LatencyProbe(writer, options.bootstrapServers(), options.registryUrl(),
                        run.procedures, options.phaseTimeout())
                        .measure(compilable, options.latencyRoutines(), sessionsNeeded, run.minerId, options.seed());
                once = stateAfterClose(miner, events);
            } finally {
                MinerBench.closeQuietly(miner);
            }

            SessionStream second = new SessionStream(episodes, run.minerId + "-again", options.sessions(),
                    options.agents(), options.seed() + 1);
            long more = load(writer, second);
            KafkaStreams again = run.newMiner();
            BenchResult.State twice;
            try {
                timer.startAndDrain(again, run.minerId, run.steps, options.partitions());
                twice = stateAfterClose(again, events + more);
            } finally {
                MinerBench.closeQuietly(again);
            }

            List<Episode> drawn = new ArrayList<>(first.drawn());
            drawn.addAll(second.drawn());
            long patterns = PatternCount.distinct(drawn.stream().distinct().toList(),
                    run.miner.getInt(MinerConfig.MIN_LENGTH), run.miner.getInt(MinerConfig.MAX_LENGTH));
            int procedures = ProcedureTopicReader.latestById(options.bootstrapServers(), options.registryUrl(),
                    run.procedures, options.phaseTimeout()).size();
            return new BenchResult(events, perSecond(events, minerTime), perSecond(events, trivialTime), latencies,
                    patterns, once, twice, lag.endOffsets(run.dlq), procedures);
        }
    }

    private long load(InterleavedWriter writer, SessionStream sessions) {
        long started = System.nanoTime();
        long events = writer.write(sessions);
        LOG.info("pre-loaded {} events of {} sessions in {} ms", events, options.sessions(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return events;
    }

    private BenchResult.State stateAfterClose(KafkaStreams miner, long events) {
        MinerBench.closeQuietly(miner);
        Map<String, Long> keys = new TreeMap<>();
        Map<String, Long> bytes = new TreeMap<>();
        StoreInspector.live(run.stateDir.resolve(run.minerId)).forEach((store, size) -> {
            keys.put(store, size.keys());
            bytes.put(store, size.bytes());
        });
        return new BenchResult.State(events, keys, bytes);
    }

    private static double perSecond(long events, Duration time) {
        return events / Math.max(0.001, time.toNanos() / 1e9);
    }
}
