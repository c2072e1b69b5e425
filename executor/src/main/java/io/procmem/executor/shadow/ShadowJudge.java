package io.procmem.executor.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.AgentEvent;
import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionOutcome;
import io.procmem.avro.ExecutionReport;
import io.procmem.avro.SessionEnded;
import io.procmem.avro.SessionStarted;
import io.procmem.avro.ToolStep;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.runner.RunIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow mode without Kafka: follows sessions event by event and, each time a prediction meets the agent's actual
 * next step, returns the verdict as an {@link ExecutionReport} (mode SHADOW, outcome SHADOW_AGREED or
 * SHADOW_DISAGREED, one planned step, none run). A session that ends while a prediction waits disagrees: the
 * procedure expected another call.
 *
 * <p>A step whose index was already seen (a re-sent event) is ignored. A session first seen mid-way (SessionStarted
 * missed, e.g. after a rebalance) is followed from there with no fleet filter. Report ids derive from the session,
 * the step and the procedure version, so a replay writes the same ids. Not thread-safe: one follower thread owns it.
 */
public final class ShadowJudge {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowJudge.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShadowPredictor predictor;
    private final ShadowComparison comparison;
    private final ShadowSessions sessions;
    private final String executorId;
    private final Clock clock;

    public ShadowJudge(ShadowPredictor predictor, ShadowComparison comparison, int maxSessions,
                       Duration sessionTtl, String executorId, Clock clock) {
        this.predictor = predictor;
        this.comparison = comparison;
        this.sessions = new ShadowSessions(maxSessions, sessionTtl);
        this.executorId = executorId;
        this.clock = clock;
    }

    /** The verdict this event settles, if any. */
    public Optional<ExecutionReport> onEvent(AgentEvent event) {
        String id = event.getSessionId();
        Object payload = event.getPayload();
        if (payload instanceof SessionStarted started) {
            sessions.put(id, new ShadowSession(started.getFleet(), params(id, started.getRequestParamsJson()), 0,
                    clock.instant()));
            return Optional.empty();
        }
        if (payload instanceof ToolStep step) {
            return onStep(id, step, event.getTimestamp());
        }
        if (payload instanceof SessionEnded) {
            ShadowSession ended = sessions.remove(id);
            if (ended != null && ended.pending != null) {
                Prediction p = ended.pending;
                return Optional.of(report(id, p, false, "the session ended where the procedure predicted a call of "
                        + p.tool(), event.getTimestamp()));
            }
        }
        return Optional.empty();
    }

    /** Sessions currently followed. */
    public int sessions() {
        return sessions.size();
    }

    private Optional<ExecutionReport> onStep(String id, ToolStep step, Instant at) {
        ShadowSession session = sessions.get(id, clock.instant());
        if (session == null) {
            session = sessions.put(id, new ShadowSession(null, null, step.getStepIndex(), clock.instant()));
        } else if (step.getStepIndex() < session.nextIndex) {
            return Optional.empty();
        }
        ObservedStep actual = new ObservedStep(step.getTool(), json(id, "arguments_json", step.getArgumentsJson()),
                json(id, "result_json", step.getResultJson()));
        Optional<ExecutionReport> verdict = Optional.empty();
        Prediction pending = session.pending;
        if (pending != null && step.getStepIndex() == session.nextIndex) {
            ShadowComparison.Verdict v = comparison.judge(pending, actual);
            verdict = Optional.of(report(id, pending, v.agreed(), v.reason(), at));
        }
        session.append(actual, step.getStepIndex());
        session.pending = predictor.predict(session.steps, session.abstractSteps, session.fleet, session.requestParams)
                .orElse(null);
        return verdict;
    }

    private ExecutionReport report(String sessionId, Prediction p, boolean agreed, String reason, Instant at) {
        return ExecutionReport.newBuilder()
                .setReportId(RunIds.forSession(sessionId, p.stepIndex(), p.procedure().getProcedureId(),
                        p.procedure().getVersion()))
                .setProcedureId(p.procedure().getProcedureId())
                .setProcedureVersion(p.procedure().getVersion())
                .setExecutorId(executorId)
                .setSessionId(sessionId)
                .setMode(ExecutionMode.SHADOW)
                .setOutcome(agreed ? ExecutionOutcome.SHADOW_AGREED : ExecutionOutcome.SHADOW_DISAGREED)
                .setStepsPlanned(1)
                .setStepsRun(0)
                .setReason(reason)
                .setTimestamp(at)
                .build();
    }

    private static JsonNode params(String sessionId, String json) {
        JsonNode params = json(sessionId, "request_params_json", json);
        return params != null && params.isObject() ? params : null;
    }

    /** Parsed JSON, or null when absent or not JSON (logged: the step still counts, with no value to bind). */
    private static JsonNode json(String sessionId, String field, String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            LOG.warn("session {}: {} is not JSON ({}); judging without it", sessionId, field, e.getOriginalMessage());
            return null;
        }
    }
}
