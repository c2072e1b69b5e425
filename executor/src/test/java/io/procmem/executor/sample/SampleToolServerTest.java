package io.procmem.executor.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.executor.gateway.HttpToolGateway;
import io.procmem.executor.gateway.McpToolGateway;
import io.procmem.executor.gateway.ToolCallException;
import io.procmem.executor.gateway.ToolGateway;
import io.procmem.executor.gateway.ToolInvocation;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample airline served for real on an ephemeral port, called through both of the executor's gateways. */
class SampleToolServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SampleToolServer server;

    @BeforeEach
    void start() {
        server = SampleToolServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<String> transports() {
        return Stream.of("mcp", "http");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldAnswerUserDetailsWithTheUsersReservationIds(String transport) throws Exception {
        try (ToolGateway gateway = gateway(transport)) {
            JsonNode user = gateway.call(read("get_user_details", "user_id", "mia_li_3668"));

            assertThat(user.get("user_id").asText()).isEqualTo("mia_li_3668");
            assertThat(user.get("name").get("first_name").asText()).isEqualTo("Mia");
            assertThat(user.get("reservations")).extracting(JsonNode::asText).containsExactly("NO6JO3", "AIXC49", "HKEG34");
        }
        assertThat(server.calls().calls()).singleElement().satisfies(call -> {
            assertThat(call.transport()).isEqualTo(transport);
            assertThat(call.tool()).isEqualTo("get_user_details");
            assertThat(call.arguments().get("user_id").asText()).isEqualTo("mia_li_3668");
        });
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldAnswerAListOfDirectFlights(String transport) throws Exception {
        ObjectNode arguments = JSON.createObjectNode().put("origin", "JFK").put("destination", "SEA").put("date", "2024-05-20");
        try (ToolGateway gateway = gateway(transport)) {
            JsonNode flights = gateway.call(new ToolInvocation("search_direct_flight", arguments, null));

            assertThat(flights).extracting(f -> f.get("flight_number").asText()).containsExactly("HAT083", "HAT290");
            assertThat(flights.get(0).get("status").asText()).isEqualTo("available");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldAnswerAnUnknownReservationWithAToolErrorThatIsNotRetryable(String transport) {
        server.data().dropReservation("AIXC49");
        try (ToolGateway gateway = gateway(transport)) {
            ToolCallException error = catchThrowableOfType(ToolCallException.class,
                    () -> gateway.call(read("get_reservation_details", "reservation_id", "AIXC49")));

            assertThat(error).hasMessageContaining("reservation AIXC49 not found");
            assertThat(error.retryable()).isFalse();
        }
        assertThat(server.calls().calls()).singleElement().extracting(CallLog.Call::error).asString()
                .contains("not found");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldActOnceOnAWriteRepeatedWithTheSameIdempotencyKey(String transport) throws Exception {
        ToolInvocation cancel = new ToolInvocation("cancel_reservation",
                JSON.createObjectNode().put("reservation_id", "NO6JO3"), "r-1-2");
        try (ToolGateway gateway = gateway(transport)) {
            JsonNode first = gateway.call(cancel);
            JsonNode repeated = gateway.call(cancel);
            ToolCallException again = catchThrowableOfType(ToolCallException.class, () -> gateway.call(
                    new ToolInvocation("cancel_reservation", cancel.arguments(), "r-2-2")));

            assertThat(first.get("status").asText()).isEqualTo("cancelled");
            assertThat(repeated).isEqualTo(first);
            assertThat(again).hasMessageContaining("already cancelled");
        }
        assertThat(server.calls().calls()).extracting(CallLog.Call::idempotencyKey).containsExactly("r-1-2", "r-1-2", "r-2-2");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldReportAnUnreachableServerAsARetryableTransportError(String transport) {
        String mcpUrl = server.mcpUrl();
        String httpUrl = server.httpUrlTemplate();
        server.close();
        try (ToolGateway gateway = transport.equals("mcp") ? new McpToolGateway(mcpUrl, Duration.ofSeconds(2))
                : new HttpToolGateway(httpUrl, Duration.ofSeconds(2))) {
            ToolCallException error = catchThrowableOfType(ToolCallException.class,
                    () -> gateway.call(read("get_user_details", "user_id", "mia_li_3668")));

            assertThat(error.retryable()).isTrue();
        }
        server = SampleToolServer.start("127.0.0.1", 0);
    }

    private ToolGateway gateway(String transport) {
        return transport.equals("mcp") ? new McpToolGateway(server.mcpUrl(), TIMEOUT)
                : new HttpToolGateway(server.httpUrlTemplate(), TIMEOUT);
    }

    private static ToolInvocation read(String tool, String argument, String value) {
        return new ToolInvocation(tool, JSON.createObjectNode().put(argument, value), null);
    }
}
