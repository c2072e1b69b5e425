package io.procmem.executor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.executor.runner.SessionRun;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and checks the bodies of the run endpoints. Every refusal names the field at fault; unknown fields are
 * ignored, as for {@link ContinuationRequests}.
 */
public final class RunRequests {

    /**
     * The body of {@code POST /v1/procedures/{id}/run}.
     *
     * @param inputs        the procedure's inputs by name
     * @param requestParams the request's parameters object, or null
     * @param sessionId     the caller's session, or null
     */
    record IntentRequest(Map<String, JsonNode> inputs, JsonNode requestParams, String sessionId) {
    }

    private RunRequests() {
    }

    /**
     * The body of {@code POST /v1/continuations/run} (also the value of a request on the requests topic).
     *
     * @throws ApiException naming the field at fault
     */
    public static SessionRun continuation(byte[] body) {
        JsonNode root = object(body);
        JsonNode request = request(root.get("request"));
        return new SessionRun(optionalText(root.get("sessionId"), "sessionId"), ContinuationRequests.fleet(root.get("fleet")),
                request == null ? null : optionalText(request.get("text"), "request.text"), params(request),
                ContinuationRequests.steps(root.get("steps")));
    }

    static IntentRequest intent(byte[] body) {
        JsonNode root = object(body);
        JsonNode inputs = root.get("inputs");
        if (inputs != null && !inputs.isNull() && !inputs.isObject()) {
            throw ApiException.badRequest("inputs", "inputs must be a JSON object of input values, got " + inputs.getNodeType());
        }
        Map<String, JsonNode> values = new HashMap<>();
        if (inputs != null && inputs.isObject()) {
            inputs.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        }
        return new IntentRequest(values, params(request(root.get("request"))), optionalText(root.get("sessionId"), "sessionId"));
    }

    private static JsonNode object(byte[] body) {
        JsonNode root = ContinuationRequests.readJson(body);
        if (!root.isObject()) {
            throw ApiException.badRequest("body", "request body must be a JSON object, got " + root.getNodeType());
        }
        return root;
    }

    private static JsonNode request(JsonNode request) {
        if (request == null || request.isNull()) {
            return null;
        }
        if (!request.isObject()) {
            throw ApiException.badRequest("request", "request must be an object {\"text\", \"params\"}, got "
                    + request.getNodeType());
        }
        return request;
    }

    private static JsonNode params(JsonNode request) {
        JsonNode params = request == null ? null : request.get("params");
        if (params == null || params.isNull()) {
            return null;
        }
        if (!params.isObject()) {
            throw ApiException.badRequest("request.params", "request.params must be a JSON object, got "
                    + params.getNodeType());
        }
        return params;
    }

    private static String optionalText(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(field, field + " must be a non-empty string when given");
        }
        return value.asText();
    }
}
