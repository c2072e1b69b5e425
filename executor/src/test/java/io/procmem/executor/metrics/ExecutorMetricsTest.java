package io.procmem.executor.metrics;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.runner.Check;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.RunRecord;
import io.procmem.executor.runner.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorMetricsTest {
    private static final CompiledProcedure PROCEDURE = userReservations("p-1", ProcedureStatus.AUTONOMOUS);
    private static final ToolCall CALL = new ToolCall(0, null, "get_user_details", JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.objectNode(), null, 1);

    private final ExecutorMetrics metrics = new ExecutorMetrics(1500);

    @Test
    void shouldStartEveryOutcomeCounterAtZero() {
        assertThat(metrics.scrape()).contains("procmem_executor_runs_total{outcome=\"served\"} 0.0",
                "procmem_executor_runs_total{outcome=\"escalated\"} 0.0",
                "procmem_executor_runs_total{outcome=\"no_match\"} 0.0", "procmem_executor_decisions_avoided_total 0.0");
    }

    @Test
    void shouldCountTheCallsAnEscalationServedBeforeItStoppedAsDecisionsAvoided() {
        metrics.onRun(record(new RunOutcome.Escalated("r-1", PROCEDURE, 0, 1, List.of(CALL), null,
                new Check(Check.Kind.MISSING_RESULT_FIELD, 0, "get_user_details", null, "$.steps[0].result.x", "lacks"), 1)));
        metrics.onRun(record(new RunOutcome.Served("r-2", PROCEDURE, 0, List.of(CALL, CALL))));

        assertThat(metrics.scrape()).contains("procmem_executor_runs_total{outcome=\"escalated\"} 1.0",
                "procmem_executor_runs_total{outcome=\"served\"} 1.0", "procmem_executor_decisions_avoided_total 3.0",
                "procmem_executor_tokens_avoided_estimate_total 4500.0",
                "procmem_executor_run_seconds_count{procedure=\"p-1\"} 2");
    }

    private static RunRecord record(RunOutcome outcome) {
        return new RunRecord(ExecutionMode.INTENT, null, outcome, Instant.EPOCH, Duration.ofMillis(5));
    }
}
