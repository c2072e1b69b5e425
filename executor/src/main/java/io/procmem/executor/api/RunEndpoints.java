package io.procmem.executor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunRefused;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.store.ProcedureIndex;

/**
 * The endpoints that run procedures, between the HTTP handler and the {@link RunService}: they check the caller,
 * read the body, run, and answer the outcome as JSON (200 whatever the outcome, since served, escalated and
 * no_match are all answers the agent acts on).
 */
public final class RunEndpoints {
    private final RunService service;
    private final ProcedureIndex index;
    private final BearerAuth auth;
    private final Redactor redactor;

    public RunEndpoints(RunService service, ProcedureIndex index, BearerAuth auth, Redactor redactor) {
        this.service = service;
        this.index = index;
        this.auth = auth;
        this.redactor = redactor;
    }

    /** Checks the {@code Authorization} header (null when absent); see {@link BearerAuth#check}. */
    void authorize(String authorization) {
        auth.check(authorization);
    }

    /** {@code POST /v1/continuations/run}. */
    JsonNode continuation(byte[] body) {
        return OutcomeJson.of(service.continueSession(RunRequests.continuation(body)), redactor);
    }

    /** The procedure a {@code POST /v1/procedures/{id}/run} names, checked before its body is read. */
    CompiledProcedure procedure(String id) {
        return index.get(id).orElseThrow(() -> ApiException.notFound("id", "no procedure with id '" + id + "'"));
    }

    /** {@code POST /v1/procedures/{id}/run}. */
    JsonNode intent(CompiledProcedure procedure, byte[] body) {
        RunRequests.IntentRequest request = RunRequests.intent(body);
        try {
            return OutcomeJson.of(service.runProcedure(procedure, request.inputs(), request.requestParams(),
                    request.sessionId()), redactor);
        } catch (RunRefused e) {
            throw e.reason() == RunRefused.Reason.MISSING_INPUT
                    ? ApiException.badRequest("inputs." + e.subject(), e.getMessage())
                    : ApiException.conflict("id", e.getMessage());
        }
    }
}
