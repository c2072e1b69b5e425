package io.procmem.executor.app;

import io.procmem.avro.CompiledProcedure;
import io.procmem.avro.ExecutionReport;
import io.procmem.executor.api.ApiHandler;
import io.procmem.executor.api.BearerAuth;
import io.procmem.executor.api.ExecutorServer;
import io.procmem.executor.api.Readiness;
import io.procmem.executor.api.RunEndpoints;
import io.procmem.executor.config.ExecutorConfig;
import io.procmem.executor.gateway.Gateways;
import io.procmem.executor.mcp.McpFront;
import io.procmem.executor.mcp.McpHttp;
import io.procmem.executor.metrics.ExecutorMetrics;
import io.procmem.executor.report.ExecutionReporter;
import io.procmem.executor.runner.ProcedureRunner;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunService;
import io.procmem.executor.runner.ServePolicy;
import io.procmem.executor.store.ProcedureIndex;
import io.procmem.executor.store.ProcedureStoreConsumer;
import io.procmem.schemas.serde.AvroSerde;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running executor: the procedure store following the procedures topic, the runner calling the agent's tools
 * through the configured gateways, the reporter writing every run to the executions topic, metrics, and the HTTP
 * API over them (with MCP at {@code /mcp} unless turned off); optionally the shadow and request followers (see
 * {@link Followers}). {@link #serveMcp} adds an MCP front on other streams (stdio).
 *
 * <p>Start-up serves HTTP before the store has caught up (health says STARTING), then waits up to the configured
 * catch-up timeout so the log can say how many procedures it holds; past the timeout it logs a warning and keeps
 * catching up in the background. A store that fails within that wait (e.g. the topic does not exist) fails
 * start-up; one that fails later turns health to DOWN while the API keeps answering from what it holds.
 */
public final class ExecutorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorApp.class);

    private final ExecutorConfig config;
    private final ProcedureIndex index;
    private final ProcedureStoreConsumer store;
    private final ExecutionReporter reporter;
    private final ExecutorServer server;
    private final McpFront.Settings mcp;
    /** Everything to close, last opened first. */
    private final Deque<AutoCloseable> opened;

    private ExecutorApp(ExecutorConfig config, ProcedureIndex index, ProcedureStoreConsumer store,
                        ExecutionReporter reporter, ExecutorServer server, McpFront.Settings mcp,
                        Deque<AutoCloseable> opened) {
        this.config = config;
        this.index = index;
        this.store = store;
        this.reporter = reporter;
        this.server = server;
        this.mcp = mcp;
        this.opened = opened;
    }

    public static ExecutorApp start(ExecutorConfig config) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            ProcedureIndex index = new ProcedureIndex();
            String registry = config.schemaRegistryUrl();
            ProcedureStoreConsumer store = opened(opened, new ProcedureStoreConsumer(config.proceduresTopic(),
                    config.consumerConfig(), AvroSerde.forValues(CompiledProcedure.class, registry).deserializer(), index));
            Redactor redactor = config.redactor();
            ExecutionReporter reporter = opened(opened, new ExecutionReporter(config.executionsTopic(),
                    config.producerConfig(), AvroSerde.forValues(ExecutionReport.class, registry).serializer(),
                    config.executorId(), redactor));
            ExecutorMetrics metrics = new ExecutorMetrics(config.tokensPerDecision());
            ProcedureRunner runner = new ProcedureRunner(opened(opened, Gateways.build(
                    config.defaultGateway().orElse(null), config.toolGateways())), config.retryPolicy(),
                    config.foreachParallelism());
            ServePolicy policy = new ServePolicy(config.serveCandidates());
            RunService service = new RunService(index, runner, policy, List.of(reporter, metrics), redactor,
                    Clock.systemUTC());
            BearerAuth auth = new BearerAuth(config.apiToken());
            McpFront.Settings mcp = new McpFront.Settings(service, index, policy, redactor, config.mcpMaxTools(),
                    config.mcpSyncInterval());
            Handler handler = new ApiHandler(index, () -> readiness(store), new RunEndpoints(service, index, auth, redactor),
                    metrics, config.maxBodyBytes());
            McpFront mcpHttp = config.mcpEnabled() ? opened(opened, McpFront.http(mcp)) : null;
            if (mcpHttp != null) {
                handler = McpHttp.routes(mcpHttp, auth, handler);
            }
            ExecutorServer server = opened(opened, ExecutorServer.start(config.host(), config.port(), handler));
            ExecutorApp app = new ExecutorApp(config, index, store, reporter, server, mcp, opened);
            app.catchUp();
            if (mcpHttp != null) {
                // So a client connecting right after start-up lists what the store has read, not an empty list.
                mcpHttp.syncNow();
            }
            Followers.start(config, index, service, reporter, opened);
            return app;
        } catch (RuntimeException e) {
            closeAll(opened, config.executorId());
            throw e;
        }
    }

    /**
     * Also serves MCP on {@code in} and {@code out} (stdio transport), until closed. Those streams must carry only
     * the protocol: log to stderr.
     */
    public synchronized McpFront serveMcp(InputStream in, OutputStream out) {
        McpFront front = opened(opened, McpFront.stdio(mcp, in, out));
        front.syncNow();
        return front;
    }

    private void catchUp() {
        if (config.apiToken().isEmpty()) {
            LOG.warn("executor {}: {} is not set, so the run endpoints answer 503", config.executorId(), ExecutorConfig.API_TOKEN);
        }
        if (config.defaultGateway().isEmpty() && config.toolGateways().isEmpty()) {
            LOG.warn("executor {}: no tool gateway is configured (executor.gateway.type or executor.tools.<tool>.gateway),"
                    + " so every run escalates before its first call", config.executorId());
        }
        try {
            store.start();
            if (!store.awaitCaughtUp(config.startupCatchUpTimeout())) {
                LOG.warn("executor {} has not read {} to its end within {}; serving while it catches up",
                        config.executorId(), config.proceduresTopic(), config.startupCatchUpTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + config.proceduresTopic(), e);
        }
        LOG.info("executor {} listening on {}, holds {} procedures", config.executorId(), url(), index.size());
    }

    private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    private static Readiness readiness(ProcedureStoreConsumer store) {
        if (store.failure().isPresent()) {
            return Readiness.DOWN;
        }
        return store.caughtUp() ? Readiness.UP : Readiness.STARTING;
    }

    public String executorId() {
        return config.executorId();
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.url();
    }

    public ProcedureIndex index() {
        return index;
    }

    /** Records of the procedures topic skipped because they could not be applied. */
    public long skippedRecords() {
        return store.skippedRecords();
    }

    /** Execution reports that could not be written. */
    public long failedReports() {
        return reporter.failed();
    }

    /** Stops serving, then closes the gateways, flushes the reports and stops following the topic. */
    @Override
    public synchronized void close() {
        closeAll(opened, config.executorId());
        LOG.info("executor {} stopped", config.executorId());
    }

    private static void closeAll(Deque<AutoCloseable> opened, String executorId) {
        while (!opened.isEmpty()) {
            AutoCloseable resource = opened.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("executor {}: closing {} failed: {}", executorId, resource.getClass().getSimpleName(),
                        e.getMessage(), e);
            }
        }
    }
}
