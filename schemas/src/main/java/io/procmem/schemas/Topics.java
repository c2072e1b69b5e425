package io.procmem.schemas;

/**
 * Default names of procmem's topics. Every module reads the actual names from its configuration; these are the
 * defaults it falls back to, kept in one place so the modules agree.
 */
public final class Topics {
    /** Agent step events (AgentEvent), keyed by session id. */
    public static final String STEPS = "procmem.steps";
    /** Compiled procedures (CompiledProcedure), keyed by procedure id; compacted. */
    public static final String PROCEDURES = "procmem.procedures";
    /** Executor reports (ExecutionReport), keyed by procedure id. */
    public static final String EXECUTIONS = "procmem.executions";
    /** Windowed pattern counts for analysts. */
    public static final String PATTERN_TRENDS = "procmem.pattern-trends";
    /** Records that could not be processed (DeadLetter), keyed by the original key. */
    public static final String DLQ = "procmem.dlq";

    private Topics() {
    }
}
