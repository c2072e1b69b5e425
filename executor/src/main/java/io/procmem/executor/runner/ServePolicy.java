package io.procmem.executor.runner;

import io.procmem.avro.ProcedureStatus;

/**
 * Which procedures the executor runs: AUTONOMOUS ones always, CANDIDATE ones when {@code serveCandidates} (the
 * default until the miner promotes procedures itself), never SHADOW (observed, not served) or RETIRED ones.
 */
public record ServePolicy(boolean serveCandidates) {

    public boolean allows(ProcedureStatus status) {
        return status == ProcedureStatus.AUTONOMOUS || (serveCandidates && status == ProcedureStatus.CANDIDATE);
    }

    /** What {@link #allows} accepts, for messages. */
    public String describe() {
        return serveCandidates ? "AUTONOMOUS or CANDIDATE" : "AUTONOMOUS";
    }
}
