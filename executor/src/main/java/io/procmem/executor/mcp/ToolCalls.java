package io.procmem.executor.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import io.procmem.avro.CompiledProcedure;
import io.procmem.executor.api.OutcomeJson;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.RunRefused;
import io.procmem.executor.runner.RunService;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers {@code tools/call} for a procedure tool: runs the procedure whole (intent mode) through
 * {@link RunService#runProcedure} and answers the outcome as {@code structuredContent} (the JSON of
 * {@code POST /v1/procedures/{id}/run}) plus the same JSON as text for clients that read text only.
 *
 * <p>A served run is a normal result. An escalation is {@code isError: true}: the routine did not finish, and the
 * answer says what ran, the failing check and the resume index. A refused run (an input missing, the procedure no
 * longer servable or gone) is {@code isError: true} with a message naming the problem. The caller's session id, if
 * any, comes from {@code _meta} under {@value #SESSION_META}.
 */
final class ToolCalls {
    static final String SESSION_META = "io.procmem/session-id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunService service;
    private final Redactor redactor;

    ToolCalls(RunService service, Redactor redactor) {
        this.service = service;
        this.redactor = redactor;
    }

    /** @param procedure the procedure the called tool stands for now, or null when none does any more */
    McpSchema.CallToolResult call(CompiledProcedure procedure, McpSchema.CallToolRequest request) {
        if (procedure == null) {
            return error("no procedure is served as tool " + request.name() + " any more: list the tools again");
        }
        Map<String, JsonNode> inputs = new HashMap<>();
        if (request.arguments() != null) {
            request.arguments().forEach((name, value) -> inputs.put(name, JSON.valueToTree(value)));
        }
        Object session = request.meta() == null ? null : request.meta().get(SESSION_META);
        RunOutcome outcome;
        try {
            outcome = service.runProcedure(procedure, inputs, null, session == null ? null : session.toString());
        } catch (RunRefused e) {
            return error(e.getMessage());
        }
        ObjectNode body = OutcomeJson.of(outcome, redactor);
        try {
            return McpSchema.CallToolResult.builder()
                    .addTextContent(JSON.writeValueAsString(body))
                    .structuredContent(JSON.convertValue(body, Map.class))
                    .isError(!(outcome instanceof RunOutcome.Served))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outcome of " + procedure.getProcedureId() + " as JSON", e);
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
