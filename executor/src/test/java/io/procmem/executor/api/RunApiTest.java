package io.procmem.executor.api;

import static io.procmem.executor.Routines.input;
import static io.procmem.executor.Routines.procedure;
import static io.procmem.executor.Routines.step;
import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ProcedureStatus;
import io.procmem.avro.SideEffect;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.metrics.ExecutorMetrics;
import io.procmem.executor.runner.ScriptedGateway;
import io.procmem.executor.store.ProcedureIndex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-token";
    private static final String CONTINUATION = """
            {"sessionId": "s-1", "fleet": "default", "request": {"text": "my reservations", "params": {"lang": "en"}},
             "steps": [{"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"},
                        "result": {"reservations": ["NO6JO3", "AIXC49"]}}]}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ProcedureIndex index = new ProcedureIndex();
    private final ExecutorMetrics metrics = new ExecutorMetrics(1000);
    private final ScriptedGateway gateway = new ScriptedGateway()
            .on("get_user_details", args -> JSON.createObjectNode().set("reservations", JSON.createArrayNode().add("NO6JO3")))
            .on("get_reservation_details", args -> JSON.createObjectNode().set("id", args.get("reservation_id")))
            .on("pay", args -> {
                throw ToolCallException.toolError("card " + args.get("card_number").asText() + " declined");
            });
    private ExecutorServer server;
    private ExecutorServer closed;

    @BeforeEach
    void start() {
        index.put(userReservations("p-reservations", ProcedureStatus.AUTONOMOUS));
        index.put(userReservations("p-shadow", ProcedureStatus.SHADOW));
        index.put(procedure("p-pay", ProcedureStatus.AUTONOMOUS,
                step(0, "pay", SideEffect.WRITE, null, input("card_number"), input("user_id"))));
        server = ExecutorServer.start("127.0.0.1", 0, ApiFixture.handler(index, () -> Readiness.UP, 1 << 16, gateway,
                TOKEN, metrics));
        closed = ExecutorServer.start("127.0.0.1", 0, ApiFixture.handler(index, () -> Readiness.UP, 1 << 16, gateway,
                null, metrics));
    }

    @AfterEach
    void stop() {
        server.close();
        closed.close();
    }

    @Test
    void shouldRunTheContinuationAndAnswerTheCallsItServed() throws Exception {
        HttpResponse<String> response = post(server, "/v1/continuations/run", CONTINUATION, TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("outcome").asText()).isEqualTo("served");
        assertThat(answer.get("procedureId").asText()).isEqualTo("p-reservations");
        assertThat(answer.get("calls")).extracting(c -> c.get("arguments").get("reservation_id").asText())
                .containsExactly("NO6JO3", "AIXC49");
        assertThat(answer.get("calls").get(1).get("result")).isEqualTo(JSON.readTree("{\"id\": \"AIXC49\"}"));
        assertThat(answer.get("calls").get(1).get("element").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseARunWithoutTokenOrWithAWrongOneAndCallNoTool() throws Exception {
        HttpResponse<String> without = post(server, "/v1/continuations/run", CONTINUATION, null);
        HttpResponse<String> wrong = post(server, "/v1/procedures/p-reservations/run", "{\"inputs\": {}}", "guess");

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(JSON.readTree(without.body()).get("error").asText()).contains("Authorization: Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not valid").doesNotContain(TOKEN).doesNotContain("guess");
        assertThat(gateway.invocations()).isEmpty();
    }

    @Test
    void shouldTurnRunEndpointsOffWhenNoTokenIsConfiguredButKeepReadingOpen() throws Exception {
        HttpResponse<String> run = post(closed, "/v1/continuations/run", CONTINUATION, TOKEN);

        assertThat(run.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(run.body()).get("error").asText()).contains("executor.api.token");
        assertThat(get(closed, "/v1/procedures").statusCode()).isEqualTo(200);
        assertThat(post(closed, "/v1/continuations", CONTINUATION, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseABadRunRequestNamingTheField() throws Exception {
        assertError(post(server, "/v1/continuations/run", "{\"steps\": [{\"arguments\": {}}]}", TOKEN), 400, "steps[0].tool");
        assertError(post(server, "/v1/continuations/run", "{\"request\": {\"params\": [1]}, \"steps\": [{\"tool\": \"t\"}]}",
                TOKEN), 400, "request.params");
        assertError(post(server, "/v1/continuations/run", "{\"sessionId\": 7, \"steps\": [{\"tool\": \"t\"}]}", TOKEN),
                400, "sessionId");
        assertError(post(server, "/v1/procedures/p-reservations/run", "{\"inputs\": [\"mia\"]}", TOKEN), 400, "inputs");
    }

    @Test
    void shouldRefuseAnIntentRunMissingAnInputNamingIt() throws Exception {
        HttpResponse<String> response = post(server, "/v1/procedures/p-reservations/run", "{\"inputs\": {}}", TOKEN);

        assertError(response, 400, "inputs.user_id");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("input user_id");
    }

    @Test
    void shouldAnswer404ForAnUnknownProcedureAnd409ForOneNotServed() throws Exception {
        assertError(post(server, "/v1/procedures/p-nope/run", "{\"inputs\": {}}", TOKEN), 404, "id");
        assertError(post(server, "/v1/procedures/p-shadow/run", "{\"inputs\": {\"user_id\": \"u\"}}", TOKEN), 409, "id");
    }

    @Test
    void shouldRedactSecretsInAnEscalation() throws Exception {
        HttpResponse<String> response = post(server, "/v1/procedures/p-pay/run",
                "{\"inputs\": {\"card_number\": \"4111111111111111\", \"user_id\": \"mia\"}}", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("outcome").asText()).isEqualTo("escalated");
        assertThat(answer.get("resumeIndex").asInt()).isZero();
        assertThat(answer.get("check").get("kind").asText()).isEqualTo("TOOL_ERROR");
        assertThat(answer.get("failedCall").get("arguments")).isEqualTo(JSON.readTree(
                "{\"card_number\": \"***\", \"user_id\": \"mia\"}"));
        assertThat(response.body()).doesNotContain("4111111111111111");
        assertThat(gateway.invocations()).singleElement()
                .satisfies(i -> assertThat(i.idempotencyKey()).startsWith(answer.get("runId").asText() + "-0"));
    }

    @Test
    void shouldCountOutcomesAndDecisionsAvoidedInMetrics() throws Exception {
        post(server, "/v1/continuations/run", CONTINUATION, TOKEN);
        post(server, "/v1/continuations/run", "{\"steps\": [{\"tool\": \"unknown\"}]}", TOKEN);

        HttpResponse<String> response = get(server, "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(response.body())
                .contains("procmem_executor_runs_total{outcome=\"served\"} 1.0")
                .contains("procmem_executor_runs_total{outcome=\"no_match\"} 1.0")
                .contains("procmem_executor_runs_total{outcome=\"escalated\"} 0.0")
                .contains("procmem_executor_decisions_avoided_total 2.0")
                .contains("procmem_executor_tokens_avoided_estimate_total 2000.0")
                .contains("procmem_executor_run_seconds_count{procedure=\"p-reservations\"} 1");
    }

    private static void assertError(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }

    private HttpResponse<String> post(ExecutorServer target, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ExecutorServer target, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(target.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
