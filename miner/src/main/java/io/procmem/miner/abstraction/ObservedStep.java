package io.procmem.miner.abstraction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One successful tool call of a finished session, parsed: its abstract step, argument values and result. Lives only
 * while a session is being mined; never stored.
 *
 * @param index      0-based position in the session
 * @param arguments  the arguments object
 * @param result     the parsed result, or null when the agent sent none
 * @param resultJson the result as the agent sent it, or null; kept for sampling
 */
public record ObservedStep(int index, AbstractStep step, JsonNode arguments, JsonNode result, String resultJson) {

    /** The value of one argument, or null when the call did not pass it. */
    public JsonNode argument(String name) {
        return arguments.get(name);
    }
}
