package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStep;
import io.procmem.executor.binding.ObservedInputs;
import io.procmem.executor.matching.Continuation;
import io.procmem.executor.matching.ContinuationMatcher;
import io.procmem.executor.matching.ContinuationQuery;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.store.ProcedureIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serving, without transport: picks the procedure to run for a request, runs it, and tells the listeners (reports,
 * metrics) what came of it. The HTTP API calls it, and so can any other front (an MCP tool handler, a Kafka
 * request consumer).
 *
 * <p>Continuation mode runs the best continuation (see {@link ContinuationMatcher}) that the {@link ServePolicy}
 * allows, from the step after the matched ones; the agent's matched calls stand for the procedure's first steps,
 * their arguments give the INPUT values and their results what STEP_RESULT bindings read. A continuation whose
 * matched part includes a foreach step is skipped: one call of the agent cannot tell whether it walked the whole
 * list. Intent mode runs a named procedure whole, from the caller's inputs.
 */
public final class RunService {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    /** How many continuations to consider; more only matter when the best ones are all not servable. */
    private static final int CONSIDERED = 100;

    private final ContinuationMatcher matcher;
    private final ProcedureRunner runner;
    private final ServePolicy policy;
    private final List<RunListener> listeners;
    private final Redactor redactor;
    private final Clock clock;

    public RunService(ProcedureIndex index, ProcedureRunner runner, ServePolicy policy, List<RunListener> listeners,
                      Redactor redactor, Clock clock) {
        this.matcher = new ContinuationMatcher(index);
        this.runner = runner;
        this.policy = policy;
        this.listeners = List.copyOf(listeners);
        this.redactor = redactor;
        this.clock = clock;
    }

    /** Continuation mode: continues the session with the best servable procedure, or answers NoMatch. */
    public RunOutcome continueSession(SessionRun session) {
        return timed(ExecutionMode.CONTINUATION, session.sessionId(), () -> {
            Optional<Continuation> chosen = matcher.match(new ContinuationQuery(session.steps(), session.fleet(), CONSIDERED))
                    .stream().filter(c -> policy.allows(c.status()) && !loopMatched(c)).findFirst();
            if (chosen.isEmpty()) {
                return new RunOutcome.NoMatch(RunIds.random(), "no " + policy.describe() + " procedure continues the "
                        + session.steps().size() + " step(s) sent" + (session.fleet() == null ? "" : " in fleet " + session.fleet()));
            }
            return runner.run(plan(session, chosen.get()));
        });
    }

    /**
     * Intent mode: runs {@code procedure} whole.
     *
     * @throws RunRefused when the procedure may not be served or an input it declares is missing
     */
    public RunOutcome runProcedure(CompiledProcedure procedure, Map<String, JsonNode> inputs, JsonNode requestParams,
                                   String sessionId) {
        if (!policy.allows(procedure.getStatus()) || procedure.getSteps().isEmpty()) {
            throw new RunRefused(RunRefused.Reason.NOT_SERVABLE, procedure.getProcedureId(), "procedure "
                    + procedure.getProcedureId() + " is " + procedure.getStatus() + " with " + procedure.getSteps().size()
                    + " step(s); only " + policy.describe() + " procedures with steps are run");
        }
        for (ProcedureInput input : procedure.getInputs()) {
            JsonNode value = inputs.get(input.getName());
            if (value == null || value.isNull()) {
                throw new RunRefused(RunRefused.Reason.MISSING_INPUT, input.getName(), "input " + input.getName()
                        + " (" + input.getJsonType() + ") is required by procedure " + procedure.getProcedureId());
            }
        }
        return timed(ExecutionMode.INTENT, sessionId,
                () -> runner.run(RunPlan.intent(RunIds.random(), procedure, inputs, requestParams)));
    }

    private static boolean loopMatched(Continuation continuation) {
        List<ProcedureStep> steps = continuation.procedure().getSteps();
        return steps.subList(0, continuation.matchedSteps()).stream().anyMatch(s -> s.getForeach() != null);
    }

    private static RunPlan plan(SessionRun session, Continuation continuation) {
        int n = session.steps().size();
        int k = continuation.matchedSteps();
        List<ObservedStep> matched = session.steps().subList(n - k, n);
        CompiledProcedure procedure = continuation.procedure();
        return new RunPlan(RunIds.forSession(session.sessionId(), n, procedure.getProcedureId(), procedure.getVersion()),
                procedure, k, matched.stream().map(ObservedStep::result).toList(),
                ObservedInputs.of(procedure, matched.stream().map(ObservedStep::arguments).toList()),
                session.requestParams(), n);
    }

    private RunOutcome timed(ExecutionMode mode, String sessionId, Supplier<RunOutcome> run) {
        Instant started = clock.instant();
        RunOutcome outcome = run.get();
        RunRecord record = new RunRecord(mode, sessionId, outcome, started, Duration.between(started, clock.instant()));
        log(record);
        for (RunListener listener : listeners) {
            try {
                listener.onRun(record);
            } catch (RuntimeException e) {
                LOG.warn("run listener {} failed", listener.getClass().getSimpleName(), e);
            }
        }
        return outcome;
    }

    private void log(RunRecord record) {
        RunOutcome outcome = record.outcome();
        if (outcome instanceof RunOutcome.Served s) {
            LOG.info("run {} of {} v{} served {} call(s) for session {}", s.runId(), s.procedure().getProcedureId(),
                    s.procedure().getVersion(), s.calls().size(), record.sessionId());
        } else if (outcome instanceof RunOutcome.Escalated e) {
            LOG.info("run {} of {} v{} escalated at step {} for session {}: {} (resume at {})", e.runId(),
                    e.procedure().getProcedureId(), e.procedure().getVersion(), e.check().stepIndex(),
                    record.sessionId(), redactor.reason(e), e.resumeIndex());
        } else if (outcome instanceof RunOutcome.NoMatch m) {
            LOG.debug("no match for session {}: {}", record.sessionId(), m.reason());
        }
    }
}
