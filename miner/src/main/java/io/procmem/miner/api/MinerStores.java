package io.procmem.miner.api;

import io.procmem.miner.lifecycle.LifecycleTopology;
import io.procmem.miner.lifecycle.ProcedureLifecycle;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.topology.Names;
import io.procmem.miner.trends.TrendCount;
import io.procmem.miner.trends.TrendsTopology;
import java.util.Collection;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The stores the query API reads, and the client's state. {@link #of} reads them through interactive queries on
 * this instance, which sees only the partitions it hosts; {@link QueryHandler} asks the other instances for theirs.
 * Getters throw {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while a store is not queryable
 * (not started, starting, migrating), which the API answers with 503.
 */
public interface MinerStores {
    KafkaStreams.State state();

    ReadOnlyKeyValueStore<String, ProcedureLifecycle> lifecycle();

    ReadOnlyKeyValueStore<String, CandidateState> candidates();

    ReadOnlyWindowStore<String, TrendCount> trends();

    /**
     * Whether this instance, running, holds no partition of {@code store}: its share of a query is then empty rather
     * than unavailable. False while that cannot be told (starting, rebalancing, no metadata yet).
     */
    default boolean hostsNoPartitionOf(String store) {
        return false;
    }

    /**
     * Stores of the client {@code client} supplies (null until it is created); {@code self} is what this instance
     * advertises as {@code application.server}.
     */
    public static MinerStores of(Supplier<KafkaStreams> client, Supplier<HostInfo> self) {
        return new MinerStores() {
            @Override
            public boolean hostsNoPartitionOf(String store) {
                KafkaStreams streams = client.get();
                if (streams == null || streams.state() != KafkaStreams.State.RUNNING || self.get() == null) {
                    return false;
                }
                Collection<StreamsMetadata> hosts = streams.streamsMetadataForStore(store);
                return !hosts.isEmpty() && hosts.stream().noneMatch(host -> host.hostInfo().equals(self.get()));
            }

            @Override
            public KafkaStreams.State state() {
                KafkaStreams streams = client.get();
                return streams == null ? KafkaStreams.State.CREATED : streams.state();
            }

            private KafkaStreams streams() {
                KafkaStreams streams = client.get();
                if (streams == null) {
                    throw new StreamsNotStartedException("the miner has not started its Streams client yet");
                }
                return streams;
            }

            @Override
            public ReadOnlyKeyValueStore<String, ProcedureLifecycle> lifecycle() {
                return streams().store(StoreQueryParameters.fromNameAndType(LifecycleTopology.STORE,
                        QueryableStoreTypes.keyValueStore()));
            }

            @Override
            public ReadOnlyKeyValueStore<String, CandidateState> candidates() {
                return streams().store(StoreQueryParameters.fromNameAndType(Names.CANDIDATE_STATS,
                        QueryableStoreTypes.keyValueStore()));
            }

            @Override
            public ReadOnlyWindowStore<String, TrendCount> trends() {
                return streams().store(StoreQueryParameters.fromNameAndType(TrendsTopology.STORE,
                        QueryableStoreTypes.windowStore()));
            }
        };
    }
}
