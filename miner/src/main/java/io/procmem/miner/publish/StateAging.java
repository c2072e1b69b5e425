package io.procmem.miner.publish;

import io.procmem.miner.candidates.SequenceStats;
import io.procmem.miner.candidates.Tally;

/**
 * Which stored figures may be forgotten, keeping state bounded:
 * <ul>
 *   <li><b>expired</b>: a candidate never published and a sequence (or first step), both seen fewer than
 *       {@code minSupport} times and not seen for {@code ttlMs} of stream time;
 *   <li><b>rare</b>: a candidate never published, seen fewer than {@code minSupport} times, and in at most
 *       {@code minShare} of its first step's occurrences since it was first seen. This is lossy counting (Manku and
 *       Motwani) keyed by the first step: within a stretch of traffic shorter than the TTL, one-off candidates (an
 *       entity value that happens to equal one in an earlier result binds an argument by coincidence) would otherwise
 *       pile up with every session. A candidate forgotten this way that recurs later starts counting again, missing
 *       at most {@code minShare} of its first step's occurrences; one that can compile is far above that share (its
 *       sequence must follow at least {@code miner.min.determinism} of its first step, and it must hold most of its
 *       sequence's bindings).
 * </ul>
 * What is left is what recurs, so state grows with the number of distinct routines that reach support, not with
 * traffic. A first step's figures outlive its sequences' (it is counted whenever they are), so no ratio loses its
 * denominator before its numerator.
 */
public final class StateAging {
    private final long ttlMs;
    private final int minSupport;
    private final double minShare;

    /** @param minShare see the class comment; 0 forgets no candidate for being rare */
    public StateAging(long ttlMs, int minSupport, double minShare) {
        this.ttlMs = ttlMs;
        this.minSupport = minSupport;
        this.minShare = minShare;
    }

    public boolean expired(CandidateState state, long nowMs) {
        return state.emission().version() == 0 && state.stats().tally().occurrences() < minSupport
                && nowMs - state.stats().tally().lastSeenMs() >= ttlMs;
    }

    /** Whether a candidate is rare, given its first step's figures (null when none are stored: then it is not). */
    public boolean rare(CandidateState state, SequenceStats firstStep) {
        Tally tally = state.stats().tally();
        return firstStep != null && state.emission().version() == 0 && tally.occurrences() < minSupport
                && tally.occurrences() <= minShare * (firstStep.occurrences() - tally.firstStepsBefore());
    }

    public boolean expired(SequenceStats stats, long nowMs) {
        return stats.occurrences() < minSupport && nowMs - stats.lastSeenMs() >= ttlMs;
    }
}
