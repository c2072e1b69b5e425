package io.procmem.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.ingest.trajectory.RecordedStep;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A small client of the executor's HTTP API, for the demo and the command line. */
public final class ExecutorClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public ExecutorClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The continuation request body for steps an agent has run. */
    public static ObjectNode continuationRequest(List<RecordedStep> steps) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("steps");
        for (RecordedStep step : steps) {
            ObjectNode s = array.addObject();
            s.put("tool", step.tool());
            s.set("arguments", JSON.readTree(step.argumentsJson()));
            if (step.resultJson() != null) {
                s.set("result", JSON.readTree(step.resultJson()));
            }
        }
        return body;
    }

    /** POSTs a continuation query and returns the answer; a non-2xx answer is an exception carrying its body. */
    public JsonNode continuations(JsonNode request) throws IOException, InterruptedException {
        return post(baseUrl + "/v1/continuations", request, null);
    }

    /** Asks the executor to run the rest of the matching procedure, with the API token. */
    public JsonNode runContinuation(JsonNode request, String token) throws IOException, InterruptedException {
        return post(baseUrl + "/v1/continuations/run", request, token);
    }

    /** POSTs JSON to any URL (the executor's, or a tool's) and returns the JSON answer. */
    public JsonNode post(String url, JsonNode body, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
