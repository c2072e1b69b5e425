package io.procmem.miner.publish;

import io.procmem.miner.candidates.CandidateStats;
import io.procmem.miner.candidates.Sample;
import io.procmem.miner.review.ReviewResult;
import java.util.List;

/**
 * The {@code candidate-stats} store value: a candidate's figures, its latest reviews (kept whether it passed or not,
 * so a query can show why a candidate did not compile) and what was published for it. Stored as JSON: components are
 * the stored form. For its size, see {@link CandidateStats}; the reviews add a few hundred bytes.
 */
public record CandidateState(CandidateStats stats, List<ReviewResult> reviews, Emission emission, Reviewed reviewed) {
    public CandidateState {
        reviews = List.copyOf(reviews);
    }

    public CandidateState(CandidateStats stats, List<ReviewResult> reviews, Emission emission) {
        this(stats, reviews, emission, null);
    }

    public static CandidateState none() {
        return new CandidateState(CandidateStats.none(), List.of(), Emission.none(), null);
    }

    /** These figures counted further, the reviews and emission as they were. */
    public CandidateState withStats(CandidateStats counted) {
        return new CandidateState(counted, reviews, emission, reviewed);
    }

    /**
     * What the latest review replayed: the sample's change count and unsampled count then. When both are unchanged,
     * the held-out occurrences and the routine inferred from the rest are too, so that review's validation stands.
     */
    public record Reviewed(long sampleChanges, long unsampled) {
        public static Reviewed of(Sample sample) {
            return new Reviewed(sample.changes(), sample.unsampled());
        }

        public boolean sameReplay(Sample sample) {
            return sample.changes() == sampleChanges && sample.unsampled() == unsampled;
        }
    }

    /** Whether the latest reviews all passed; false before any review. */
    public boolean passing() {
        return !reviews.isEmpty() && reviews.stream().allMatch(ReviewResult::passed);
    }
}
