package io.procmem.miner.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.Review;
import io.procmem.miner.binding.Signatures;
import io.procmem.miner.lifecycle.LifecycleCounters;
import io.procmem.miner.lifecycle.ProcedureLifecycle;
import io.procmem.miner.publish.CandidateState;
import io.procmem.miner.publish.ProcedureIds;
import io.procmem.miner.review.ReviewResult;
import java.util.Map;

/**
 * JSON views of the stores' values for the API: a procedure with its lifecycle figures (summary for lists, with
 * steps for one procedure), and a rejected candidate with the reviews that failed.
 */
final class ProcedureViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcedureViews() {
    }

    static ObjectNode summary(ProcedureLifecycle lifecycle) {
        CompiledProcedure procedure = lifecycle.procedure();
        ObjectNode node = JSON.createObjectNode()
                .put("id", procedure.getProcedureId())
                .put("name", procedure.getName())
                .put("status", procedure.getStatus().name())
                .put("status_reason", procedure.getStatusReason())
                .put("version", procedure.getVersion())
                .put("fleet", procedure.getFleet())
                .put("updated_at", procedure.getUpdatedAt().toString());
        node.putObject("support")
                .put("occurrences", procedure.getSupport().getOccurrences())
                .put("sessions", procedure.getSupport().getSessions())
                .put("agents", procedure.getSupport().getAgents())
                .put("successful_sessions", procedure.getSupport().getSuccessfulSessions());
        node.set("lifecycle", counters(lifecycle.counters()));
        return node;
    }

    static ObjectNode full(ProcedureLifecycle lifecycle) {
        CompiledProcedure procedure = lifecycle.procedure();
        ObjectNode node = summary(lifecycle).put("signature", procedure.getSignature())
                .put("created_at", procedure.getCreatedAt().toString());
        ArrayNode steps = node.putArray("steps");
        for (ProcedureStep step : procedure.getSteps()) {
            steps.addObject().put("index", step.getIndex()).put("tool", step.getTool())
                    .put("abstract_step", step.getAbstractStep()).put("side_effect", step.getSideEffect().name())
                    .put("foreach", step.getForeach());
        }
        ArrayNode reviews = node.putArray("reviews");
        for (Review review : procedure.getReviews()) {
            review(reviews.addObject(), review.getName(), review.getPassed(), review.getDetail(), review.getFigures());
        }
        return node;
    }

    /** A candidate whose latest reviews did not all pass, with the failing ones. */
    static ObjectNode rejected(String signature, CandidateState state) {
        ObjectNode node = JSON.createObjectNode()
                .put("pattern_id", ProcedureIds.of(signature))
                .put("name", String.join(Signatures.SEPARATOR, state.stats().tools()))
                .put("signature", signature)
                .put("occurrences", state.stats().tally().occurrences())
                .put("sessions", state.stats().tally().sessions())
                .put("published_version", state.emission().version());
        ArrayNode failed = node.putArray("failed_reviews");
        for (ReviewResult review : state.reviews()) {
            if (!review.passed()) {
                review(failed.addObject(), review.name(), false, review.detail(), review.figures());
            }
        }
        return node;
    }

    private static ObjectNode counters(LifecycleCounters counters) {
        return JSON.createObjectNode()
                .put("since_version", counters.sinceVersion())
                .put("served", counters.served())
                .put("escalated", counters.escalated())
                .put("shadow_agreed", counters.shadowAgreed())
                .put("shadow_disagreed", counters.shadowDisagreed())
                .put("consecutive_failures", counters.consecutiveFailures())
                .put("recent_escalation_rate", counters.recentEscalationRate());
    }

    private static void review(ObjectNode node, String name, boolean passed, String detail, Map<String, Double> figures) {
        node.put("name", name).put("passed", passed).put("detail", detail);
        ObjectNode values = node.putObject("figures");
        figures.forEach(values::put);
    }
}
