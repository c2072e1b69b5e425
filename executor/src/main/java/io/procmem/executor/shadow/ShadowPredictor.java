package io.procmem.executor.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import io.procmem.executor.binding.BindingResolver;
import io.procmem.executor.binding.ObservedInputs;
import io.procmem.executor.binding.RunContext;
import io.procmem.executor.binding.UnresolvedBinding;
import io.procmem.executor.matching.Continuation;
import io.procmem.executor.matching.ContinuationMatcher;
import io.procmem.executor.matching.ObservedStep;
import io.procmem.executor.store.ProcedureIndex;
import java.util.List;
import java.util.Optional;

/**
 * Predicts, without calling any tool, the next call of the best SHADOW procedure continuing a session: the step after
 * the matched ones, its arguments resolved as a run would resolve them (inputs from the agent's earlier calls,
 * STEP_RESULT from their results). For a foreach step it predicts the call for the list's first element.
 *
 * <p>Limits: only the next call is predicted; a continuation whose matched part holds a foreach step is skipped (as
 * in serving); a foreach over an empty list predicts nothing; SHADOW procedures ranked below the first
 * {@value #CONSIDERED} continuations of the session are not seen.
 */
public final class ShadowPredictor {
    private static final int CONSIDERED = 100;

    private final ContinuationMatcher matcher;
    private final BindingResolver resolver = new BindingResolver();

    public ShadowPredictor(ProcedureIndex index) {
        this.matcher = new ContinuationMatcher(index);
    }

    /** @param abstractSteps the abstract form of {@code steps}, computed once per step by the caller */
    public Optional<Prediction> predict(List<ObservedStep> steps, List<String> abstractSteps, String fleet,
                                        JsonNode requestParams) {
        for (Continuation c : matcher.matchAbstract(abstractSteps, fleet, CONSIDERED)) {
            if (c.status() == ProcedureStatus.SHADOW && !loopMatched(c)) {
                return next(c, steps.subList(steps.size() - c.matchedSteps(), steps.size()), requestParams);
            }
        }
        return Optional.empty();
    }

    private Optional<Prediction> next(Continuation continuation, List<ObservedStep> matched, JsonNode requestParams) {
        CompiledProcedure procedure = continuation.procedure();
        ProcedureStep step = procedure.getSteps().get(continuation.matchedSteps());
        RunContext context = new RunContext(
                ObservedInputs.of(procedure, matched.stream().map(ObservedStep::arguments).toList()), requestParams,
                matched.stream().map(ObservedStep::result).toList());
        try {
            JsonNode element = null;
            if (step.getForeach() != null) {
                JsonNode list = resolver.foreachList(step, context);
                if (list.isEmpty()) {
                    return Optional.empty();
                }
                element = list.get(0);
            }
            return Optional.of(new Prediction(procedure, step.getIndex(), step.getTool(),
                    resolver.arguments(step, context, element), null));
        } catch (UnresolvedBinding e) {
            return Optional.of(new Prediction(procedure, step.getIndex(), step.getTool(), null, e.getMessage()));
        }
    }

    private static boolean loopMatched(Continuation continuation) {
        return continuation.procedure().getSteps().subList(0, continuation.matchedSteps()).stream()
                .anyMatch(s -> s.getForeach() != null);
    }
}
