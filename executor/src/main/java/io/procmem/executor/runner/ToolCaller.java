package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.gateway.ToolGateway;
import io.procmem.executor.gateway.ToolInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one step's call through the gateway. A READ whose call does not get through is retried per the
 * {@link RetryPolicy}; WRITE and UNKNOWN steps are sent once (an answer lost on the way back may hide a write that
 * happened) and carry the idempotency key {@code <runId>-<step>}, plus {@code -<element>} in a foreach, so a caller
 * repeating the same run cannot make a tool act twice.
 */
final class ToolCaller {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCaller.class);

    private final ToolGateway gateway;
    private final RetryPolicy retry;

    ToolCaller(ToolGateway gateway, RetryPolicy retry) {
        this.gateway = gateway;
        this.retry = retry;
    }

    boolean handles(String tool) {
        return gateway.handles(tool);
    }

    /** The call as made: with its result, or with its error after the last attempt. */
    ToolCall call(String runId, ProcedureStep step, Integer element, ObjectNode arguments) {
        boolean read = step.getSideEffect() == SideEffect.READ;
        String key = read ? null : runId + "-" + step.getIndex() + (element == null ? "" : "-" + element);
        ToolInvocation invocation = new ToolInvocation(step.getTool(), arguments, key);
        int allowed = read ? retry.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                JsonNode result = gateway.call(invocation);
                return new ToolCall(step.getIndex(), element, step.getTool(), arguments, result, null, attempt);
            } catch (ToolCallException e) {
                if (!e.retryable() || attempt >= allowed || !pause(attempt)) {
                    return new ToolCall(step.getIndex(), element, step.getTool(), arguments, null, e.getMessage(), attempt);
                }
                LOG.debug("run {}: attempt {} of {} failed, retrying: {}", runId, attempt, step.getTool(), e.getMessage());
            }
        }
    }

    private boolean pause(int attempt) {
        try {
            Thread.sleep(retry.backoffAfter(attempt).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
