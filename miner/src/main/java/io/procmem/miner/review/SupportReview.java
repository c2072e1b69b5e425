package io.procmem.miner.review;

import io.procmem.miner.candidates.Tally;
import java.util.Map;

/** Enough evidence: occurrences, distinct sessions and distinct agents each at their minimum. */
final class SupportReview implements Check {
    static final String NAME = "support";

    /** Whether these counts meet the support thresholds. */
    static boolean passes(Tally tally, Thresholds t) {
        return tally.occurrences() >= t.minSupport() && tally.sessions() >= t.minSessions()
                && tally.agentCount() >= t.minAgents();
    }

    @Override
    public ReviewResult review(Evidence evidence) {
        Tally tally = evidence.candidate().tally();
        Thresholds t = evidence.thresholds();
        boolean passed = passes(tally, t);
        boolean ample = passed && t.ampleCount(tally.occurrences(), t.minSupport()) && t.ampleCount(tally.sessions(), t.minSessions());
        String detail = String.format("%d occurrences (min %d) in %d sessions (min %d) by %d agents (min %d)",
                tally.occurrences(), t.minSupport(), tally.sessions(), t.minSessions(), tally.agentCount(), t.minAgents());
        return new ReviewResult(NAME, passed, ample, detail, Map.of("occurrences", (double) tally.occurrences(),
                "sessions", (double) tally.sessions(), "agents", (double) tally.agentCount()));
    }
}
