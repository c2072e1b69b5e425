package io.procmem.executor.binding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What bindings read while one procedure runs: the procedure's inputs, the request's structured parameters, and the
 * result of each procedure step done so far (by the procedure's own 0-based index). In continuation mode the steps
 * the agent already ran are the procedure's first steps and their recorded results come first.
 *
 * <p>A foreach step's result is the list of its calls' results, in element order. Not thread-safe: one per run.
 */
public final class RunContext {
    private final Map<String, JsonNode> inputs;
    private final JsonNode requestParams;
    private final List<JsonNode> results;

    /**
     * @param requestParams the request's parameters object, or null when the request has none
     * @param priorResults  results of the procedure's first steps, already done (null where a result is unknown)
     */
    public RunContext(Map<String, JsonNode> inputs, JsonNode requestParams, List<JsonNode> priorResults) {
        this.inputs = new HashMap<>(inputs);
        this.requestParams = requestParams;
        this.results = new ArrayList<>(priorResults);
    }

    /** The input's value, or null when it was not given. */
    public JsonNode input(String name) {
        return inputs.get(name);
    }

    public JsonNode requestParams() {
        return requestParams;
    }

    /** The result of step {@code index}, or null when that step has not run or its result is unknown. */
    public JsonNode result(int index) {
        return index >= 0 && index < results.size() ? results.get(index) : null;
    }

    /** Records the result of the next step (the one after those with a result so far). */
    public void record(JsonNode result) {
        results.add(result);
    }
}
