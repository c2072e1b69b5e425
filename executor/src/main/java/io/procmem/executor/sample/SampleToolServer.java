package io.procmem.executor.sample;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A small airline-like tool service to run procedures against for real, in demos and tests: the {@link AirlineTools}
 * served as an MCP server (streamable HTTP at {@code /mcp}, MCP Java SDK servlet on Jetty 12) and over plain HTTP
 * ({@code POST /tools/<name>}), sharing one seeded {@link AirlineData} and one {@link CallLog}.
 *
 * <p>Not a production service: no auth, state lives in memory and resets on restart.
 */
public final class SampleToolServer implements AutoCloseable {
    public static final String MCP_ENDPOINT = "/mcp";

    private final Server server;
    private final ServerConnector connector;
    private final McpSyncServer mcp;
    private final AirlineData data;
    private final CallLog calls;

    private SampleToolServer(Server server, ServerConnector connector, McpSyncServer mcp, AirlineData data, CallLog calls) {
        this.server = server;
        this.connector = connector;
        this.mcp = mcp;
        this.data = data;
        this.calls = calls;
    }

    /**
     * Starts serving freshly seeded data.
     *
     * @param port 0 for a free ephemeral port
     * @throws IllegalStateException when the server does not start (e.g. the port is taken)
     */
    public static SampleToolServer start(String host, int port) {
        AirlineData data = AirlineData.seeded();
        CallLog calls = new CallLog();
        AirlineTools tools = new AirlineTools(data, calls);
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(MCP_ENDPOINT).build();
        McpSyncServer mcp = McpServer.sync(transport).serverInfo("procmem-sample-airline", "0.1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(McpTools.specifications(tools)).build();

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("sample-tools");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder mcpServlet = new ServletHolder("mcp", transport);
        // The streamable HTTP transport answers over SSE from other threads, which needs async servlets.
        mcpServlet.setAsyncSupported(true);
        context.addServlet(mcpServlet, MCP_ENDPOINT);
        context.addServlet(new ServletHolder("tools", new HttpToolsServlet(tools)), "/tools/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            mcp.close();
            try {
                server.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            throw new IllegalStateException("cannot start the sample tool server on " + host + ":" + port, e);
        }
        return new SampleToolServer(server, connector, mcp, data, calls);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The MCP endpoint, e.g. {@code http://127.0.0.1:9000/mcp}: the URL for an {@code mcp} gateway. */
    public String mcpUrl() {
        return baseUrl() + MCP_ENDPOINT;
    }

    /** The URL template for an {@code http} gateway, e.g. {@code http://127.0.0.1:9000/tools/{tool}}. */
    public String httpUrlTemplate() {
        return baseUrl() + "/tools/{tool}";
    }

    public AirlineData data() {
        return data;
    }

    public CallLog calls() {
        return calls;
    }

    private String baseUrl() {
        String host = connector.getHost();
        return "http://" + (host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port();
    }

    @Override
    public void close() {
        mcp.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the sample tool server did not stop cleanly", e);
        }
    }
}
