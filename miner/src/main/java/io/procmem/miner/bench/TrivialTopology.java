package io.procmem.miner.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;

/**
 * The baseline the miner is compared with: count events per session ({@code groupByKey().count()} into a named
 * RocksDB store). It reads the same topic with the same guarantee and keeps state per key, but does no decoding,
 * no session assembly and no repartition, so the ratio shows what the miner's own work costs.
 */
final class TrivialTopology {
    static final String STORE = "events-per-session";

    private TrivialTopology() {
    }

    static Topology build(String stepsTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(stepsTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("bench-steps-source"))
                // Input is keyed by session id already, so grouping by key needs no repartition.
                .groupByKey(Grouped.with("bench-group-by-session", Serdes.String(), Serdes.ByteArray()))
                .count(Materialized.as(STORE));
        return builder.build();
    }
}
