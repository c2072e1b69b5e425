package io.procmem.executor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ProcedureStep;
import io.procmem.avro.SideEffect;
import io.procmem.executor.TestProcedures;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.executor.sample.SampleToolServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * On a real broker: when a tool cannot be reached, a READ step is sent again up to the retry limit, while a WRITE
 * step is sent exactly once (a retried write could do the thing twice) and the run escalates.
 */
class ExecutorRetryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    private final ExecutorFixture fixture = new ExecutorFixture();
    private SampleToolServer tools;
    private ExecutorApp app;

    @BeforeEach
    void start() throws Exception {
        tools = SampleToolServer.start("127.0.0.1", 0);
        String unreachable = "http://127.0.0.1:" + closedPort() + "/tools/{tool}";
        Map<String, Object> settings = fixture.settings("retry-it");
        settings.put(ExecutorConfig.GATEWAY_TYPE, "http");
        settings.put(ExecutorConfig.GATEWAY_URL, tools.httpUrlTemplate());
        settings.put(ExecutorConfig.RETRY_MAX_ATTEMPTS, ATTEMPTS);
        settings.put(ExecutorConfig.RETRY_BACKOFF_MS, 10L);
        for (String tool : List.of("get_reservation_details", "cancel_reservation")) {
            settings.put("executor.tools." + tool + ".gateway", "http");
            settings.put("executor.tools." + tool + ".url", unreachable);
        }
        fixture.publish(procedure("p-read", "get_reservation_details(reservation_id)", SideEffect.READ));
        fixture.publish(procedure("p-write", "cancel_reservation(reservation_id)", SideEffect.WRITE));
        app = ExecutorApp.start(new ExecutorConfig(settings));
        await().atMost(ExecutorFixture.DEADLINE).until(() -> app.index().size() == 2);
    }

    @AfterEach
    void stop() {
        app.close();
        tools.close();
    }

    @Test
    void shouldRetryAnUnreachableReadButSendAnUnreachableWriteOnlyOnce() throws Exception {
        JsonNode read = run("p-read");
        JsonNode write = run("p-write");

        assertThat(read.path("outcome").asText()).isEqualTo("escalated");
        assertThat(read.path("failedCall").path("attempts").asInt()).isEqualTo(ATTEMPTS);
        assertThat(write.path("outcome").asText()).isEqualTo("escalated");
        assertThat(write.path("failedCall").path("tool").asText()).isEqualTo("cancel_reservation");
        assertThat(write.path("failedCall").path("attempts").asInt()).isEqualTo(1);
        assertThat(write.path("resumeIndex").asInt()).as("the agent resumes at the write it must decide").isEqualTo(1);
    }

    private JsonNode run(String id) throws Exception {
        String body = JSON.createObjectNode().set("inputs", JSON.createObjectNode()
                .put("user_id", "mia_li_3668").put("reservation_id", "NO6JO3")).toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.url() + "/v1/procedures/" + id + "/run"))
                .header("Authorization", "Bearer " + ExecutorFixture.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static CompiledProcedure procedure(String id, String second, SideEffect effect) {
        CompiledProcedure.Builder builder = TestProcedures.builder(id, 1, "get_user_details(user_id)", second);
        List<ProcedureStep> steps = new ArrayList<>(builder.getSteps());
        steps.set(1, ProcedureStep.newBuilder(steps.get(1)).setSideEffect(effect).build());
        return builder.setSteps(steps).build();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
