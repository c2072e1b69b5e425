package io.procmem.executor.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.procmem.executor.gateway.McpToolGateway;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample tools as MCP tool specifications: a JSON-schema input per tool (string arguments, all required), the
 * result as JSON text content (plus {@code structuredContent} when it is an object), a refusal as {@code isError}.
 * The idempotency key of a write is read from the call's {@code _meta}.
 */
final class McpTools {
    private static final ObjectMapper JSON = new ObjectMapper();

    private McpTools() {
    }

    static List<SyncToolSpecification> specifications(AirlineTools tools) {
        return AirlineTools.SPECS.stream().map(spec -> SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(spec.name(), inputSchema(spec)).description(spec.description()).build())
                .callHandler((exchange, request) -> call(tools, request))
                .build()).toList();
    }

    private static McpSchema.CallToolResult call(AirlineTools tools, McpSchema.CallToolRequest request) {
        Object key = request.meta() == null ? null : request.meta().get(McpToolGateway.IDEMPOTENCY_META);
        try {
            JsonNode result = tools.call("mcp", request.name(), JSON.valueToTree(request.arguments()),
                    key == null ? null : key.toString());
            McpSchema.CallToolResult.Builder answer = McpSchema.CallToolResult.builder()
                    .addTextContent(JSON.writeValueAsString(result)).isError(false);
            if (result.isObject()) {
                answer.structuredContent(JSON.convertValue(result, Map.class));
            }
            return answer.build();
        } catch (ToolFailure e) {
            return McpSchema.CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of " + request.name() + " as JSON", e);
        }
    }

    private static Map<String, Object> inputSchema(AirlineTools.Spec spec) {
        Map<String, Object> properties = new LinkedHashMap<>();
        spec.arguments().forEach(name -> properties.put(name, Map.of("type", "string")));
        return Map.of("type", "object", "properties", properties, "required", spec.arguments());
    }
}
