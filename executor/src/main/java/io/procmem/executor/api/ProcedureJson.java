package io.procmem.executor.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureInput;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Review;
import io.procmem.avro.Support;
import io.procmem.executor.matching.Continuation;
import io.procmem.executor.matching.RemainingStep;

/**
 * The API's JSON form of procedures and continuations: camelCase names, enums by symbol, instants as ISO-8601
 * text. Written by hand rather than from the Avro schema so the HTTP contract (openapi.yaml) does not shift when a
 * field is added to the topic's schema.
 */
public final class ProcedureJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProcedureJson() {
    }

    /** The short form for listings. */
    public static ObjectNode summary(CompiledProcedure p) {
        ObjectNode node = NODES.objectNode()
                .put("procedureId", p.getProcedureId())
                .put("version", p.getVersion())
                .put("name", p.getName())
                .put("status", p.getStatus().name())
                .put("fleet", p.getFleet())
                .put("stepCount", p.getSteps().size());
        node.set("support", support(p.getSupport()));
        return node.put("updatedAt", p.getUpdatedAt().toString());
    }

    /** Every field of the procedure. */
    public static ObjectNode full(CompiledProcedure p) {
        ObjectNode node = NODES.objectNode()
                .put("procedureId", p.getProcedureId())
                .put("version", p.getVersion())
                .put("status", p.getStatus().name())
                .put("statusReason", p.getStatusReason())
                .put("fleet", p.getFleet())
                .put("name", p.getName())
                .put("signature", p.getSignature());
        ObjectNode trigger = node.putObject("trigger");
        p.getTrigger().getPrefix().forEach(trigger.putArray("prefix")::add);
        p.getTrigger().getKeywords().forEach(trigger.putArray("keywords")::add);
        ArrayNode inputs = node.putArray("inputs");
        for (ProcedureInput input : p.getInputs()) {
            inputs.addObject().put("name", input.getName()).put("jsonType", input.getJsonType())
                    .put("description", input.getDescription());
        }
        ArrayNode steps = node.putArray("steps");
        p.getSteps().forEach(step -> steps.add(step(step)));
        node.set("support", support(p.getSupport()));
        ArrayNode reviews = node.putArray("reviews");
        for (Review review : p.getReviews()) {
            ObjectNode r = reviews.addObject().put("name", review.getName()).put("passed", review.getPassed())
                    .put("detail", review.getDetail());
            ObjectNode figures = r.putObject("figures");
            review.getFigures().forEach(figures::put);
        }
        return node.put("createdAt", p.getCreatedAt().toString()).put("updatedAt", p.getUpdatedAt().toString());
    }

    public static ObjectNode continuation(Continuation c) {
        ObjectNode node = NODES.objectNode()
                .put("procedureId", c.procedureId())
                .put("version", c.version())
                .put("name", c.name())
                .put("status", c.status().name())
                .put("fleet", c.procedure().getFleet())
                .put("matchedSteps", c.matchedSteps());
        ArrayNode remaining = node.putArray("remainingSteps");
        for (RemainingStep step : c.remainingSteps()) {
            ObjectNode s = remaining.addObject().put("index", step.index()).put("tool", step.tool())
                    .put("abstractStep", step.abstractStep());
            step.arguments().forEach(s.putArray("arguments")::add);
        }
        node.set("support", support(c.procedure().getSupport()));
        return node;
    }

    private static ObjectNode step(ProcedureStep step) {
        ObjectNode node = NODES.objectNode()
                .put("index", step.getIndex())
                .put("tool", step.getTool())
                .put("abstractStep", step.getAbstractStep())
                .put("sideEffect", step.getSideEffect().name())
                .put("foreach", step.getForeach());
        ArrayNode arguments = node.putArray("arguments");
        for (ArgumentBinding binding : step.getArguments()) {
            arguments.addObject()
                    .put("name", binding.getName())
                    .put("kind", binding.getKind().name())
                    .put("source", binding.getSource())
                    .put("constantJson", binding.getConstantJson())
                    .put("consistency", binding.getConsistency());
        }
        return node;
    }

    private static ObjectNode support(Support support) {
        return NODES.objectNode()
                .put("occurrences", support.getOccurrences())
                .put("sessions", support.getSessions())
                .put("agents", support.getAgents())
                .put("successfulSessions", support.getSuccessfulSessions());
    }
}
