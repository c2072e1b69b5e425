package io.procmem.executor.matching;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.schemas.shape.StepShapes;
import java.util.Objects;

/**
 * One tool call an agent has made so far. Only the tool and the argument names matter for matching; the result is
 * carried for callers that run the continuation (bindings from step results) and is unused by the matcher.
 *
 * @param arguments a JSON object, or null for a call without arguments
 * @param result    the tool's result, or null when not known
 */
public record ObservedStep(String tool, JsonNode arguments, JsonNode result) {
    public ObservedStep {
        Objects.requireNonNull(tool, "tool");
    }

    public static ObservedStep of(String tool, JsonNode arguments) {
        return new ObservedStep(tool, arguments, null);
    }

    /** The abstract step, as the miner computed it for the procedures. */
    public String abstractStep() {
        return StepShapes.of(tool, arguments);
    }
}
