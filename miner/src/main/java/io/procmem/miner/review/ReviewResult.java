package io.procmem.miner.review;

import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one review of a candidate, published on the procedure as a {@code Review} and kept in the
 * {@code candidate-stats} value (JSON) for rejected candidates, so a query can show why they did not compile.
 *
 * @param passed  whether the candidate may compile as far as this review goes
 * @param ample   whether it passed with margin (see {@link Thresholds}); a procedure whose every review is ample
 *                starts as SHADOW rather than CANDIDATE
 * @param detail  one line a person can read
 * @param figures the numbers the review judged, by name
 */
public record ReviewResult(String name, boolean passed, boolean ample, String detail, Map<String, Double> figures) {
    public ReviewResult {
        figures = new TreeMap<>(figures);
    }
}
