package io.procmem.miner.review;

import java.util.List;
import java.util.stream.Collectors;

/**
 * All reviews of one candidate at one moment.
 *
 * @param routine the inferred routine, or null when nothing was sampled
 */
public record Verdict(List<ReviewResult> reviews, Routine routine) {
    public Verdict {
        reviews = List.copyOf(reviews);
    }

    /** Whether the candidate compiles: every review passed. */
    public boolean passed() {
        return reviews.stream().allMatch(ReviewResult::passed);
    }

    /** Whether every review passed with margin: the procedure starts as SHADOW. */
    public boolean ample() {
        return reviews.stream().allMatch(ReviewResult::ample);
    }

    /** Names of the reviews that failed, comma-separated; empty when none did. */
    public String failed() {
        return reviews.stream().filter(review -> !review.passed()).map(ReviewResult::name).collect(Collectors.joining(", "));
    }
}
