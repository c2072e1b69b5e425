package io.procmem.miner.review;

import io.procmem.avro.SideEffect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the routine changes. Read-only routines pass. A routine with a WRITE step is rejected under policy
 * {@code exclude}, passes under {@code strict} (the other reviews then apply the write thresholds) and under
 * {@code allow}. A write routine never passes amply, so it starts as CANDIDATE, never SHADOW.
 */
final class SideEffectsReview implements Check {
    static final String NAME = "side-effects";

    @Override
    public ReviewResult review(Evidence evidence) {
        List<String> writes = new ArrayList<>();
        for (int i = 0; i < evidence.effects().size(); i++) {
            if (evidence.effects().get(i) == SideEffect.WRITE) {
                writes.add(evidence.candidate().tools().get(i));
            }
        }
        Map<String, Double> figures = Map.of("write_steps", (double) writes.size());
        if (writes.isEmpty()) {
            return new ReviewResult(NAME, true, true, "read-only", figures);
        }
        boolean passed = evidence.policy() != WritePolicy.EXCLUDE;
        String detail = "writes with " + String.join(", ", writes) + "; policy " + evidence.policy().configValue()
                + (passed ? "" : " rejects routines that write");
        return new ReviewResult(NAME, passed, false, detail, figures);
    }
}
