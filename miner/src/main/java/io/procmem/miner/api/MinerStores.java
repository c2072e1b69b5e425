package io.procmem.miner.api;

import io.procmem.miner.lifecycle.LifecycleTopology;
import io.procmem.miner.lifecycle.ProcedureLifecycle;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.topology.Names;
import io.procmem.miner.trends.TrendCount;
import io.procmem.miner.trends.TrendsTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The stores the query API reads, and the client's state. {@link #of(KafkaStreams)} reads them through interactive
 * queries on this instance: with several instances each sees only the partitions it hosts (no forwarding through
 * {@code application.server} metadata), so a query answers for the local share. Getters throw
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while a store is not queryable (starting,
 * migrating), which the API answers with 503.
 */
public interface MinerStores {
    KafkaStreams.State state();

    ReadOnlyKeyValueStore<String, ProcedureLifecycle> lifecycle();

    ReadOnlyKeyValueStore<String, CandidateState> candidates();

    ReadOnlyWindowStore<String, TrendCount> trends();

    static MinerStores of(KafkaStreams streams) {
        return new MinerStores() {
            @Override
            public KafkaStreams.State state() {
                return streams.state();
            }

            @Override
            public ReadOnlyKeyValueStore<String, ProcedureLifecycle> lifecycle() {
                return streams.store(StoreQueryParameters.fromNameAndType(LifecycleTopology.STORE,
                        QueryableStoreTypes.keyValueStore()));
            }

            @Override
            public ReadOnlyKeyValueStore<String, CandidateState> candidates() {
                return streams.store(StoreQueryParameters.fromNameAndType(Names.CANDIDATE_STATS,
                        QueryableStoreTypes.keyValueStore()));
            }

            @Override
            public ReadOnlyWindowStore<String, TrendCount> trends() {
                return streams.store(StoreQueryParameters.fromNameAndType(TrendsTopology.STORE,
                        QueryableStoreTypes.windowStore()));
            }
        };
    }
}
