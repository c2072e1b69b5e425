package io.procmem.executor.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One call of an agent's tool that the executor is about to make.
 *
 * @param arguments      the call's arguments
 * @param idempotencyKey a key the tool can use to recognise a repeated call (sent for every step that may write), or
 *                       null for a read
 */
public record ToolInvocation(String tool, ObjectNode arguments, String idempotencyKey) {
    public ToolInvocation {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
    }
}
