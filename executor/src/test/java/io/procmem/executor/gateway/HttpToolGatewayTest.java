package io.procmem.executor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP gateway against a stub tool endpoint whose answer each test sets: status mapping, headers, bodies. */
class HttpToolGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    /** While set, the tool holds its answer until the latch opens (at most 10 s): a tool that does not answer. */
    private volatile CountDownLatch holdAnswer;
    private final List<String> connections = new CopyOnWriteArrayList<>();
    private Server server;
    private HttpToolGateway gateway;
    private String urlTemplate;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(Handler.Abstract.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                seen.add(request.getHttpURI().getPath() + " key=" + request.getHeaders().get("Idempotency-Key")
                        + " body=" + Content.Source.asString(request, StandardCharsets.UTF_8));
                connections.add(request.getConnectionMetaData().getId());
                CountDownLatch hold = holdAnswer;
                if (hold != null) {
                    hold.await(10, TimeUnit.SECONDS);
                }
                response.setStatus(status);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        urlTemplate = "http://127.0.0.1:" + connector.getLocalPort() + "/tools/{tool}";
        gateway = new HttpToolGateway(urlTemplate, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        if (holdAnswer != null) {
            holdAnswer.countDown();
        }
        gateway.close();
        server.stop();
    }

    @Test
    void shouldPostTheArgumentsToTheToolsUrlWithTheIdempotencyKeyOfAWrite() throws Exception {
        body = "{\"status\": \"cancelled\"}";

        assertThat(gateway.call(invocation("r-1-2"))).isEqualTo(JSON.readTree(body));
        assertThat(seen).containsExactly("/tools/cancel_reservation key=r-1-2 body={\"reservation_id\":\"NO6JO3\"}");
    }

    @Test
    void shouldSendNoIdempotencyKeyForARead() throws Exception {
        gateway.call(invocation(null));

        assertThat(seen).singleElement().asString().contains("key=null");
    }

    @Test
    void shouldTakeAResultThatIsNotJsonAsAString() throws Exception {
        body = "done";

        assertThat(gateway.call(invocation(null)).asText()).isEqualTo("done");
    }

    @Test
    void shouldReportAClientErrorAsAToolErrorAndAServerErrorAsRetryable() {
        status = 422;
        body = "{\"error\": \"already cancelled\"}";
        ToolCallException refused = catchThrowableOfType(ToolCallException.class, () -> gateway.call(invocation(null)));
        status = 503;
        ToolCallException unavailable = catchThrowableOfType(ToolCallException.class, () -> gateway.call(invocation(null)));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessageContaining("HTTP 422").hasMessageContaining("already cancelled");
        assertThat(unavailable.retryable()).isTrue();
    }

    @Test
    void shouldReuseOneKeptAliveConnectionForCallsOneAfterTheOther() throws Exception {
        for (int i = 0; i < 5; i++) {
            gateway.call(invocation(null));
        }

        assertThat(connections).hasSize(5).containsOnly(connections.get(0));
    }

    @Test
    void shouldTakeAnEmptyBodyAsNull() throws Exception {
        body = "";

        assertThat(gateway.call(invocation(null)).isNull()).isTrue();
    }

    @Test
    void shouldReportAToolThatDoesNotAnswerInTimeAsRetryable() throws Exception {
        gateway.close();
        gateway = new HttpToolGateway(urlTemplate, Duration.ofMillis(200));
        holdAnswer = new CountDownLatch(1);

        ToolCallException late = catchThrowableOfType(ToolCallException.class, () -> gateway.call(invocation(null)));

        assertThat(late.retryable()).isTrue();
        assertThat(late).hasMessageContaining("did not answer within 200 ms");
    }

    @Test
    void shouldReportAToolThatCannotBeReachedAsRetryable() throws Exception {
        String closed = urlTemplate;
        server.stop();
        gateway.close();
        gateway = new HttpToolGateway(closed, Duration.ofSeconds(2));

        ToolCallException unreachable = catchThrowableOfType(ToolCallException.class, () -> gateway.call(invocation(null)));

        assertThat(unreachable.retryable()).isTrue();
        assertThat(unreachable).hasMessageContaining("cannot reach cancel_reservation");
    }

    private static ToolInvocation invocation(String key) {
        return new ToolInvocation("cancel_reservation", JSON.createObjectNode().put("reservation_id", "NO6JO3"), key);
    }
}
