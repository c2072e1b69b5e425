package io.procmem.executor.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls tools on an MCP server over streamable HTTP ({@code tools/call}) with the MCP Java SDK's sync client.
 *
 * <p>The result is the call's {@code structuredContent} when the server sends one, else its text content parsed as
 * JSON (or kept as a JSON string when it is not JSON). {@code isError} and JSON-RPC errors are tool errors; anything
 * else (timeout, connection refused, a session the server no longer knows) is a transport error, after which the
 * client is dropped so the next call reconnects and initializes again. Steps that may write carry their idempotency
 * key in the call's {@code _meta} under {@value #IDEMPOTENCY_META}.
 *
 * <p>One client (one MCP session) per gateway, connected on first use so the executor can start before its tools.
 */
public final class McpToolGateway implements ToolGateway {
    public static final String IDEMPOTENCY_META = "io.procmem/idempotency-key";
    private static final Logger LOG = LoggerFactory.getLogger(McpToolGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final URI endpoint;
    private final Duration timeout;
    private McpSyncClient client;

    /** @param endpoint the server's MCP endpoint, e.g. {@code http://tools:9000/mcp} */
    public McpToolGateway(String endpoint, Duration timeout) {
        this.endpoint = URI.create(endpoint);
        if (this.endpoint.getScheme() == null || this.endpoint.getAuthority() == null) {
            throw new IllegalArgumentException("MCP endpoint '" + endpoint + "' is not an absolute http(s) URL");
        }
        this.timeout = timeout;
    }

    @Override
    public boolean handles(String tool) {
        return true;
    }

    @Override
    public JsonNode call(ToolInvocation invocation) throws ToolCallException {
        McpSyncClient session = session();
        McpSchema.CallToolRequest.Builder request = McpSchema.CallToolRequest.builder(invocation.tool())
                .arguments(JSON.convertValue(invocation.arguments(), MAP));
        if (invocation.idempotencyKey() != null) {
            request.meta(Map.of(IDEMPOTENCY_META, invocation.idempotencyKey()));
        }
        McpSchema.CallToolResult result;
        try {
            result = session.callTool(request.build());
        } catch (McpError e) {
            throw ToolCallException.toolError(invocation.tool() + " answered an error: " + e.getMessage());
        } catch (RuntimeException e) {
            drop(session);
            throw ToolCallException.transport("cannot call " + invocation.tool() + " at " + endpoint + ": " + e, e);
        }
        if (Boolean.TRUE.equals(result.isError())) {
            throw ToolCallException.toolError(invocation.tool() + " answered an error: " + text(result));
        }
        return result.structuredContent() != null ? JSON.valueToTree(result.structuredContent()) : parsed(text(result));
    }

    private synchronized McpSyncClient session() throws ToolCallException {
        if (client == null) {
            String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                    .endpoint(endpoint.getRawPath()).connectTimeout(timeout).build();
            McpSyncClient created = McpClient.sync(transport).requestTimeout(timeout).initializationTimeout(timeout)
                    .clientInfo(McpSchema.Implementation.builder("procmem-executor", "0.1.0").build()).build();
            try {
                created.initialize();
            } catch (RuntimeException e) {
                created.close();
                throw ToolCallException.transport("cannot open an MCP session with " + endpoint + ": " + e, e);
            }
            client = created;
        }
        return client;
    }

    private synchronized void drop(McpSyncClient broken) {
        if (client == broken) {
            client = null;
            closeQuietly(broken);
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        if (result.content() == null) {
            return "";
        }
        return result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining("\n"));
    }

    private static JsonNode parsed(String text) {
        try {
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private void closeQuietly(McpSyncClient session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the MCP session with {} failed", endpoint, e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            closeQuietly(client);
            client = null;
        }
    }
}
