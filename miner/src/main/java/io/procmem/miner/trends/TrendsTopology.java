package io.procmem.miner.trends;

import io.procmem.avro.PatternTrend;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.config.MinerConfig;
import io.procmem.miner.topology.JsonSerde;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The trends branch: observations (keyed by first step) -> count per pattern and window in the {@value #STORE}
 * window store -> {@code topic.trends} as {@link PatternTrend}, keyed by pattern id. The Processor API is used
 * rather than {@code groupByKey().windowedBy()} because the DSL would repartition by pattern id, which the
 * observations' keying makes unnecessary (see {@link CountTrendsProcessor}).
 */
public final class TrendsTopology {
    public static final String STORE = "pattern-trends";
    static final String PUBLISHED_STORE = "pattern-trends-published";
    static final String COUNT_TRENDS = "count-pattern-trends";
    static final String PUBLISH_TRENDS = "publish-pattern-trends";

    private TrendsTopology() {
    }

    public static void attach(StreamsBuilder builder, MinerConfig config, KStream<String, Observation> observations) {
        long windowMs = config.getLong(MinerConfig.TRENDS_WINDOW_MS);
        long retentionMs = config.getLong(MinerConfig.TRENDS_RETENTION_MS);
        if (retentionMs < windowMs) {
            throw new ConfigException(MinerConfig.TRENDS_RETENTION_MS, retentionMs,
                    "must be at least " + MinerConfig.TRENDS_WINDOW_MS + " (" + windowMs + ")");
        }
        Duration updateInterval = Duration.ofMillis(config.getLong(MinerConfig.TRENDS_UPDATE_INTERVAL_MS));
        // Cached: a hot pattern's window is rewritten by many sessions between two commits.
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, Duration.ofMillis(retentionMs),
                Duration.ofMillis(windowMs), false), Serdes.String(), JsonSerde.of(TrendCount.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PUBLISHED_STORE), Serdes.String(),
                Serdes.Long()));
        observations.process(() -> new CountTrendsProcessor(windowMs, retentionMs, updateInterval), Named.as(COUNT_TRENDS),
                        STORE, PUBLISHED_STORE)
                .to(config.getString(MinerConfig.TOPIC_TRENDS), Produced.with(Serdes.String(),
                        AvroSerde.forValues(PatternTrend.class, config.registryUrl())).withName(PUBLISH_TRENDS));
    }

    /** The published form of one window's counts. */
    static PatternTrend trend(String patternId, TrendCount counts, long windowStartMs, long windowMs) {
        return PatternTrend.newBuilder().setPatternId(patternId).setName(counts.name()).setSignature(counts.signature())
                .setFleet(counts.fleet() == null ? "default" : counts.fleet())
                .setWindowStart(Instant.ofEpochMilli(windowStartMs)).setWindowEnd(Instant.ofEpochMilli(windowStartMs + windowMs))
                .setOccurrences(counts.occurrences()).setSessions(counts.sessions())
                .setSuccessfulSessions(counts.successfulSessions()).build();
    }
}
