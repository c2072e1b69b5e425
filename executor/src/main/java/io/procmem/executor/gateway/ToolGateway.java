package io.procmem.executor.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the executor reaches an agent's tools. Implementations must be thread-safe: concurrent runs share them.
 * A gateway makes each call once; retries are the runner's decision.
 */
public interface ToolGateway extends AutoCloseable {

    /** Whether this gateway can call {@code tool}, so a run can refuse before its first call rather than midway. */
    boolean handles(String tool);

    /**
     * Calls the tool once.
     *
     * @return the tool's result as JSON (a text result that is not JSON comes back as a JSON string)
     * @throws ToolCallException when the tool answered with an error or could not be reached
     */
    JsonNode call(ToolInvocation invocation) throws ToolCallException;

    /** Releases connections; the default has none. */
    @Override
    default void close() {
    }
}
