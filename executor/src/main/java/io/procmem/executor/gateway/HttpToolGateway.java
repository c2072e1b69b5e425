package io.procmem.executor.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Calls tools over plain HTTP/JSON: POSTs the arguments object to a URL template ({@code {tool}} is replaced by the
 * tool's name, URL-encoded) and takes the response body as the result. A 2xx is a result; any other status is a tool
 * error, retryable only for 408, 429 and 5xx (the tool may answer later). Steps that may write carry their
 * idempotency key in the {@code Idempotency-Key} header.
 *
 * <p>A body that is not JSON is returned as a JSON string; an empty body as JSON null.
 *
 * <p>HTTP/1.1 with kept-alive pooled connections (at most {@value #MAX_CONNECTIONS_PER_HOST} per host), on blocking
 * I/O in the calling thread: a call costs no hand-off between threads, which on loopback weighs more than the
 * call itself. The client never retries or follows redirects on its own (retries are the runner's decision), sends
 * no cookies and asks for no compression. {@code timeout} bounds connecting, waiting for a pooled connection, and
 * each wait for the answer's bytes (so a tool that keeps sending can take longer in all). A connection idle for
 * 2 s is checked before it is reused, so a tool server that closed it is not sent a call on it.
 */
public final class HttpToolGateway implements ToolGateway {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_CHARS = 300;
    private static final int MAX_CONNECTIONS_PER_HOST = 256;
    private static final TimeValue IDLE_CLOSE = TimeValue.ofSeconds(60);

    private final String urlTemplate;
    private final Duration timeout;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;

    /** @param urlTemplate e.g. {@code http://tools:9000/tools/{tool}}; without {@code {tool}} every tool posts there */
    public HttpToolGateway(String urlTemplate, Duration timeout) {
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST).setMaxConnTotal(4 * MAX_CONNECTIONS_PER_HOST)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(limit).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
                .build();
        this.http = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit).setRedirectsEnabled(false).setContentCompressionEnabled(false).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .disableContentCompression().disableAuthCaching()
                .evictIdleConnections(IDLE_CLOSE)
                .build();
    }

    @Override
    public boolean handles(String tool) {
        return true;
    }

    @Override
    public JsonNode call(ToolInvocation invocation) throws ToolCallException {
        URI uri = URI.create(urlTemplate.replace("{tool}", URLEncoder.encode(invocation.tool(), StandardCharsets.UTF_8)));
        HttpPost request = new HttpPost(uri);
        request.setHeader("Accept", "application/json");
        request.setEntity(new ByteArrayEntity(json(invocation.arguments()), ContentType.APPLICATION_JSON));
        if (invocation.idempotencyKey() != null) {
            request.setHeader(IDEMPOTENCY_HEADER, invocation.idempotencyKey());
        }
        Answer answer;
        try {
            answer = http.execute(request, response -> new Answer(response.getCode(), bytes(response.getEntity())));
        } catch (ConnectTimeoutException e) {
            throw ToolCallException.transport("cannot reach " + invocation.tool() + " at " + uri + " within "
                    + timeout.toMillis() + " ms: " + e, e);
        } catch (InterruptedIOException e) {
            // A read that timed out (SocketTimeoutException), a pool that had no connection in time, or an interrupt.
            throw ToolCallException.transport(invocation.tool() + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw ToolCallException.transport("cannot reach " + invocation.tool() + " at " + uri + ": " + e, e);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return body(answer.body());
        }
        String message = invocation.tool() + " answered HTTP " + status + ": " + abbreviated(answer.body());
        if (status == 408 || status == 429 || status >= 500) {
            throw ToolCallException.transport(message, null);
        }
        throw ToolCallException.toolError(message);
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.GRACEFUL);
    }

    private static byte[] bytes(HttpEntity entity) throws IOException {
        byte[] bytes = entity == null ? null : EntityUtils.toByteArray(entity);
        return bytes == null ? new byte[0] : bytes;
    }

    /** JSON parsed from the bytes (Jackson detects the UTF encoding); other text as a JSON string. */
    private static JsonNode body(byte[] body) {
        String text = null;
        try {
            JsonNode parsed = JSON.readTree(body);
            // readTree answers a missing node for an empty or blank body.
            if (parsed != null && !parsed.isMissingNode()) {
                return parsed;
            }
        } catch (IOException e) {
            text = new String(body, StandardCharsets.UTF_8);
        }
        return text == null || text.isBlank() ? JSON.nullNode() : TextNode.valueOf(text);
    }

    private static String abbreviated(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }

    private static byte[] json(JsonNode arguments) throws ToolCallException {
        try {
            return JSON.writeValueAsBytes(arguments);
        } catch (JsonProcessingException e) {
            throw ToolCallException.toolError("cannot write the arguments as JSON: " + e.getOriginalMessage());
        }
    }

    private record Answer(int status, byte[] body) {
    }
}
