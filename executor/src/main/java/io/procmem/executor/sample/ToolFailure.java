package io.procmem.executor.sample;

/** A sample tool's refusal (unknown id, missing argument, ...): answered as a tool error, not a server fault. */
public final class ToolFailure extends Exception {
    public ToolFailure(String message) {
        super(message);
    }
}
