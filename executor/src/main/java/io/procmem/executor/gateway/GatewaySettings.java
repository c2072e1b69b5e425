package io.procmem.executor.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach one tool, or every tool: the kind of gateway, its URL and the time one call may take.
 *
 * @param url for {@link Kind#HTTP} a template where {@code {tool}} stands for the tool's name; for {@link Kind#MCP}
 *            the server's MCP endpoint
 */
public record GatewaySettings(Kind kind, String url, Duration timeout) {

    public enum Kind {
        HTTP,
        MCP;

        /** Parses {@code http} or {@code mcp}, in any case. */
        public static Kind parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    public GatewaySettings {
        Objects.requireNonNull(kind, "kind");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " gateway needs a URL");
        }
    }

    /** A new gateway for these settings. */
    public ToolGateway open() {
        return kind == Kind.HTTP ? new HttpToolGateway(url, timeout) : new McpToolGateway(url, timeout);
    }
}
