package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tool call the runner made.
 *
 * @param stepIndex the procedure step it belongs to
 * @param element   the element index for a foreach step, else null
 * @param result    the tool's result; null when the call failed
 * @param error     why the call failed, or null when it returned a result
 * @param attempts  how many times it was sent (more than one only for a retried read)
 */
public record ToolCall(int stepIndex, Integer element, String tool, JsonNode arguments, JsonNode result, String error,
                       int attempts) {

    public boolean failed() {
        return error != null;
    }
}
