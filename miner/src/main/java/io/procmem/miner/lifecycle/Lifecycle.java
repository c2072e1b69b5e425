package io.procmem.miner.lifecycle;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.ProcedureStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * The procedure lifecycle, CANDIDATE -> SHADOW -> AUTONOMOUS -> RETIRED, as plain Java: the single writer of a
 * procedure's status and version. Both inputs go through it: what the compiler emits and what the executors report.
 *
 * <p>From the compiler: the first emission is published as it is (version 1, the compiler's CANDIDATE or SHADOW).
 * Later emissions refresh the figures (steps, bindings, support, reviews) under the next version, but the status only
 * rises (CANDIDATE to SHADOW as the compile step decides); a promoted or demoted status is kept, and a RETIRED
 * procedure is never resurrected (its emission is ignored and the retired version stays published with its reason).
 *
 * <p>From the executors, counted since the last status change ({@link LifecycleCounters}), the rules of
 * {@link LifecycleRules}: SHADOW to AUTONOMOUS or RETIRED on agreement, AUTONOMOUS back to SHADOW on escalation rate,
 * CANDIDATE and AUTONOMOUS to RETIRED on consecutive failures. Each change is the next version with a reason giving
 * the figures. Reports about a version older than the current status's first are stale and ignored.
 *
 * <p>Known limit: agreement is judged over every prediction since the status change, not a sliding window, so a
 * SHADOW procedure between the two agreement bars keeps shadowing until its figures cross one.
 */
public final class Lifecycle {
    private final LifecycleRules rules;

    public Lifecycle(LifecycleRules rules) {
        this.rules = rules;
    }

    /** What to store and, when not null, publish. */
    public record Step(ProcedureLifecycle state, CompiledProcedure published) {
    }

    /** Merges an emission of the compiler into the stored lifecycle ({@code stored} null for a new procedure). */
    public Step compiled(ProcedureLifecycle stored, CompiledProcedure emitted) {
        if (stored == null) {
            CompiledProcedure first = CompiledProcedure.newBuilder(emitted).setVersion(1).build();
            return published(first, LifecycleCounters.since(1));
        }
        CompiledProcedure current = stored.procedure();
        if (current.getStatus() == ProcedureStatus.RETIRED) {
            return new Step(stored, null);
        }
        int version = current.getVersion() + 1;
        boolean rises = emitted.getStatus().ordinal() > current.getStatus().ordinal();
        CompiledProcedure next = CompiledProcedure.newBuilder(emitted).setVersion(version)
                .setStatus(rises ? emitted.getStatus() : current.getStatus())
                .setStatusReason(rises ? emitted.getStatusReason() : current.getStatusReason())
                .setCreatedAt(current.getCreatedAt())
                .build();
        return published(next, rises ? LifecycleCounters.since(version) : stored.counters());
    }

    /** Counts a report about the stored procedure at {@code nowMs}; publishes when a rule changes its status. */
    public Step reported(ProcedureLifecycle stored, ExecutionReport report, long nowMs) {
        Integer version = report.getProcedureVersion();
        if (version != null && version < stored.counters().sinceVersion()) {
            return new Step(stored, null);
        }
        LifecycleCounters counters = stored.counters().add(report.getOutcome(), rules.demoteWindowRuns());
        CompiledProcedure procedure = stored.procedure();
        Transition transition = switch (procedure.getStatus()) {
            case SHADOW -> shadow(counters);
            case AUTONOMOUS -> autonomous(counters);
            case CANDIDATE -> failing(counters);
            case RETIRED -> null;
        };
        if (transition == null) {
            return new Step(new ProcedureLifecycle(procedure, counters), null);
        }
        int next = procedure.getVersion() + 1;
        CompiledProcedure changed = CompiledProcedure.newBuilder(procedure).setVersion(next)
                .setStatus(transition.status()).setStatusReason(transition.reason())
                .setUpdatedAt(Instant.ofEpochMilli(nowMs)).build();
        return published(changed, LifecycleCounters.since(next));
    }

    private Transition shadow(LifecycleCounters counters) {
        if (counters.shadowPredictions() < rules.shadowMinPredictions()) {
            return null;
        }
        String figures = String.format(Locale.ROOT, "shadow agreement %.2f (%d of %d predictions)", counters.agreement(),
                counters.shadowAgreed(), counters.shadowPredictions());
        if (counters.agreement() >= rules.promoteMinAgreement()) {
            return new Transition(ProcedureStatus.AUTONOMOUS, String.format(Locale.ROOT, "promoted: %s >= %.2f",
                    figures, rules.promoteMinAgreement()));
        }
        if (counters.agreement() < rules.retireBelowAgreement()) {
            return new Transition(ProcedureStatus.RETIRED, String.format(Locale.ROOT, "retired: %s < %.2f",
                    figures, rules.retireBelowAgreement()));
        }
        return null;
    }

    private Transition autonomous(LifecycleCounters counters) {
        Transition retired = failing(counters);
        if (retired != null || counters.recentRuns().length() < rules.demoteWindowRuns()
                || counters.recentEscalationRate() <= rules.demoteMaxEscalationRate()) {
            return retired;
        }
        return new Transition(ProcedureStatus.SHADOW, String.format(Locale.ROOT,
                "demoted: escalation rate %.2f over the last %d runs > %.2f", counters.recentEscalationRate(),
                counters.recentRuns().length(), rules.demoteMaxEscalationRate()));
    }

    private Transition failing(LifecycleCounters counters) {
        if (counters.consecutiveFailures() < rules.retireConsecutiveFailures()) {
            return null;
        }
        return new Transition(ProcedureStatus.RETIRED, String.format(Locale.ROOT,
                "retired: %d failed runs in a row (escalated or disagreed) >= %d; %d served, %d escalated, "
                        + "%d shadow agreed, %d disagreed since v%d", counters.consecutiveFailures(),
                rules.retireConsecutiveFailures(), counters.served(), counters.escalated(), counters.shadowAgreed(),
                counters.shadowDisagreed(), counters.sinceVersion()));
    }

    private static Step published(CompiledProcedure procedure, LifecycleCounters counters) {
        return new Step(new ProcedureLifecycle(procedure, counters), procedure);
    }

    private record Transition(ProcedureStatus status, String reason) {
    }
}
