package io.procmem.executor.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.executor.matching.ContinuationQuery;
import io.procmem.executor.matching.ObservedStep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks the body of {@code POST /v1/continuations}. Every refusal names the field at fault, so a caller
 * can fix its request without reading the server's logs. Unknown fields are ignored, so older executors accept
 * requests from newer clients.
 */
public final class ContinuationRequests {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ContinuationRequests() {
    }

    public static ContinuationQuery parse(byte[] body) {
        JsonNode root = readJson(body);
        if (!root.isObject()) {
            throw ApiException.badRequest("body", "request body must be a JSON object, got " + root.getNodeType());
        }
        return new ContinuationQuery(steps(root.get("steps")), fleet(root.get("fleet")), limit(root.get("limit")));
    }

    /** Parses a JSON body, reporting where it stops being JSON. */
    static JsonNode readJson(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("body", "request body is empty: send a JSON object");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest("body", "request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("body", "request body cannot be read: " + e.getMessage());
        }
    }

    static List<ObservedStep> steps(JsonNode steps) {
        if (steps == null || steps.isNull()) {
            throw ApiException.badRequest("steps", "steps is required: an array of {\"tool\", \"arguments\"} objects");
        }
        if (!steps.isArray()) {
            throw ApiException.badRequest("steps", "steps must be an array, got " + steps.getNodeType());
        }
        if (steps.isEmpty()) {
            throw ApiException.badRequest("steps", "steps must hold at least one step");
        }
        List<ObservedStep> parsed = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            parsed.add(step(steps.get(i), "steps[" + i + "]"));
        }
        return parsed;
    }

    private static ObservedStep step(JsonNode step, String path) {
        if (!step.isObject()) {
            throw ApiException.badRequest(path, path + " must be an object, got " + step.getNodeType());
        }
        JsonNode tool = step.get("tool");
        if (tool == null || !tool.isTextual() || tool.asText().isBlank()) {
            throw ApiException.badRequest(path + ".tool", path + ".tool must be a non-empty string");
        }
        JsonNode arguments = step.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            throw ApiException.badRequest(path + ".arguments",
                    path + ".arguments must be a JSON object, got " + arguments.getNodeType());
        }
        return new ObservedStep(tool.asText(), arguments, step.get("result"));
    }

    static String fleet(JsonNode fleet) {
        if (fleet == null || fleet.isNull()) {
            return null;
        }
        if (!fleet.isTextual() || fleet.asText().isBlank()) {
            throw ApiException.badRequest("fleet", "fleet must be a non-empty string when given");
        }
        return fleet.asText();
    }

    private static int limit(JsonNode limit) {
        if (limit == null || limit.isNull()) {
            return ContinuationQuery.DEFAULT_LIMIT;
        }
        if (!limit.canConvertToInt() || !limit.isIntegralNumber()
                || limit.asInt() < 1 || limit.asInt() > ContinuationQuery.MAX_LIMIT) {
            throw ApiException.badRequest("limit", "limit must be an integer from 1 to " + ContinuationQuery.MAX_LIMIT);
        }
        return limit.asInt();
    }
}
