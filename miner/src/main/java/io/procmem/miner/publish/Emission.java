package io.procmem.miner.publish;

import io.procmem.avro.ProcedureStatus;

/**
 * What was last published for a candidate. Part of the {@code candidate-stats} value (JSON).
 *
 * @param version        version of the last procedure emitted, 0 while none was
 * @param emittedSupport occurrences at the last emission, 0 while none was
 * @param firstEmittedMs stream time of the first emission, 0 while none was
 * @param status         status of the last emission, null while none was
 */
public record Emission(int version, long emittedSupport, long firstEmittedMs, ProcedureStatus status) {

    public static Emission none() {
        return new Emission(0, 0, 0, null);
    }

    /** The next emission, at stream time {@code nowMs}. */
    public Emission next(long occurrences, ProcedureStatus newStatus, long nowMs) {
        return new Emission(version + 1, occurrences, version == 0 ? nowMs : firstEmittedMs, newStatus);
    }
}
