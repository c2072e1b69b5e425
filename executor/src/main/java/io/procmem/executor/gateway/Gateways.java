package io.procmem.executor.gateway;

import java.util.HashMap;
import java.util.Map;

/** Builds the executor's {@link RoutingGateway} from settings; tools with equal settings share one gateway. */
public final class Gateways {

    private Gateways() {
    }

    /**
     * @param fallback the settings for every tool without its own, or null for none
     * @param byTool   settings of the tools configured one by one
     */
    public static RoutingGateway build(GatewaySettings fallback, Map<String, GatewaySettings> byTool) {
        Map<GatewaySettings, ToolGateway> opened = new HashMap<>();
        Map<String, ToolGateway> routes = new HashMap<>();
        byTool.forEach((tool, settings) -> routes.put(tool, opened.computeIfAbsent(settings, GatewaySettings::open)));
        return new RoutingGateway(routes, fallback == null ? null : opened.computeIfAbsent(fallback, GatewaySettings::open));
    }
}
