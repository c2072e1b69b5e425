package io.procmem.executor.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.executor.runner.Check;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.ToolCall;
import java.util.List;

/**
 * The API's JSON form of a {@link RunOutcome}: {@code {"outcome": "served"|"escalated"|"no_match", ...}}. A
 * served answer holds the calls as made, for the agent to record in its session; an escalation has its arguments
 * (and the failed call's error text) redacted, since it is the answer most likely to be shown and logged.
 */
public final class OutcomeJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OutcomeJson() {
    }

    public static ObjectNode of(RunOutcome outcome, Redactor redactor) {
        if (outcome instanceof RunOutcome.Served s) {
            ObjectNode node = procedure(NODES.objectNode().put("outcome", "served").put("runId", s.runId()), s.procedure());
            node.set("calls", calls(s.calls(), null));
            return node;
        }
        if (outcome instanceof RunOutcome.Escalated e) {
            ObjectNode node = procedure(NODES.objectNode().put("outcome", "escalated").put("runId", e.runId()), e.procedure());
            node.set("calls", calls(e.calls(), redactor));
            node.set("failedCall", e.failedCall() == null ? NODES.nullNode() : call(redactor.redact(e.failedCall())));
            node.set("check", check(e.check(), redactor.reason(e)));
            return node.put("resumeIndex", e.resumeIndex());
        }
        RunOutcome.NoMatch m = (RunOutcome.NoMatch) outcome;
        return NODES.objectNode().put("outcome", "no_match").put("runId", m.runId()).put("reason", m.reason());
    }

    private static ObjectNode procedure(ObjectNode node, CompiledProcedure procedure) {
        return node.put("procedureId", procedure.getProcedureId()).put("version", procedure.getVersion())
                .put("name", procedure.getName()).put("status", procedure.getStatus().name());
    }

    private static ArrayNode calls(List<ToolCall> calls, Redactor redactor) {
        ArrayNode list = NODES.arrayNode();
        calls.forEach(c -> list.add(call(redactor == null ? c : redactor.redact(c))));
        return list;
    }

    private static ObjectNode call(ToolCall call) {
        ObjectNode node = NODES.objectNode().put("stepIndex", call.stepIndex());
        if (call.element() != null) {
            node.put("element", call.element());
        }
        node.put("tool", call.tool());
        node.set("arguments", call.arguments());
        if (call.failed()) {
            node.put("error", call.error());
        } else {
            node.set("result", call.result());
        }
        return node.put("attempts", call.attempts());
    }

    private static ObjectNode check(Check check, String redactedMessage) {
        return NODES.objectNode().put("kind", check.kind().name()).put("stepIndex", check.stepIndex())
                .put("tool", check.tool()).put("argument", check.argument()).put("path", check.path())
                .put("message", redactedMessage);
    }
}
