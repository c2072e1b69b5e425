package io.procmem.executor.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.runner.ServePolicy;
import io.procmem.executor.store.ProcedureIndex;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor as an MCP server: the servable procedures as tools (see {@link ProcedureTools}), kept in line with
 * the index by a {@link ToolListSync} pass every {@code syncInterval}, each call run by {@link ToolCalls}. Two
 * transports: streamable HTTP (a servlet, mounted by {@link McpHttp} on the executor's Jetty) and stdio.
 */
public final class McpFront implements AutoCloseable {
    public static final String ENDPOINT = "/mcp";
    private static final Logger LOG = LoggerFactory.getLogger(McpFront.class);

    /** What every MCP front needs from the executor. */
    public record Settings(RunService service, ProcedureIndex index, ServePolicy policy, Redactor redactor,
                           int maxTools, Duration syncInterval) {
    }

    private final McpSyncServer server;
    private final ToolListSync sync;
    private final ScheduledExecutorService scheduler;
    private final HttpServletStreamableServerTransportProvider servlet;

    private McpFront(McpSyncServer server, ToolListSync sync, ScheduledExecutorService scheduler,
                     HttpServletStreamableServerTransportProvider servlet) {
        this.server = server;
        this.sync = sync;
        this.scheduler = scheduler;
        this.servlet = servlet;
    }

    /** An MCP server over streamable HTTP; mount {@link #servlet()} at {@value #ENDPOINT} (async supported). */
    public static McpFront http(Settings settings) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(ENDPOINT).build();
        return start(McpServer.sync(transport), settings, transport);
    }

    /**
     * An MCP server speaking JSON-RPC on {@code in} and {@code out} (normally the process's stdin and stdout, which
     * then must carry nothing else: log to stderr).
     */
    public static McpFront stdio(Settings settings, InputStream in, OutputStream out) {
        return start(McpServer.sync(new StdioServerTransportProvider(new JacksonMcpJsonMapper(new ObjectMapper()), in, out)),
                settings, null);
    }

    private static McpFront start(McpServer.SyncSpecification<?> spec, Settings settings,
                                  HttpServletStreamableServerTransportProvider servlet) {
        McpSyncServer server = spec.serverInfo("procmem-executor", "0.1.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .build();
        ToolListSync sync = new ToolListSync(settings.index(), settings.policy(), settings.maxTools(), server,
                new ToolCalls(settings.service(), settings.redactor()));
        sync.sync();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mcp-tool-list");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.syncInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sync.sync();
            } catch (RuntimeException e) {
                LOG.warn("bringing the MCP tool list in line with the procedures failed; retrying", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new McpFront(server, sync, scheduler, servlet);
    }

    /** Brings the tool list in line now (e.g. once the store has caught up), on the sync thread, and waits. */
    public void syncNow() {
        try {
            scheduler.submit(sync::sync).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot bring the MCP tool list in line with the procedures", e.getCause());
        }
    }

    /** The streamable HTTP servlet, or null for a stdio front. */
    public HttpServletStreamableServerTransportProvider servlet() {
        return servlet;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        server.close();
    }
}
