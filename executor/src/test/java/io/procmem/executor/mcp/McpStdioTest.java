package io.procmem.executor.mcp;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.gateway.Gateways;
import io.procmem.executor.runner.ProcedureRunner;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RetryPolicy;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.runner.ServePolicy;
import io.procmem.executor.store.ProcedureIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The stdio transport, spoken line by line as an MCP client launching the executor would. */
class McpStdioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListTheServableProceduresOverStdio() throws Exception {
        ProcedureIndex index = new ProcedureIndex();
        index.put(userReservations("p-served", ProcedureStatus.AUTONOMOUS));
        index.put(userReservations("p-candidate", ProcedureStatus.CANDIDATE));
        RunService service = new RunService(index, new ProcedureRunner(Gateways.build(null, Map.of()), RetryPolicy.none()),
                new ServePolicy(false), List.of(), Redactor.defaults(), Clock.systemUTC());
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream();
        PipedInputStream fromServer = new PipedInputStream(serverOut, 1 << 16);
        List<JsonNode> answers = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(fromServer, answers), "stdio-test-reader");
        reader.setDaemon(true);
        reader.start();

        try (McpFront front = McpFront.stdio(new McpFront.Settings(service, index, new ServePolicy(false),
                Redactor.defaults(), 10, Duration.ofMinutes(1)), serverIn, serverOut)) {
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream().anyMatch(a -> a.path("id").asInt() == 1));
            send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream().anyMatch(a -> a.path("id").asInt() == 2));
        }
        JsonNode list = answers.stream().filter(a -> a.path("id").asInt() == 2).findFirst().orElseThrow();
        assertThat(list.at("/result/tools")).extracting(t -> t.get("name").asText()).containsExactly("proc_served");
        JsonNode initialized = answers.stream().filter(a -> a.path("id").asInt() == 1).findFirst().orElseThrow();
        assertThat(initialized.at("/result/capabilities/tools/listChanged").asBoolean()).isTrue();
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void readLines(PipedInputStream in, List<JsonNode> answers) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                answers.add(JSON.readTree(line));
            }
        } catch (Exception e) {
            // The pipe breaks when the server closes; the assertions say whether what was read is enough.
        }
    }
}
