package io.procmem.miner.review;

import io.procmem.miner.candidates.Tally;
import java.util.Map;

/**
 * The routine is worth repeating: the share of sessions containing it that ended with SUCCESS reaches the minimum.
 * Sessions with outcome UNKNOWN count as not successful, which errs on the side of rejecting.
 */
final class SuccessRateReview implements Check {
    static final String NAME = "success-rate";

    @Override
    public ReviewResult review(Evidence evidence) {
        Tally tally = evidence.candidate().tally();
        double minimum = evidence.thresholds().minSuccessRate();
        double rate = tally.sessions() == 0 ? 0 : (double) tally.successfulSessions() / tally.sessions();
        boolean passed = tally.sessions() > 0 && rate >= minimum;
        String detail = String.format("%d of %d sessions succeeded (%.0f%%, min %.0f%%), %d failed", tally.successfulSessions(),
                tally.sessions(), 100 * rate, 100 * minimum, tally.failedSessions());
        return new ReviewResult(NAME, passed, passed && Thresholds.ampleRate(rate, minimum), detail, Map.of("rate", rate,
                "successful", (double) tally.successfulSessions(), "failed", (double) tally.failedSessions()));
    }
}
