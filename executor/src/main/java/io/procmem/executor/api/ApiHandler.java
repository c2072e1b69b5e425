package io.procmem.executor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.avro.CompiledProcedure;
import io.procmem.executor.matching.ContinuationMatcher;
import io.procmem.executor.metrics.ExecutorMetrics;
import io.procmem.executor.store.ProcedureIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's HTTP/JSON API on Jetty's core handler API. Routes by path, then checks the method, so a known path
 * with the wrong method gets 405 (with {@code Allow}) rather than 404. Every error body is
 * {@code {"error": ..., "field": ...}}. Handlers block on the request body and on tool calls, which Jetty allows on
 * its pool threads since this handler declares itself blocking.
 *
 * <p>The run endpoints check the bearer token before reading the body (see {@link BearerAuth}); the read-only ones
 * (procedures, continuations, health, metrics, the OpenAPI document) are open.
 *
 * <p>Endpoints are described in {@code openapi.yaml}, which is also served at {@code GET /openapi.yaml}.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCEDURES = "/v1/procedures";
    private static final String RUN = "/run";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";

    private final ProcedureIndex index;
    private final ContinuationMatcher matcher;
    private final Supplier<Readiness> readiness;
    private final RunEndpoints runs;
    private final ExecutorMetrics metrics;
    private final int maxBodyBytes;

    public ApiHandler(ProcedureIndex index, Supplier<Readiness> readiness, RunEndpoints runs, ExecutorMetrics metrics,
                      int maxBodyBytes) {
        super(InvocationType.BLOCKING);
        this.index = index;
        this.matcher = new ContinuationMatcher(index);
        this.readiness = readiness;
        this.runs = runs;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        try {
            Reply reply = route(request, path);
            JsonExchange.send(response, callback, reply.status(), reply.contentType(), reply.body());
        } catch (ApiException e) {
            if (e.allow() != null) {
                response.getHeaders().put(HttpHeader.ALLOW, e.allow());
            }
            if (e.status() == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            JsonExchange.sendJson(response, callback, e.status(), error(e.getMessage(), e.field()));
        } catch (IOException | RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), path, e);
            JsonExchange.sendJson(response, callback, 500, error("internal error: " + e.getClass().getSimpleName(), null));
        }
        return true;
    }

    private Reply route(Request request, String path) throws IOException {
        String method = request.getMethod();
        if (path.equals("/v1/continuations")) {
            requireMethod(method, path, "POST");
            return json(200, continuations(JsonExchange.readBody(request, maxBodyBytes)));
        }
        if (path.equals("/v1/continuations/run")) {
            requireMethod(method, path, "POST");
            runs.authorize(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            return json(200, runs.continuation(JsonExchange.readBody(request, maxBodyBytes)));
        }
        if (path.equals(PROCEDURES)) {
            requireMethod(method, path, "GET");
            return json(200, procedures());
        }
        String toRun = procedureIdIn(path, RUN);
        if (toRun != null) {
            requireMethod(method, path, "POST");
            runs.authorize(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            CompiledProcedure procedure = runs.procedure(toRun);
            return json(200, runs.intent(procedure, JsonExchange.readBody(request, maxBodyBytes)));
        }
        String procedureId = procedureIdIn(path, "");
        if (procedureId != null) {
            requireMethod(method, path, "GET");
            return json(200, procedure(procedureId));
        }
        if (path.equals("/metrics")) {
            requireMethod(method, path, "GET");
            return new Reply(200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/health")) {
            requireMethod(method, path, "GET");
            Readiness state = readiness.get();
            ObjectNode body = JSON.createObjectNode().put("status", state.name()).put("procedures", index.size());
            return json(state == Readiness.UP ? 200 : 503, body);
        }
        if (path.equals("/openapi.yaml")) {
            requireMethod(method, path, "GET");
            return new Reply(200, "application/yaml", OpenApi.document());
        }
        throw ApiException.notFound(null, "no endpoint at " + path);
    }

    private JsonNode continuations(byte[] body) {
        ArrayNode matches = JSON.createArrayNode();
        matcher.match(ContinuationRequests.parse(body)).forEach(c -> matches.add(ProcedureJson.continuation(c)));
        ObjectNode reply = JSON.createObjectNode();
        reply.set("matches", matches);
        return reply;
    }

    private JsonNode procedures() {
        ArrayNode list = JSON.createArrayNode();
        index.all().stream().sorted(Comparator.comparing(CompiledProcedure::getProcedureId))
                .forEach(p -> list.add(ProcedureJson.summary(p)));
        ObjectNode reply = JSON.createObjectNode();
        reply.set("procedures", list);
        return reply;
    }

    /** The id of a {@code /v1/procedures/{id}<suffix>} path, or null for any other path. */
    private static String procedureIdIn(String path, String suffix) {
        if (!path.startsWith(PROCEDURES + "/") || !path.endsWith(suffix)) {
            return null;
        }
        String id = path.substring(PROCEDURES.length() + 1, path.length() - suffix.length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    private JsonNode procedure(String id) {
        return index.get(id).map(ProcedureJson::full)
                .orElseThrow(() -> ApiException.notFound("id", "no procedure with id '" + id + "'"));
    }

    private static void requireMethod(String method, String path, String allowed) {
        if (!allowed.equals(method)) {
            throw ApiException.methodNotAllowed(method, path, allowed);
        }
    }

    private static ObjectNode error(String message, String field) {
        ObjectNode node = JSON.createObjectNode().put("error", message);
        return field == null ? node : node.put("field", field);
    }

    private static Reply json(int status, JsonNode body) throws IOException {
        return new Reply(status, "application/json", JSON.writeValueAsBytes(body));
    }

    private record Reply(int status, String contentType, byte[] body) {
    }
}
