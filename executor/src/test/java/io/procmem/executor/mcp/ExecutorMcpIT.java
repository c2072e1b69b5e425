package io.procmem.executor.mcp;

import static io.procmem.executor.Routines.userReservations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.procmem.avro.ProcedureStatus;
import io.procmem.executor.TestProcedures;
import io.procmem.executor.app.ExecutorApp;
import io.procmem.executor.app.ExecutorFixture;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.executor.sample.SampleToolServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The executor as an MCP server, seen by the SDK's own client over streamable HTTP: procedures listed as tools, a
 * tool call running the procedure against the sample airline (HTTP gateway), the list following the topic.
 */
class ExecutorMcpIT {
    private final ExecutorFixture fixture = new ExecutorFixture();
    private final List<List<McpSchema.Tool>> changes = new CopyOnWriteArrayList<>();
    private SampleToolServer tools;
    private ExecutorApp app;
    private McpSyncClient client;

    @BeforeEach
    void setUp() throws Exception {
        fixture.publish(userReservations("p-user-reservations", ProcedureStatus.AUTONOMOUS));
        fixture.publish(userReservations("p-shadowed", ProcedureStatus.SHADOW));
        tools = SampleToolServer.start("127.0.0.1", 0);
        Map<String, Object> settings = fixture.settings("mcp-it");
        settings.put(ExecutorConfig.GATEWAY_TYPE, "http");
        settings.put(ExecutorConfig.GATEWAY_URL, tools.httpUrlTemplate());
        app = ExecutorApp.start(new ExecutorConfig(settings));
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(app.url())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + ExecutorFixture.TOKEN))
                .build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).toolsChangeConsumer(changes::add)
                .build();
        client.initialize();
    }

    @AfterEach
    void tearDown() {
        client.close();
        app.close();
        tools.close();
    }

    @Test
    void shouldListServableProceduresAsToolsWithTheirInputs() {
        List<McpSchema.Tool> listed = client.listTools().tools();

        assertThat(listed).extracting(McpSchema.Tool::name).containsExactly("proc_user-reservations");
        McpSchema.Tool tool = listed.get(0);
        assertThat(tool.inputSchema()).containsEntry("required", List.of("user_id"));
        assertThat(tool.description()).contains("get_user_details(user_id)");
    }

    @Test
    void shouldRunTheProcedureWhenItsToolIsCalled() {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("proc_user-reservations")
                .arguments(Map.of("user_id", "mia_li_3668")).build());

        assertThat(result.isError()).as(String.valueOf(result)).isFalse();
        Map<?, ?> outcome = (Map<?, ?>) result.structuredContent();
        assertThat(outcome.get("outcome")).isEqualTo("served");
        assertThat((List<?>) outcome.get("calls")).hasSize(4);
        assertThat(tools.calls().calls()).hasSize(4);
    }

    @Test
    void shouldAnswerAnErrorNamingTheMissingInput() {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("proc_user-reservations")
                .arguments(Map.of()).build());

        assertThat(result.isError()).isTrue();
        assertThat(result.content().toString()).contains("user_id");
        assertThat(tools.calls().calls()).isEmpty();
    }

    @Test
    void shouldFollowTheProceduresTopicAndTellClientsTheListChanged() throws Exception {
        fixture.publish(TestProcedures.builder("p-new-routine", 1, "lookup(order_id)", "refund(order_id)")
                .setStatus(ProcedureStatus.AUTONOMOUS).build());

        await().atMost(ExecutorFixture.DEADLINE).untilAsserted(() -> assertThat(client.listTools().tools())
                .extracting(McpSchema.Tool::name).contains("proc_new-routine", "proc_user-reservations"));
        await().atMost(ExecutorFixture.DEADLINE).untilAsserted(() -> assertThat(changes).isNotEmpty());
    }

    @Test
    void shouldRefuseMcpWithoutTheBearerToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
}
