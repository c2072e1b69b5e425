package io.procmem.miner.api;

import io.procmem.miner.lifecycle.LifecycleTopology;
import io.procmem.miner.lifecycle.ProcedureLifecycle;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.topology.Names;
import io.procmem.miner.trends.TrendCount;
import io.procmem.miner.trends.TrendsTopology;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
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

    /** Stores of the client {@code streams} supplies: null until it is created. */
    public static MinerStores of(Supplier<KafkaStreams> client) {
        return new MinerStores() {
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
