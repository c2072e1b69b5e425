package io.procmem.executor.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The sample tools over the plain HTTP gateway's convention: {@code POST /tools/<name>} with the arguments object
 * as the body answers 200 with the result, 422 {@code {"error": ...}} when the tool refuses, 404 for an unknown tool
 * and 400 for a body that is not a JSON object. A write's idempotency key comes in the {@code Idempotency-Key} header.
 */
final class HttpToolsServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient AirlineTools tools;

    HttpToolsServlet(AirlineTools tools) {
        this.tools = tools;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String tool = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!tools.has(tool)) {
            answer(response, 404, error("Error: unknown tool " + tool));
            return;
        }
        JsonNode arguments;
        try {
            arguments = JSON.readTree(request.getInputStream());
        } catch (JsonProcessingException e) {
            answer(response, 400, error("request body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        if (arguments == null || !arguments.isObject()) {
            answer(response, 400, error("request body must be a JSON object of arguments"));
            return;
        }
        try {
            answer(response, 200, tools.call("http", tool, arguments, request.getHeader("Idempotency-Key")));
        } catch (ToolFailure e) {
            answer(response, 422, error(e.getMessage()));
        }
    }

    private static JsonNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void answer(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
