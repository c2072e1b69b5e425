package io.procmem.executor.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.BindingKind;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import io.procmem.schemas.binding.ValuePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For each step of a procedure, what later steps read from its result: the paths of STEP_RESULT bindings and of
 * {@code foreach} lists. Checking a result against them right after the step runs stops a run at the step whose
 * result changed shape, before any later call, instead of one or more calls further on.
 *
 * <p>Sources that do not parse are left out here; resolving them fails later with the reason.
 */
public final class ResultRequirements {
    /**
     * One path a later step reads.
     *
     * @param source the binding's source text, e.g. {@code $.steps[0].result.reservations}
     * @param readBy the index of the step that reads it
     * @param list   whether the value must be a list (a foreach path)
     */
    public record Requirement(ValuePath path, String source, int readBy, boolean list) {
    }

    private final Map<Integer, List<Requirement>> byStep;

    private ResultRequirements(Map<Integer, List<Requirement>> byStep) {
        this.byStep = byStep;
    }

    public static ResultRequirements of(CompiledProcedure procedure) {
        Map<Integer, List<Requirement>> byStep = new HashMap<>();
        for (ProcedureStep step : procedure.getSteps()) {
            if (step.getForeach() != null) {
                add(byStep, step.getForeach(), step.getIndex(), true);
            }
            for (ArgumentBinding binding : step.getArguments()) {
                if (binding.getKind() == BindingKind.STEP_RESULT) {
                    add(byStep, binding.getSource(), step.getIndex(), false);
                }
            }
        }
        return new ResultRequirements(byStep);
    }

    /** The first thing later steps read that {@code result} of step {@code step} lacks, if any. */
    public Optional<Requirement> unmet(int step, JsonNode result) {
        for (Requirement requirement : byStep.getOrDefault(step, List.of())) {
            JsonNode value = result == null ? null : requirement.path().readPresent(result);
            if (value == null || (requirement.list() && !value.isArray())) {
                return Optional.of(requirement);
            }
        }
        return Optional.empty();
    }

    private static void add(Map<Integer, List<Requirement>> byStep, String source, int readBy, boolean list) {
        SourcePaths.StepResult parsed;
        try {
            parsed = SourcePaths.stepResult(source);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (parsed.step() < readBy) {
            byStep.computeIfAbsent(parsed.step(), s -> new ArrayList<>())
                    .add(new Requirement(parsed.path(), source, readBy, list));
        }
    }
}
