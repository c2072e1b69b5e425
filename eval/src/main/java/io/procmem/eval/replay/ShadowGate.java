package io.procmem.eval.replay;

import io.procmem.avro.CompiledProcedure;
import io.procmem.executor.store.ProcedureIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * Promotion by track record, the eval's stand-in for the SHADOW to AUTONOMOUS step no module automates yet. Every
 * procedure the {@link ServingPolicy} admits sits in the {@link #shadow} index; it is run alongside the agent (its
 * calls compared, nothing served) whenever no promoted procedure takes over, and joins the {@link #served} index once
 * it has made at least {@code minRuns} runs with calls whose calls were at least {@code minPrecision} correct. Served
 * runs keep adding to the record, so a promoted procedure whose precision falls below the bar is demoted.
 *
 * <p>With {@code minRuns} 0 there is no gate: every admitted procedure is served from the start.
 */
final class ShadowGate {
    private final ServingPolicy policy;
    private final ProcedureIndex shadow = new ProcedureIndex();
    private final ProcedureIndex served;
    private final Map<String, long[]> records = new HashMap<>();
    private final Map<String, CompiledProcedure> admitted = new HashMap<>();

    ShadowGate(ServingPolicy policy) {
        this.policy = policy;
        this.served = policy.minShadowRuns() == 0 ? shadow : new ProcedureIndex();
    }

    boolean gated() {
        return served != shadow;
    }

    ProcedureIndex shadow() {
        return shadow;
    }

    ProcedureIndex served() {
        return served;
    }

    /** A new version came from the miner: held for shadow runs (and served, if promoted) while the policy admits it. */
    void compiled(CompiledProcedure procedure, CompiledProcedure asServed) {
        String id = procedure.getProcedureId();
        if (policy.admits(procedure)) {
            admitted.put(id, asServed);
            shadow.put(asServed);
            update(id);
        } else {
            admitted.remove(id);
            shadow.remove(id);
            served.remove(id);
        }
    }

    /** Adds a run (shadow or served) to its procedure's record, promoting or demoting it. */
    void record(Takeover takeover) {
        if (takeover.procedureId() == null || takeover.servedCalls() == 0) {
            return;
        }
        long[] record = records.computeIfAbsent(takeover.procedureId(), id -> new long[3]);
        record[0]++;
        record[1] += takeover.correctCalls();
        record[2] += takeover.servedCalls();
        update(takeover.procedureId());
    }

    private void update(String id) {
        if (!gated() || !admitted.containsKey(id)) {
            return;
        }
        long[] record = records.getOrDefault(id, new long[3]);
        boolean proven = record[0] >= policy.minShadowRuns()
                && (double) record[1] / record[2] >= policy.minShadowPrecision();
        if (proven) {
            served.put(admitted.get(id));
        } else {
            served.remove(id);
        }
    }
}
