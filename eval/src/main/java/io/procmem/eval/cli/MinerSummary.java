package io.procmem.eval.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the replayed miner made of the episodes it learned from, to explain coverage.
 *
 * @param candidates         candidates counted
 * @param compiled           procedures compiled (latest versions)
 * @param admitted           of those, how many the eval's serving policy serves
 * @param rejectionsByReview for each review, the candidates its latest verdict rejected (one candidate may count under
 *                           several reviews)
 */
public record MinerSummary(int candidates, int compiled, int admitted, Map<String, Long> rejectionsByReview) {
    public MinerSummary {
        rejectionsByReview = new TreeMap<>(rejectionsByReview);
    }
}
