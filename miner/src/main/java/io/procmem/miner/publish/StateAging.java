package io.procmem.miner.publish;

import io.procmem.miner.candidates.SequenceStats;

/**
 * Which stored figures may be forgotten, keeping state bounded: a candidate never published and a sequence (or
 * first step), both seen fewer than {@code minSupport} times and not seen for {@code ttlMs} of stream time. What is
 * left is what recurs, so state grows with the number of distinct routines that reach support, not with traffic.
 * A first step's figures outlive its sequences' (it is counted whenever they are), so no ratio loses its denominator
 * before its numerator.
 */
public final class StateAging {
    private final long ttlMs;
    private final int minSupport;

    public StateAging(long ttlMs, int minSupport) {
        this.ttlMs = ttlMs;
        this.minSupport = minSupport;
    }

    public boolean expired(CandidateState state, long nowMs) {
        return state.emission().version() == 0 && state.stats().tally().occurrences() < minSupport
                && nowMs - state.stats().tally().lastSeenMs() >= ttlMs;
    }

    public boolean expired(SequenceStats stats, long nowMs) {
        return stats.occurrences() < minSupport && nowMs - stats.lastSeenMs() >= ttlMs;
    }
}
