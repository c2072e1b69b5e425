package io.procmem.eval.metrics;

/**
 * The cumulative figures after {@code episodes} tested episodes, to show how coverage and precision grow with the
 * history the miner has seen.
 */
public record HistoryPoint(int episodes, long decisions, long correctCalls, long servedCalls, double coverage,
                           double precision) {

    public static HistoryPoint of(int episodes, long decisions, long correctCalls, long servedCalls) {
        return new HistoryPoint(episodes, decisions, correctCalls, servedCalls, Rates.coverage(correctCalls, decisions),
                Rates.precision(correctCalls, servedCalls));
    }
}
