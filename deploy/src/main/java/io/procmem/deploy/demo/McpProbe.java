package io.procmem.deploy.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's MCP client: an agent framework's view of the executor. It lists the compiled procedures the executor
 * offers as MCP tools and calls the one that looks up a user's reservations, so one model decision replaces many.
 */
public final class McpProbe {
    private static final Logger LOG = LoggerFactory.getLogger("procmem");
    private final String executorUrl;
    private final String token;

    public McpProbe(String executorUrl, String token) {
        this.executorUrl = executorUrl;
        this.token = token;
    }

    /** Lists the tools and calls the first whose procedure starts with {@code firstTool}; returns the call's result. */
    public Optional<McpSchema.CallToolResult> listAndCall(String firstTool, Map<String, Object> arguments) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(executorUrl)
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
        try {
            client.initialize();
            List<McpSchema.Tool> tools = client.listTools().tools();
            StringBuilder listed = new StringBuilder();
            tools.forEach(t -> listed.append("  ").append(t.name()).append(": ").append(firstLine(t.description()))
                    .append('\n'));
            LOG.info("an MCP client connected to {}/mcp and listed {} tool(s):\n{}", executorUrl, tools.size(), listed);
            Optional<McpSchema.Tool> chosen = tools.stream()
                    .filter(t -> t.description() != null && t.description().contains(firstTool + "("))
                    .filter(t -> t.inputSchema() != null && arguments.keySet().stream()
                            .allMatch(k -> String.valueOf(t.inputSchema()).contains(k)))
                    .findFirst();
            return chosen.map(tool -> {
                McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(tool.name())
                        .arguments(arguments).build());
                LOG.info("tools/call {} {} answered (isError={}):\n  {}", tool.name(), arguments, result.isError(),
                        result.structuredContent());
                return result;
            });
        } finally {
            client.closeGracefully();
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
