package io.procmem.executor.runner;

import io.procmem.avro.CompiledProcedure;
import java.util.List;

/** What came of a request to run a procedure: served in full, escalated back to the agent, or nothing to run. */
public sealed interface RunOutcome permits RunOutcome.Served, RunOutcome.Escalated, RunOutcome.NoMatch {

    /**
     * Every remaining step ran and passed its checks.
     *
     * @param startStep the first procedure step the executor ran (steps before it were the agent's)
     * @param calls     the calls made, in order, with their results
     */
    record Served(String runId, CompiledProcedure procedure, int startStep, List<ToolCall> calls)
            implements RunOutcome {
        public Served {
            calls = List.copyOf(calls);
        }
    }

    /**
     * A check failed: the executor stopped there and made no further call. The agent keeps {@code calls} (they
     * happened and succeeded) and decides the step at {@code resumeIndex} of its session itself.
     *
     * @param stepsRun    procedure steps completed by the executor before it stopped
     * @param calls       the successful calls made before stopping, in order
     * @param failedCall  the call that failed, or null when the run stopped before or after a call
     * @param resumeIndex index in the session of the step the agent should decide next: the session's steps before
     *                    the run plus {@code calls}
     */
    record Escalated(String runId, CompiledProcedure procedure, int startStep, int stepsRun, List<ToolCall> calls,
                     ToolCall failedCall, Check check, int resumeIndex) implements RunOutcome {
        public Escalated {
            calls = List.copyOf(calls);
        }
    }

    /** No procedure that may be served continues the request; {@code runId} identifies the request in reports. */
    record NoMatch(String runId, String reason) implements RunOutcome {
    }
}
