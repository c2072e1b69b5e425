package io.procmem.executor.report;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.RunRecord;

/**
 * Builds the {@link ExecutionReport} of a finished request. {@code steps_planned} and {@code steps_run} count
 * procedure steps the executor was to run and completed (a foreach step is one step however many calls it made);
 * {@code reason} is the failing check with secrets masked, or the no-match reason. The report id is the run id,
 * so a repeated continuation (same session state, same procedure version) reports under the same id.
 */
public final class ExecutionReports {
    /** Key of reports of requests no procedure matched, so they share one partition rather than a null key's round robin. */
    public static final String NO_MATCH_KEY = "no-match";

    private ExecutionReports() {
    }

    public static ExecutionReport of(RunRecord record, String executorId, Redactor redactor) {
        ExecutionReport.Builder report = ExecutionReport.newBuilder()
                .setExecutorId(executorId)
                .setSessionId(record.sessionId())
                .setMode(record.mode())
                .setLatencyMs(record.latency().toMillis())
                .setTimestamp(record.startedAt());
        RunOutcome outcome = record.outcome();
        if (outcome instanceof RunOutcome.Served s) {
            int planned = s.procedure().getSteps().size() - s.startStep();
            procedure(report, s.runId(), s.procedure()).setOutcome(ExecutionOutcome.SERVED)
                    .setStepsPlanned(planned).setStepsRun(planned);
        } else if (outcome instanceof RunOutcome.Escalated e) {
            procedure(report, e.runId(), e.procedure()).setOutcome(ExecutionOutcome.ESCALATED)
                    .setStepsPlanned(e.procedure().getSteps().size() - e.startStep()).setStepsRun(e.stepsRun())
                    .setResumeIndex(e.resumeIndex()).setReason(redactor.reason(e));
        } else if (outcome instanceof RunOutcome.NoMatch m) {
            report.setReportId(m.runId()).setOutcome(ExecutionOutcome.NO_MATCH).setReason(m.reason());
        }
        return report.build();
    }

    /** The record key: the procedure id, or {@link #NO_MATCH_KEY}. */
    public static String key(ExecutionReport report) {
        return report.getProcedureId() == null ? NO_MATCH_KEY : report.getProcedureId();
    }

    private static ExecutionReport.Builder procedure(ExecutionReport.Builder report, String runId,
                                                     CompiledProcedure procedure) {
        return report.setReportId(runId).setProcedureId(procedure.getProcedureId())
                .setProcedureVersion(procedure.getVersion());
    }
}
