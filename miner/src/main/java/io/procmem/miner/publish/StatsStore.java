package io.procmem.miner.publish;

import io.procmem.miner.candidates.SequenceStats;

/**
 * Where the compiler keeps its figures: the {@code candidate-stats} and {@code sequence-stats} stores in the
 * topology, maps in tests and offline runs. Getters return null for an unknown key.
 */
public interface StatsStore {
    CandidateState candidate(String signature);

    void putCandidate(String signature, CandidateState state);

    SequenceStats sequence(String key);

    void putSequence(String key, SequenceStats stats);
}
