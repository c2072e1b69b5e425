package io.procmem.executor.runner;

/**
 * The check a run failed, which is why it escalated. Its message names arguments, paths and tools, never argument
 * values, so it can be shown and logged (a tool's own error text is passed through the redactor before it is).
 *
 * @param stepIndex the procedure step at fault
 * @param argument  the argument at fault, or null
 * @param path      the binding source or result path at fault, or null
 */
public record Check(Kind kind, int stepIndex, String tool, String argument, String path, String message) {

    public enum Kind {
        /** A step's argument (or foreach list) had no value where its binding points; checked before the step. */
        UNRESOLVED_ARGUMENT,
        /** The tool answered with an error or could not be reached. */
        TOOL_ERROR,
        /** A step's result lacks a value a later step reads; checked right after the step. */
        MISSING_RESULT_FIELD,
        /** No gateway can call the step's tool; checked before the run's first call. */
        NO_GATEWAY
    }
}
