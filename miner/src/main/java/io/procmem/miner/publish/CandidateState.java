package io.procmem.miner.publish;

import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.review.ReviewResult;
import java.util.List;

/**
 * The {@code candidate-stats} store value: a candidate's figures, its latest reviews (kept whether it passed or not,
 * so a query can show why a candidate did not compile) and what was published for it. Stored as JSON: components are
 * the stored form. For its size, see {@link CandidateStats}; the reviews add a few hundred bytes.
 */
public record CandidateState(CandidateStats stats, List<ReviewResult> reviews, Emission emission) {
    public CandidateState {
        reviews = List.copyOf(reviews);
    }

    public static CandidateState none() {
        return new CandidateState(CandidateStats.none(), List.of(), Emission.none());
    }

    /** Whether the latest reviews all passed; false before any review. */
    public boolean passing() {
        return !reviews.isEmpty() && reviews.stream().allMatch(ReviewResult::passed);
    }
}
