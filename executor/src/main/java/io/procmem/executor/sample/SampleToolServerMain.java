package io.procmem.executor.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sample tool server as a process for demos: {@code SampleToolServerMain [port] [host]} (defaults 9000,
 * 127.0.0.1). Point an executor at it with {@code executor.gateway.type=mcp} and
 * {@code executor.gateway.url=http://127.0.0.1:9000/mcp}.
 */
public final class SampleToolServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(SampleToolServerMain.class);

    private SampleToolServerMain() {
    }

    public static void main(String[] args) {
        SampleToolServer server;
        try {
            int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
            server = SampleToolServer.start(args.length > 1 ? args[1] : "127.0.0.1", port);
        } catch (RuntimeException e) {
            LOG.error("sample tool server did not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        LOG.info("sample airline tools at {} (MCP) and {} (HTTP)", server.mcpUrl(), server.httpUrlTemplate());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sample-tools-shutdown"));
    }
}
