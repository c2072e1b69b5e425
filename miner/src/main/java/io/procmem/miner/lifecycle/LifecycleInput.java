package io.procmem.miner.lifecycle;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionReport;

/**
 * One record for the lifecycle processor: either a procedure the compiler emitted or an executor's report. Both
 * cross one repartition topic keyed by procedure id, so each procedure's emissions and reports meet, in order, on one
 * task whatever the partition counts of the steps and executions topics.
 */
public record LifecycleInput(CompiledProcedure procedure, ExecutionReport report) {
    public LifecycleInput {
        if ((procedure == null) == (report == null)) {
            throw new IllegalArgumentException("a lifecycle input holds exactly one of a procedure and a report");
        }
    }

    public static LifecycleInput of(CompiledProcedure procedure) {
        return new LifecycleInput(procedure, null);
    }

    public static LifecycleInput of(ExecutionReport report) {
        return new LifecycleInput(null, report);
    }
}
