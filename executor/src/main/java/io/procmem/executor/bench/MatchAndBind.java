package io.procmem.executor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.executor.binding.BindingResolver;
import io.procmem.executor.binding.ObservedInputs;
import io.procmem.executor.binding.RunContext;
import io.procmem.executor.binding.UnresolvedBinding;
import io.procmem.executor.matching.Continuation;
import io.procmem.executor.matching.ContinuationMatcher;
import io.procmem.executor.matching.ContinuationQuery;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.store.ProcedureIndex;
import java.util.List;

/**
 * The in-process work of serving one continuation before any tool is called: match the session's steps against the
 * index, take the best AUTONOMOUS continuation, and resolve the arguments of its next call (the first element of a
 * foreach) the way a run does. What the match+bind benchmark times.
 */
public final class MatchAndBind {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContinuationMatcher matcher;
    private final BindingResolver resolver = new BindingResolver();

    public MatchAndBind(ProcedureIndex index) {
        this.matcher = new ContinuationMatcher(index);
    }

    /** A realistic session: a few unrelated calls, then get_user_details with its result. */
    public static ContinuationQuery session() {
        ObjectNode user = JSON.createObjectNode().put("user_id", "mia_li_3668");
        user.putArray("reservations").add("NO6JO3").add("AIXC49").add("HKEG34");
        List<ObservedStep> steps = List.of(
                ObservedStep.of("tool_17", JSON.createObjectNode().put("arg_1", "x")),
                ObservedStep.of("tool_1203", JSON.createObjectNode().put("arg_3", 7)),
                ObservedStep.of("search_direct_flight", JSON.createObjectNode().put("origin", "JFK")
                        .put("destination", "SEA").put("date", "2024-05-20")),
                new ObservedStep("get_user_details", JSON.createObjectNode().put("user_id", "mia_li_3668"), user));
        return new ContinuationQuery(steps, null, ContinuationQuery.DEFAULT_LIMIT);
    }

    /** The arguments of the next call, or null when no AUTONOMOUS procedure continues the session. */
    public ObjectNode nextCall(ContinuationQuery query) throws UnresolvedBinding {
        for (Continuation c : matcher.match(query)) {
            if (c.status() == ProcedureStatus.AUTONOMOUS) {
                return bind(c, query.steps());
            }
        }
        return null;
    }

    private ObjectNode bind(Continuation continuation, List<ObservedStep> steps) throws UnresolvedBinding {
        CompiledProcedure procedure = continuation.procedure();
        List<ObservedStep> matched = steps.subList(steps.size() - continuation.matchedSteps(), steps.size());
        RunContext context = new RunContext(
                ObservedInputs.of(procedure, matched.stream().map(ObservedStep::arguments).toList()), null,
                matched.stream().map(ObservedStep::result).toList());
        ProcedureStep next = procedure.getSteps().get(continuation.matchedSteps());
        JsonNode element = next.getForeach() == null ? null : resolver.foreachList(next, context).get(0);
        return resolver.arguments(next, context, element);
    }
}
