package io.procmem.executor.gateway;

/**
 * A tool call that did not give a usable result: either the tool answered with an error (the call happened and
 * said no; repeating it would say no again) or the call did not get through (timeout, connection refused, a 5xx),
 * which may succeed when repeated. Only the second kind is {@link #retryable()}; whether a step is retried at all
 * is the runner's decision (reads only).
 */
public final class ToolCallException extends Exception {
    private final boolean retryable;

    private ToolCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** The tool answered with an error. */
    public static ToolCallException toolError(String message) {
        return new ToolCallException(message, false, null);
    }

    /** The call did not get through; repeating it may work. */
    public static ToolCallException transport(String message, Throwable cause) {
        return new ToolCallException(message, true, cause);
    }

    /** The call cannot be made at all (e.g. no gateway configured), whatever is retried. */
    public static ToolCallException unavailable(String message) {
        return new ToolCallException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
