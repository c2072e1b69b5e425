package io.procmem.executor.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.executor.matching.ObservedStep;
import java.util.List;

/**
 * A continuation request: an agent's session so far, to be continued by the best matching procedure.
 *
 * @param sessionId     the agent's session, or null
 * @param fleet         only this fleet's procedures, or null for any
 * @param requestText   what the user asked, or null; carried for trigger keywords, which matching does not use yet
 * @param requestParams the request's structured parameters, or null
 * @param steps         the session's tool calls so far, oldest first, with their results
 */
public record SessionRun(String sessionId, String fleet, String requestText, JsonNode requestParams,
                         List<ObservedStep> steps) {
    public SessionRun {
        steps = List.copyOf(steps);
    }
}
