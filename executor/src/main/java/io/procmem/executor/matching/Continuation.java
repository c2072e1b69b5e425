package io.procmem.executor.matching;

import io.procmem.avro.ArgumentBinding;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.ProcedureStep;
import java.util.List;

/**
 * A procedure that continues the steps so far: its first {@code matchedSteps} steps equal the last steps so far,
 * and the rest are what it would run next. It keeps the whole procedure, since running it needs the bindings.
 */
public record Continuation(CompiledProcedure procedure, int matchedSteps) {

    public String procedureId() {
        return procedure.getProcedureId();
    }

    public int version() {
        return procedure.getVersion();
    }

    public String name() {
        return procedure.getName();
    }

    public ProcedureStatus status() {
        return procedure.getStatus();
    }

    public long supportOccurrences() {
        return procedure.getSupport().getOccurrences();
    }

    /** The steps after the matched ones, in order; never empty. */
    public List<RemainingStep> remainingSteps() {
        List<ProcedureStep> steps = procedure.getSteps();
        return steps.subList(matchedSteps, steps.size()).stream()
                .map(step -> new RemainingStep(step.getIndex(), step.getTool(), step.getAbstractStep(),
                        step.getArguments().stream().map(ArgumentBinding::getName).toList()))
                .toList();
    }
}
