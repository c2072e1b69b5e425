package io.procmem.eval.replay;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which compiled procedures the eval lets the executor serve: those with one of {@code statuses} and at least
 * {@code minSupport} occurrences are admitted; with {@code minShadowRuns} above 0 an admitted procedure is served only
 * once its shadow record is good enough (see {@link ShadowGate}). This is the eval's question "what would these procedures save if they were
 * served", asked of the miner's output as it stands; the executor's own {@code executor.serve.candidates} policy is
 * not consulted (it never serves SHADOW, which is exactly the status a procedure is measured in before promotion).
 */
public record ServingPolicy(Set<ProcedureStatus> statuses, long minSupport, int minShadowRuns,
                            double minShadowPrecision) {
    public ServingPolicy {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (statuses.contains(ProcedureStatus.RETIRED)) {
            throw new IllegalArgumentException("RETIRED procedures are never served");
        }
        if (minSupport < 0) {
            throw new IllegalArgumentException("minSupport must not be negative, got " + minSupport);
        }
        if (minShadowRuns < 0 || minShadowPrecision < 0 || minShadowPrecision > 1) {
            throw new IllegalArgumentException("need minShadowRuns >= 0 and 0 <= minShadowPrecision <= 1, got "
                    + minShadowRuns + ", " + minShadowPrecision);
        }
    }

    /** Serves every admitted procedure from the start, without a shadow record. */
    public static ServingPolicy ungated(Set<ProcedureStatus> statuses, long minSupport) {
        return new ServingPolicy(statuses, minSupport, 0, 0.0);
    }

    public boolean admits(CompiledProcedure procedure) {
        return statuses.contains(procedure.getStatus()) && procedure.getSupport().getOccurrences() >= minSupport;
    }
}
