package io.procmem.executor.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sends each tool's calls to the gateway configured for it, or to the default gateway. A tool with neither is not
 * handled, so a run needing it stops before its first call.
 */
public final class RoutingGateway implements ToolGateway {
    private final Map<String, ToolGateway> byTool;
    private final ToolGateway fallback;

    /** @param fallback the gateway for every tool not in {@code byTool}, or null for none */
    public RoutingGateway(Map<String, ToolGateway> byTool, ToolGateway fallback) {
        this.byTool = Map.copyOf(byTool);
        this.fallback = fallback;
    }

    @Override
    public boolean handles(String tool) {
        ToolGateway gateway = gatewayFor(tool);
        return gateway != null && gateway.handles(tool);
    }

    @Override
    public JsonNode call(ToolInvocation invocation) throws ToolCallException {
        ToolGateway gateway = gatewayFor(invocation.tool());
        if (gateway == null) {
            throw ToolCallException.unavailable("no gateway is configured for tool " + invocation.tool());
        }
        return gateway.call(invocation);
    }

    private ToolGateway gatewayFor(String tool) {
        return byTool.getOrDefault(tool, fallback);
    }

    /** Closes every gateway once, shared ones included. */
    @Override
    public void close() {
        Set<ToolGateway> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(byTool.values());
        if (fallback != null) {
            all.add(fallback);
        }
        all.forEach(ToolGateway::close);
    }
}
