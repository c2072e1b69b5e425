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
 * The measuring phases of one bench run, in order: warm-up (both applications drain a load of their own, untimed in
 * the ratio), load, trivial drain, miner drain, latency probes, state, load again, state again. Every application is
 * closed before the next phase starts, whatever happens.
 */
final class BenchPhases {
    private static final Logger LOG = LoggerFactory.getLogger(BenchPhases.class);

    private final BenchOptions options;
    private final BenchRun run;
    private final BenchRun warm;
    private final List<Episode> episodes;
    private final Admin admin;

    /** @param warm the warm-up's topics and application ids, used when the options ask for a warm-up */
    BenchPhases(BenchOptions options, BenchRun run, BenchRun warm, List<Episode> episodes, Admin admin) {
        this.options = options;
        this.run = run;
        this.warm = warm;
        this.episodes = episodes;
        this.admin = admin;
    }

    BenchResult measure() {
        GroupLag lag = new GroupLag(admin);
        DrainTimer timer = new DrainTimer(lag, options.phaseTimeout());
        BenchResult.Warmup warmup = options.warmupSessions() > 0 ? warmUp(timer) : null;
        try (InterleavedWriter writer = new InterleavedWriter(options.bootstrapServers(), options.registryUrl(),
                run.steps, options.openSessions(), options.seed())) {
            SessionStream first = new SessionStream(episodes, run.minerId, options.sessions(), options.agents(),
                    options.seed());
            long events = load(writer, first);

            DrainTimer.Drain trivialDrain = drainAndClose(timer, run.newTrivial(), run.trivialId, run.steps);
            LOG.info("trivial topology drained {} events in {} ms", events, trivialDrain.time().toMillis());

            KafkaStreams miner = run.newMiner();
            DrainTimer.Drain minerDrain;
            List<Long> latencies;
            BenchResult.State once;
            try {
                minerDrain = timer.startAndDrain(miner, run.minerId, run.steps, options.partitions());
                LOG.info("miner drained {} events in {} ms; probing compile latency", events, minerDrain.time().toMillis());
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

            // Later sessions, as a fleet's traffic goes on: stream time moves on, and with it the miner's sweeps.
            SessionStream second = new SessionStream(episodes, run.minerId + "-again", options.sessions(),
                    options.agents(), options.seed() + 1, first.end());
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
            return new BenchResult(events, minerDrain.perSecond(events), trivialDrain.perSecond(events),
                    minerDrain.cpuMicrosPerEvent(events), trivialDrain.cpuMicrosPerEvent(events), warmup, latencies,
                    patterns, once, twice, lag.endOffsets(run.dlq), procedures);
        }
    }

    /**
     * Loads the warm-up sessions on the warm-up topic and lets the trivial topology and then the miner drain them, so
     * the timed phases that follow run JIT-compiled code on a broker that has served both; returns their cold figures.
     */
    private BenchResult.Warmup warmUp(DrainTimer timer) {
        try (InterleavedWriter writer = new InterleavedWriter(options.bootstrapServers(), options.registryUrl(),
                warm.steps, options.openSessions(), options.seed() + 2)) {
            long events = writer.write(new SessionStream(episodes, warm.minerId, options.warmupSessions(),
                    options.agents(), options.seed() + 2));
            DrainTimer.Drain trivial = drainAndClose(timer, warm.newTrivial(), warm.trivialId, warm.steps);
            DrainTimer.Drain miner = drainAndClose(timer, warm.newMiner(), warm.minerId, warm.steps);
            LOG.info("warm-up: {} events of {} sessions drained by the trivial topology in {} ms, by the miner in {} ms",
                    events, options.warmupSessions(), trivial.time().toMillis(), miner.time().toMillis());
            return new BenchResult.Warmup(options.warmupSessions(), events, miner.perSecond(events),
                    trivial.perSecond(events));
        }
    }

    private DrainTimer.Drain drainAndClose(DrainTimer timer, KafkaStreams streams, String applicationId, String topic) {
        try {
            return timer.startAndDrain(streams, applicationId, topic, options.partitions());
        } finally {
            MinerBench.closeQuietly(streams);
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
}
