package io.procmem.miner.lifecycle;

import io.procmem.avro.CompiledProcedure;

/**
 * The {@code procedure-lifecycle} store value: the procedure as last published (status, version and reason are the
 * lifecycle's) and the reports counted since its last status change.
 */
public record ProcedureLifecycle(CompiledProcedure procedure, LifecycleCounters counters) {
}
