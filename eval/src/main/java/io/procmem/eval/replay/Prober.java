package io.procmem.eval.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.eval.replay.Takeover.Verdict;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.runner.ProcedureRunner;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RetryPolicy;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.runner.ServePolicy;
import io.procmem.executor.runner.SessionRun;
import io.procmem.executor.store.ProcedureIndex;
import java.time.Clock;
import java.util.List;

/**
 * Asks the executor's own {@link RunService} (continuation mode, the code behind {@code POST /v1/runs/continue})
 * whether it would take over an episode at a step, with the tools replaced by a {@link RecordReplayGateway}.
 *
 * <p>The index holds only procedures the eval's {@link ServingPolicy} admits, as AUTONOMOUS, so the executor's own
 * policy is set to serve AUTONOMOUS only and the eval's policy is the one gate. A runner and service are made per
 * question because the gateway holds the recording of that one episode; both are cheap to make.
 */
final class Prober {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServePolicy ADMITTED_ONLY = new ServePolicy(false);

    private final ProcedureIndex index;
    private final Clock clock;

    Prober(ProcedureIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** @param at the first step the executor would decide, 1..steps (at = steps: after the agent's last call) */
    Takeover probe(Episode episode, int at) {
        RecordReplayGateway gateway = new RecordReplayGateway(episode, at);
        RunService service = new RunService(index, new ProcedureRunner(gateway, RetryPolicy.none()), ADMITTED_ONLY,
                List.of(), Redactor.defaults(), clock);
        List<ObservedStep> known = episode.steps().subList(0, at).stream()
                .map(step -> new ObservedStep(step.tool(), step.arguments(), step.result())).toList();
        RunOutcome outcome = service.continueSession(new SessionRun(episode.sessionId(), episode.fleet(),
                episode.requestText(), requestParams(episode), known));
        List<ReplayedCall> calls = gateway.calls();
        if (outcome instanceof RunOutcome.NoMatch) {
            return Takeover.noMatch(at);
        }
        if (outcome instanceof RunOutcome.Served served) {
            Verdict verdict = calls.isEmpty() ? Verdict.NEUTRAL : Verdict.SERVED;
            return new Takeover(at, verdict, served.procedure().getProcedureId(), served.procedure().getName(), calls, null);
        }
        RunOutcome.Escalated escalated = (RunOutcome.Escalated) outcome;
        Verdict verdict = calls.isEmpty() ? Verdict.NEUTRAL
                : calls.get(calls.size() - 1).matched() ? Verdict.ESCALATED : Verdict.FALSE;
        return new Takeover(at, verdict, escalated.procedure().getProcedureId(), escalated.procedure().getName(), calls,
                escalated.check().message());
    }

    private static JsonNode requestParams(Episode episode) {
        if (episode.requestParamsJson() == null) {
            return null;
        }
        try {
            return JSON.readTree(episode.requestParamsJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(episode.describe() + ": request_params the reader passed is not JSON", e);
        }
    }
}
