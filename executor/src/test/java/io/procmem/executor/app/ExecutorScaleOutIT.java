package io.procmem.executor.app;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.TestProcedures;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.executor.sample.SampleToolServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two executors on one broker and one procedures topic serve the same procedures, old and newly published. */
class ExecutorScaleOutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = """
            {"sessionId": "%s", "steps": [{"tool": "get_user_details", "arguments": {"user_id": "mia_li_3668"},
             "result": {"user_id": "mia_li_3668", "reservations": ["NO6JO3", "AIXC49", "HKEG34"]}}]}""";

    private final ExecutorFixture fixture = new ExecutorFixture();
    private final HttpClient http = HttpClient.newHttpClient();
    private SampleToolServer tools;
    private ExecutorApp first;
    private ExecutorApp second;

    @BeforeEach
    void setUp() throws Exception {
        fixture.publish(userReservations("p-user-reservations", ProcedureStatus.AUTONOMOUS));
        tools = SampleToolServer.start("127.0.0.1", 0);
        first = ExecutorApp.start(new ExecutorConfig(settings("scale-1")));
        second = ExecutorApp.start(new ExecutorConfig(settings("scale-2")));
    }

    @AfterEach
    void tearDown() {
        second.close();
        first.close();
        tools.close();
    }

    @Test
    void shouldServeTheSameProceduresFromBothExecutors() throws Exception {
        for (ExecutorApp app : List.of(first, second)) {
            JsonNode matches = post(app, "/v1/continuations", SESSION.formatted("match-" + app.executorId()));
            assertThat(matches.get("matches")).extracting(m -> m.get("procedureId").asText())
                    .containsExactly("p-user-reservations");

            JsonNode served = post(app, "/v1/continuations/run", SESSION.formatted("run-" + app.executorId()));
            assertThat(served.get("outcome").asText()).as(served.toString()).isEqualTo("served");
            assertThat(served.get("calls")).hasSize(3);
        }
        assertThat(tools.calls().calls()).hasSize(6);
    }

    @Test
    void shouldDeliverAProcedurePublishedWhileBothRunToBoth() throws Exception {
        fixture.publish(TestProcedures.builder("p-late", 1, "lookup(order_id)", "refund(order_id)")
                .setStatus(ProcedureStatus.AUTONOMOUS).build());

        await().atMost(ExecutorFixture.DEADLINE).untilAsserted(() -> {
            assertThat(first.index().get("p-late")).isPresent();
            assertThat(second.index().get("p-late")).isPresent();
        });
    }

    private Map<String, Object> settings(String id) {
        Map<String, Object> settings = fixture.settings(id);
        settings.put(ExecutorConfig.GATEWAY_TYPE, "http");
        settings.put(ExecutorConfig.GATEWAY_URL, tools.httpUrlTemplate());
        return settings;
    }

    private JsonNode post(ExecutorApp app, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ExecutorFixture.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
