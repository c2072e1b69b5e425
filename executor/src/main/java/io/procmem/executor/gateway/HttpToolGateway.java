package io.procmem.executor.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls tools over plain HTTP/JSON: POSTs the arguments object to a URL template ({@code {tool}} is replaced by the
 * tool's name, URL-encoded) and takes the response body as the result. A 2xx is a result; any other status is a tool
 * error, retryable only for 408, 429 and 5xx (the tool may answer later). Steps that may write carry their
 * idempotency key in the {@code Idempotency-Key} header.
 *
 * <p>A body that is not JSON is returned as a JSON string; an empty body as JSON null.
 */
public final class HttpToolGateway implements ToolGateway {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_CHARS = 300;

    private final String urlTemplate;
    private final Duration timeout;
    private final HttpClient http;

    /** @param urlTemplate e.g. {@code http://tools:9000/tools/{tool}}; without {@code {tool}} every tool posts there */
    public HttpToolGateway(String urlTemplate, Duration timeout) {
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean handles(String tool) {
        return true;
    }

    @Override
    public JsonNode call(ToolInvocation invocation) throws ToolCallException {
        URI uri = URI.create(urlTemplate.replace("{tool}", URLEncoder.encode(invocation.tool(), StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(invocation.arguments().toString()));
        if (invocation.idempotencyKey() != null) {
            request.header(IDEMPOTENCY_HEADER, invocation.idempotencyKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw ToolCallException.transport(invocation.tool() + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw ToolCallException.transport("cannot reach " + invocation.tool() + " at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolCallException.unavailable("interrupted while calling " + invocation.tool());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body(response.body());
        }
        String message = invocation.tool() + " answered HTTP " + status + ": " + abbreviated(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            throw ToolCallException.transport(message, null);
        }
        throw ToolCallException.toolError(message);
    }

    private static JsonNode body(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }

    private static String abbreviated(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
