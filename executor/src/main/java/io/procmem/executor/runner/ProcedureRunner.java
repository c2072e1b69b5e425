package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import io.procmem.executor.binding.BindingResolver;
import io.procmem.executor.binding.ResultRequirements;
import io.procmem.executor.binding.ResultRequirements.Requirement;
import io.procmem.executor.binding.RunContext;
import io.procmem.executor.binding.UnresolvedBinding;
import io.procmem.executor.gateway.ToolGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the remaining steps of a procedure by calling the agent's tools, and stops the moment reality differs from
 * the routine: before a step whose arguments do not all resolve (a foreach step resolves every element's arguments
 * before its first call), at a call that fails, and right after a step whose result lacks something a later step
 * reads. Before the first call it also checks that every remaining tool has a gateway and that the results of the
 * agent's own steps hold what later steps read, so a run that cannot finish does not start.
 *
 * <p>Reads whose call does not get through are retried per the {@link RetryPolicy}; writes are sent once with an
 * idempotency key (see {@link ToolCaller}).
 *
 * <p>A foreach step over a READ tool may have up to {@code foreachParallelism} of its calls under way at once (see
 * {@link LoopCalls}); its results keep the list's order, and an escalation names the first failing element in that
 * order, as a sequential run would. Steps still run one after the other, and none starts after a failed check.
 *
 * <p>Plain Java, thread-safe: one runner serves concurrent runs.
 */
public final class ProcedureRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolCaller caller;
    private final LoopCalls loops;
    private final BindingResolver resolver = new BindingResolver();

    /** A runner that calls a foreach step's elements one after the other. */
    public ProcedureRunner(ToolGateway gateway, RetryPolicy retry) {
        this(gateway, retry, 1);
    }

    /** @param foreachParallelism most calls of one READ foreach step under way at once; 1 for one after the other */
    public ProcedureRunner(ToolGateway gateway, RetryPolicy retry, int foreachParallelism) {
        this.caller = new ToolCaller(gateway, retry);
        this.loops = new LoopCalls(caller, foreachParallelism);
    }

    /** Runs the plan; the answer is {@link RunOutcome.Served} or {@link RunOutcome.Escalated}. */
    public RunOutcome run(RunPlan plan) {
        return new Run(plan).execute();
    }

    /** The state of one run. */
    private final class Run {
        private final RunPlan plan;
        private final List<ProcedureStep> steps;
        private final RunContext context;
        private final ResultRequirements requirements;
        private final List<ToolCall> calls = new ArrayList<>();
        private int stepsRun;

        Run(RunPlan plan) {
            this.plan = plan;
            CompiledProcedure procedure = plan.procedure();
            this.steps = procedure.getSteps();
            this.context = new RunContext(plan.inputs(), plan.requestParams(), plan.priorResults());
            this.requirements = ResultRequirements.of(procedure);
        }

        RunOutcome execute() {
            Optional<RunOutcome> refused = missingGateway().or(this::unmetPriorResult);
            if (refused.isPresent()) {
                return refused.get();
            }
            for (int i = plan.startStep(); i < steps.size(); i++) {
                RunOutcome stop = runStep(steps.get(i));
                if (stop != null) {
                    return stop;
                }
            }
            return new RunOutcome.Served(plan.runId(), plan.procedure(), plan.startStep(), calls);
        }

        private Optional<RunOutcome> missingGateway() {
            return steps.subList(plan.startStep(), steps.size()).stream().filter(s -> !caller.handles(s.getTool()))
                    .findFirst().map(step -> escalate(new Check(Check.Kind.NO_GATEWAY, step.getIndex(), step.getTool(),
                            null, null, "no tool gateway can call " + step.getTool()), null));
        }

        private Optional<RunOutcome> unmetPriorResult() {
            for (int i = 0; i < plan.startStep(); i++) {
                Optional<Requirement> unmet = requirements.unmet(i, context.result(i));
                if (unmet.isPresent()) {
                    return Optional.of(escalate(missing(steps.get(i), unmet.get()), null));
                }
            }
            return Optional.empty();
        }

        /** Runs one step; null when it passed every check, else the escalation. */
        private RunOutcome runStep(ProcedureStep step) {
            List<ObjectNode> argumentSets = new ArrayList<>();
            try {
                if (step.getForeach() == null) {
                    argumentSets.add(resolver.arguments(step, context, null));
                } else {
                    for (JsonNode element : resolver.foreachList(step, context)) {
                        argumentSets.add(resolver.arguments(step, context, element));
                    }
                }
            } catch (UnresolvedBinding e) {
                return escalate(new Check(Check.Kind.UNRESOLVED_ARGUMENT, step.getIndex(), step.getTool(),
                        e.argument(), e.path(), e.getMessage()), null);
            }
            List<ToolCall> made = step.getForeach() == null
                    ? List.of(caller.call(plan.runId(), step, null, argumentSets.get(0)))
                    : loops.call(plan.runId(), step, argumentSets);
            ArrayNode loopResults = JSON.createArrayNode();
            JsonNode result = null;
            for (ToolCall call : made) {
                if (call.failed()) {
                    return escalate(new Check(Check.Kind.TOOL_ERROR, step.getIndex(), step.getTool(), null, null,
                            call.error()), call);
                }
                calls.add(call);
                loopResults.add(call.result());
                result = call.result();
            }
            JsonNode stepResult = step.getForeach() == null ? result : loopResults;
            context.record(stepResult);
            stepsRun++;
            return requirements.unmet(step.getIndex(), stepResult).map(unmet -> escalate(missing(step, unmet), null))
                    .orElse(null);
        }

        private Check missing(ProcedureStep step, Requirement unmet) {
            String what = unmet.list() ? "a list at " + unmet.source() + ", which step " + unmet.readBy() + " walks"
                    : unmet.source() + ", which step " + unmet.readBy() + " reads";
            return new Check(Check.Kind.MISSING_RESULT_FIELD, step.getIndex(), step.getTool(), null, unmet.source(),
                    "the result of step " + step.getIndex() + " (" + step.getTool() + ") lacks " + what);
        }

        private RunOutcome escalate(Check check, ToolCall failedCall) {
            return new RunOutcome.Escalated(plan.runId(), plan.procedure(), plan.startStep(), stepsRun, calls,
                    failedCall, check, plan.sessionSteps() + calls.size());
        }
    }
}
