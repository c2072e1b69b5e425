package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.avro.CompiledProcedure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One run to make: which procedure, from which step, with what.
 *
 * @param runId         identifies the run in reports and idempotency keys
 * @param startStep     the first step to run; steps before it were run by the agent
 * @param priorResults  the recorded results of steps {@code 0..startStep-1} (an element may be null: unknown)
 * @param inputs        the procedure's inputs
 * @param requestParams the request's structured parameters, or null
 * @param sessionSteps  how many steps the agent's session holds before the run (for the resume index)
 */
public record RunPlan(String runId, CompiledProcedure procedure, int startStep, List<JsonNode> priorResults,
                      Map<String, JsonNode> inputs, JsonNode requestParams, int sessionSteps) {
    public RunPlan {
        if (priorResults.size() != startStep) {
            throw new IllegalArgumentException("a run from step " + startStep + " needs " + startStep
                    + " prior results, got " + priorResults.size());
        }
        if (startStep >= procedure.getSteps().size()) {
            throw new IllegalArgumentException("procedure " + procedure.getProcedureId() + " has no step " + startStep);
        }
        // List.copyOf refuses nulls, and an unknown prior result is a null.
        priorResults = Collections.unmodifiableList(new ArrayList<>(priorResults));
        inputs = Map.copyOf(inputs);
    }

    /** A whole procedure with the caller's inputs: intent mode. */
    public static RunPlan intent(String runId, CompiledProcedure procedure, Map<String, JsonNode> inputs,
                                 JsonNode requestParams) {
        return new RunPlan(runId, procedure, 0, List.of(), inputs, requestParams, 0);
    }
}
