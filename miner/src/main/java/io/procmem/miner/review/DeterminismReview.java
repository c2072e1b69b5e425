package io.procmem.miner.review;

import java.util.Map;

/**
 * The routine is what usually follows its first step: of all occurrences of the first step, the share followed by
 * exactly the routine's remaining steps (any bindings) reaches the minimum. An executor offering the routine as a
 * continuation after that step is right about that often.
 *
 * <p>Known limit: the figures are read when the candidate is counted, so a first step seen in sessions where the
 * candidate was not is reflected at the candidate's next occurrence.
 */
final class DeterminismReview implements Check {
    static final String NAME = "determinism";

    @Override
    public ReviewResult review(Evidence evidence) {
        long followed = evidence.sequence().occurrences();
        long first = evidence.firstStep().occurrences();
        double minimum = evidence.thresholds().minDeterminism();
        double determinism = first == 0 ? 0 : Math.min(1.0, (double) followed / first);
        boolean passed = first > 0 && determinism >= minimum;
        String detail = String.format("%s is followed by the rest in %d of %d occurrences (%.0f%%, min %.0f%%)",
                evidence.candidate().firstStep(), followed, first, 100 * determinism, 100 * minimum);
        return new ReviewResult(NAME, passed, passed && Thresholds.ampleRate(determinism, minimum), detail,
                Map.of("determinism", determinism, "followed", (double) followed, "first_step", (double) first));
    }
}
