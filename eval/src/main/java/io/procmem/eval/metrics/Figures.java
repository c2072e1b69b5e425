package io.procmem.eval.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the eval measured on the test set. Definitions: {@code decisions} is every tool call the agents made;
 * {@code servedCalls} every call a takeover made, the first wrong one included; {@code correctCalls} the served
 * calls that matched the agent's next calls (these are the model decisions avoided); coverage and precision are in
 * {@link Rates}. A takeover is a run that made at least one call; it is false when one of its calls did not match,
 * escalated when a check stopped it after matching calls. Neutral runs stopped before any call.
 *
 * @param questions      how often the executor was asked
 * @param tokensAvoided  estimated model tokens of the avoided decisions ({@code tokenEstimator} says how)
 * @param shadowRuns     runs alongside the agent of procedures not yet served (shadow gate), with calls; their
 *                       calls ({@code shadowCalls}, of which {@code shadowCorrectCalls} matched) are not served
 * @param procedures     per procedure that was asked to run at least once, most correct calls first
 * @param history        cumulative figures after each tested episode
 * @param falseExamples  the first false takeovers, in replay order
 */
public record Figures(long decisions, long correctCalls, long servedCalls, double coverage, double precision,
                      long questions, long takeovers, long falseTakeovers, Map<String, Long> falseByReason,
                      long escalations, long neutral, long decisionsAvoided, long tokensAvoided, String tokenEstimator,
                      long shadowRuns, long shadowCorrectCalls, long shadowCalls, List<ProcedureFigures> procedures, List<HistoryPoint> history, List<FalseTakeover> falseExamples) {
    public Figures {
        falseByReason = new TreeMap<>(falseByReason);
        procedures = List.copyOf(procedures);
        history = List.copyOf(history);
        falseExamples = List.copyOf(falseExamples);
    }
}
