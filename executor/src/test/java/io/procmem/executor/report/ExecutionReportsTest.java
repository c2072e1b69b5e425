package io.procmem.executor.report;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.runner.Check;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.RunRecord;
import io.procmem.executor.runner.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final CompiledProcedure PROCEDURE = userReservations("p-1", ProcedureStatus.AUTONOMOUS);

    @Test
    void shouldReportAServedRunUnderItsProcedure() {
        ExecutionReport report = report(ExecutionMode.CONTINUATION,
                new RunOutcome.Served("r-1", PROCEDURE, 1, List.of(call(1, "{\"reservation_id\": \"NO6JO3\"}"))));

        assertThat(report.getReportId()).isEqualTo("r-1");
        assertThat(ExecutionReports.key(report)).isEqualTo("p-1");
        assertThat(report.getProcedureVersion()).isEqualTo(1);
        assertThat(report.getOutcome()).isEqualTo(ExecutionOutcome.SERVED);
        assertThat(report.getStepsPlanned()).isEqualTo(1);
        assertThat(report.getStepsRun()).isEqualTo(1);
        assertThat(report.getResumeIndex()).isNull();
        assertThat(report.getLatencyMs()).isEqualTo(42);
        assertThat(report.getTimestamp()).isEqualTo(AT);
        assertThat(report.getExecutorId()).isEqualTo("exec-1");
        assertThat(report.getSessionId()).isEqualTo("s-1");
    }

    @Test
    void shouldReportAnEscalationWithResumeIndexAndARedactedReason() {
        ToolCall failed = new ToolCall(0, null, "get_user_details", json("{\"user_id\": \"u\", \"api_key\": \"k-123456\"}"),
                null, "key k-123456 rejected", 1);
        ExecutionReport report = report(ExecutionMode.INTENT, new RunOutcome.Escalated("r-2", PROCEDURE, 0, 0, List.of(),
                failed, new Check(Check.Kind.TOOL_ERROR, 0, "get_user_details", null, null, "key k-123456 rejected"), 0));

        assertThat(report.getOutcome()).isEqualTo(ExecutionOutcome.ESCALATED);
        assertThat(report.getMode()).isEqualTo(ExecutionMode.INTENT);
        assertThat(report.getStepsPlanned()).isEqualTo(2);
        assertThat(report.getStepsRun()).isZero();
        assertThat(report.getResumeIndex()).isZero();
        assertThat(report.getReason()).isEqualTo("key *** rejected");
    }

    @Test
    void shouldReportANoMatchUnderTheFixedKey() {
        ExecutionReport report = report(ExecutionMode.CONTINUATION, new RunOutcome.NoMatch("r-3", "nothing continues"));

        assertThat(report.getProcedureId()).isNull();
        assertThat(ExecutionReports.key(report)).isEqualTo(ExecutionReports.NO_MATCH_KEY);
        assertThat(report.getOutcome()).isEqualTo(ExecutionOutcome.NO_MATCH);
        assertThat(report.getReason()).isEqualTo("nothing continues");
    }

    private static ExecutionReport report(ExecutionMode mode, RunOutcome outcome) {
        return ExecutionReports.of(new RunRecord(mode, "s-1", outcome, AT, Duration.ofMillis(42)), "exec-1",
                Redactor.defaults());
    }

    private static ToolCall call(int step, String arguments) {
        return new ToolCall(step, 0, "get_reservation_details", json(arguments), json("{}"), null, 1);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
