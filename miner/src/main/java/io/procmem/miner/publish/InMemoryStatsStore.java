package io.procmem.miner.publish;

import io.procmem.miner.candidates.SequenceStats;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compiler's figures in sorted maps, where the topology keeps them in RocksDB stores: for running the miner's
 * core without Kafka (the eval's replay, tests). One thread; nothing is bounded or aged, so it suits a replay of a
 * file, not a stream.
 */
public final class InMemoryStatsStore implements StatsStore {
    private final Map<String, CandidateState> candidates = new TreeMap<>();
    private final Map<String, SequenceStats> sequences = new TreeMap<>();

    @Override
    public CandidateState candidate(String signature) {
        return candidates.get(signature);
    }

    @Override
    public void putCandidate(String signature, CandidateState state) {
        candidates.put(signature, state);
    }

    @Override
    public SequenceStats sequence(String key) {
        return sequences.get(key);
    }

    @Override
    public void putSequence(String key, SequenceStats stats) {
        sequences.put(key, stats);
    }

    /** Every candidate's state, by signature (read-only view). */
    public Map<String, CandidateState> candidates() {
        return Collections.unmodifiableMap(candidates);
    }

    /** Every sequence's figures, by key (read-only view). */
    public Map<String, SequenceStats> sequences() {
        return Collections.unmodifiableMap(sequences);
    }
}
