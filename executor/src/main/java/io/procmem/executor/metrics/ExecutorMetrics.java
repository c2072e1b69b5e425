package io.procmem.executor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.procmem.executor.runner.RunListener;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.RunRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executor's metrics, in Prometheus text form for {@code GET /metrics}:
 * <ul>
 *   <li>{@code procmem_executor_runs_total{outcome="served|escalated|no_match"}}: requests by outcome;</li>
 *   <li>{@code procmem_executor_run_seconds{procedure="p-..."}}: run time per procedure (runs that ran one);</li>
 *   <li>{@code procmem_executor_decisions_avoided_total}: tool calls the executor made and returned successfully,
 *       served or before an escalation, each a decision the agent's model did not have to make;</li>
 *   <li>{@code procmem_executor_tokens_avoided_estimate_total}: decisions avoided x {@code executor.tokens.per.decision}.
 *       An estimate from a configured average, not a measurement of the model's tokens.</li>
 * </ul>
 * Known limit: one timer per procedure id, so the series grow with the number of procedures served.
 */
public final class ExecutorMetrics implements RunListener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final int tokensPerDecision;
    private final Counter served;
    private final Counter escalated;
    private final Counter noMatch;
    private final Counter decisionsAvoided;
    private final Counter tokensAvoided;
    private final Map<String, Timer> runTimers = new ConcurrentHashMap<>();

    public ExecutorMetrics(int tokensPerDecision) {
        this.tokensPerDecision = tokensPerDecision;
        this.served = runs("served");
        this.escalated = runs("escalated");
        this.noMatch = runs("no_match");
        this.decisionsAvoided = Counter.builder("procmem.executor.decisions.avoided")
                .description("Tool calls served instead of decided by the agent's model").register(registry);
        this.tokensAvoided = Counter.builder("procmem.executor.tokens.avoided.estimate")
                .description("Estimated model tokens not spent: decisions avoided x executor.tokens.per.decision")
                .register(registry);
    }

    @Override
    public void onRun(RunRecord record) {
        RunOutcome outcome = record.outcome();
        if (outcome instanceof RunOutcome.Served s) {
            served.increment();
            recordRun(s.procedure().getProcedureId(), record, s.calls().size());
        } else if (outcome instanceof RunOutcome.Escalated e) {
            escalated.increment();
            recordRun(e.procedure().getProcedureId(), record, e.calls().size());
        } else {
            noMatch.increment();
        }
    }

    /** Every metric in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    private void recordRun(String procedureId, RunRecord record, int calls) {
        // Looked up once per procedure: building and registering a meter on every run cost more than recording.
        runTimers.computeIfAbsent(procedureId, id -> Timer.builder("procmem.executor.run")
                .description("Time to run a procedure's remaining steps").tag("procedure", id).register(registry))
                .record(record.latency());
        decisionsAvoided.increment(calls);
        tokensAvoided.increment((double) calls * tokensPerDecision);
    }

    private Counter runs(String outcome) {
        return Counter.builder("procmem.executor.runs").description("Run requests by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
