package io.procmem.executor.api;

import static io.procmem.executor.TestProcedures.builder;
import static io.procmem.executor.TestProcedures.procedure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.store.ProcedureIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExecutorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 2048;
    private static final ProcedureIndex INDEX = new ProcedureIndex();
    private static final AtomicReference<Readiness> READINESS = new AtomicReference<>(Readiness.UP);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ExecutorServer server;

    @BeforeAll
    static void startServer() {
        INDEX.put(procedure("p-cancel", 2, "get_user_details(user_id)", "get_reservation_details(reservation_id)",
                "cancel_reservation(reservation_id)"));
        INDEX.put(builder("p-retired", 1, "get_user_details(user_id)", "list_all_airports()")
                .setStatus(ProcedureStatus.RETIRED).build());
        server = ExecutorServer.start("127.0.0.1", 0, ApiFixture.readOnly(INDEX, READINESS::get, MAX_BODY));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void shouldAnswerContinuationWithTheStepsLeftToRun() throws Exception {
        HttpResponse<String> response = post("/v1/continuations", """
                {"fleet": "default", "steps": [
                  {"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"}},
                  {"tool": "get_reservation_details", "arguments": {"reservation_id": "NO6JO3"}}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode matches = JSON.readTree(response.body()).get("matches");
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).get("procedureId").asText()).isEqualTo("p-cancel");
        assertThat(matches.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(matches.get(0).get("matchedSteps").asInt()).isEqualTo(2);
        assertThat(matches.get(0).get("remainingSteps").toString()).isEqualTo("[{\"index\":2,\"tool\":\"cancel_reservation\","
                + "\"abstractStep\":\"cancel_reservation(reservation_id)\",\"arguments\":[\"reservation_id\"]}]");
        assertThat(matches.get(0).get("support").get("occurrences").asLong()).isEqualTo(10);
    }

    @Test
    void shouldAnswerEmptyMatchesWhenNothingContinuesTheSteps() throws Exception {
        HttpResponse<String> response = post("/v1/continuations", "{\"steps\": [{\"tool\": \"unknown_tool\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"matches\": []}"));
    }

    @Test
    void shouldRefuseBadFieldWith400NamingIt() throws Exception {
        HttpResponse<String> response = post("/v1/continuations", """
                {"steps": [{"tool": "get_user_details", "arguments": {}}, {"tool": ""}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                {"error": "steps[1].tool must be a non-empty string", "field": "steps[1].tool"}"""));
    }

    @Test
    void shouldRefuseInvalidJsonWith400NamingThePosition() throws Exception {
        HttpResponse<String> response = post("/v1/continuations", "{\"steps\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("field").asText()).isEqualTo("body");
        assertThat(error.get("error").asText()).contains("not valid JSON at line 1, column");
    }

    @Test
    void shouldRefuseBodyOverTheLimitWith413() throws Exception {
        HttpResponse<String> response = post("/v1/continuations", "{\"steps\": [], \"pad\": \"" + "x".repeat(MAX_BODY) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(String.valueOf(MAX_BODY));
    }

    @Test
    void shouldListEveryProcedureWithStatusAndSupport() throws Exception {
        HttpResponse<String> response = get("/v1/procedures");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body()).get("procedures");
        assertThat(list).extracting(p -> p.get("procedureId").asText()).containsExactly("p-cancel", "p-retired");
        assertThat(list).extracting(p -> p.get("status").asText()).containsExactly("CANDIDATE", "RETIRED");
        assertThat(list.get(0).get("support").get("sessions").asLong()).isEqualTo(10);
    }

    @Test
    void shouldReturnOneProcedureInFull() throws Exception {
        HttpResponse<String> response = get("/v1/procedures/p-cancel");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode procedure = JSON.readTree(response.body());
        assertThat(procedure.get("signature").asText()).startsWith("get_user_details(user_id) > ");
        assertThat(procedure.get("steps")).hasSize(3);
    }

    @Test
    void shouldAnswer404NamingAnUnknownProcedureId() throws Exception {
        HttpResponse<String> response = get("/v1/procedures/p-nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                {"error": "no procedure with id 'p-nope'", "field": "id"}"""));
    }

    @Test
    void shouldAnswer404ForAnUnknownPath() throws Exception {
        HttpResponse<String> response = get("/v2/elsewhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("no endpoint at /v2/elsewhere");
    }

    @Test
    void shouldAnswer405WithAllowForTheWrongMethod() throws Exception {
        HttpResponse<String> response = get("/v1/continuations");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("method GET is not allowed");
    }

    @Test
    void shouldReportHealthWithProcedureCount() throws Exception {
        HttpResponse<String> up = get("/health");
        READINESS.set(Readiness.STARTING);
        HttpResponse<String> starting;
        try {
            starting = get("/health");
        } finally {
            READINESS.set(Readiness.UP);
        }

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(up.body())).isEqualTo(JSON.readTree("{\"status\": \"UP\", \"procedures\": 2}"));
        assertThat(starting.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(starting.body()).get("status").asText()).isEqualTo("STARTING");
    }

    @Test
    void shouldServeItsOpenApiDescription() throws Exception {
        HttpResponse<String> response = get("/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.0").contains("/v1/continuations:");
    }

    @Test
    void shouldDescribeEveryEndpointItServesInItsOpenApiDescription() throws Exception {
        assertThat(get("/openapi.yaml").body()).contains("  /v1/continuations/run:", "  /v1/procedures/{id}/run:",
                "  /v1/procedures/{id}:", "  /v1/procedures:", "  /metrics:", "  /health:", "bearerAuth");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }
}
