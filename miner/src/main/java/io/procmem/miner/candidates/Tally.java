package io.procmem.miner.candidates;

import io.procmem.avro.SessionOutcome;
import java.util.Set;

/**
 * Counts of one candidate: occurrences, sessions and their outcomes, agents. Part of the {@code candidate-stats}
 * value (JSON: components are the stored form).
 *
 * <p>Known limit: distinct agents are counted by keeping their ids, at most {@value #MAX_TRACKED_AGENTS}; past that
 * the figure stays at the cap (read it as "at least"), so a fleet of thousands of agents does not grow the value.
 * The agents are held sorted and read-only, and copied only when one is added.
 *
 * @param successfulSessions sessions that ended with SUCCESS
 * @param failedSessions     sessions that ended with FAILURE (UNKNOWN outcomes are in neither)
 * @param firstSeenMs        stream time of the first observation
 * @param lastSeenMs         stream time of the latest observation, for ageing out
 * @param fleet              fleet of the first session it was seen in, or null
 * @param firstStepsBefore   occurrences of its first step counted before it was first seen (0 in state written
 *                           before this field existed): its share of the first step's occurrences since then tells a
 *                           rare candidate ({@link io.procmem.miner.publish.StateAging#rare})
 */
public record Tally(long occurrences, long sessions, Set<String> agents, long successfulSessions, long failedSessions,
                    long firstSeenMs, long lastSeenMs, String fleet, long firstStepsBefore) {
    public static final int MAX_TRACKED_AGENTS = 100;

    public Tally {
        agents = SortedViews.sortedSet(agents);
    }

    public static Tally none() {
        return new Tally(0, 0, Set.of(), 0, 0, 0, 0, null, 0);
    }

    /**
     * These counts plus one session in which the candidate occurred {@code occurrences} times; {@code firstSteps} is
     * how many times its first step was counted before this session, kept when this is its first session.
     */
    public Tally add(Observation session, int occurrencesInSession, long nowMs, long firstSteps) {
        String agent = session.agentId();
        Set<String> moreAgents = agent == null || agents.size() >= MAX_TRACKED_AGENTS || agents.contains(agent)
                ? agents : SortedViews.with(agents, agent);
        return new Tally(occurrences + occurrencesInSession, sessions + 1, moreAgents,
                successfulSessions + (session.outcome() == SessionOutcome.SUCCESS ? 1 : 0),
                failedSessions + (session.outcome() == SessionOutcome.FAILURE ? 1 : 0),
                sessions == 0 ? nowMs : firstSeenMs, nowMs, fleet == null ? session.fleet() : fleet,
                sessions == 0 ? firstSteps : firstStepsBefore);
    }

    /** Distinct agents seen, saturating at {@value #MAX_TRACKED_AGENTS}. */
    public int agentCount() {
        return agents.size();
    }
}
