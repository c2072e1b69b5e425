package io.procmem.executor.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.procmem.avro.CompiledProcedure;
import io.procmem.executor.runner.ServePolicy;
import io.procmem.executor.store.ProcedureIndex;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an MCP server's tool list in line with the procedures the index holds: the servable ones (see
 * {@link ServePolicy}), best supported first, at most {@code maxTools}. Each pass that finds the index changed adds,
 * replaces (new version or status) and removes tools one by one; the SDK sends
 * {@code notifications/tools/list_changed} to connected clients for each change, since the server declares
 * {@code tools.listChanged}.
 *
 * <p>Why a cap: the SDK keeps tools in a copy-on-write list (each add copies it) and {@code tools/list} is not paged,
 * and no model picks well among thousands of tools; the rest stay reachable through the HTTP API. Not thread-safe:
 * one scheduler thread runs {@link #sync()}, and {@link #procedureOf} reads a map it publishes whole.
 */
final class ToolListSync {
    private static final Logger LOG = LoggerFactory.getLogger(ToolListSync.class);

    private final ProcedureIndex index;
    private final ServePolicy policy;
    private final int maxTools;
    private final McpSyncServer server;
    private final ToolCalls calls;
    /** Tool name to the procedure it was registered from (that id, version and status). */
    private volatile Map<String, CompiledProcedure> registered = Map.of();
    private long seenChanges = -1;

    ToolListSync(ProcedureIndex index, ServePolicy policy, int maxTools, McpSyncServer server,
                 ToolCalls calls) {
        this.index = index;
        this.policy = policy;
        this.maxTools = maxTools;
        this.server = server;
        this.calls = calls;
    }

    /** The procedure tool {@code name} stands for, in its current version, or null when none does. */
    CompiledProcedure procedureOf(String name) {
        CompiledProcedure listed = registered.get(name);
        return listed == null ? null : index.get(listed.getProcedureId()).orElse(null);
    }

    /** One pass: does nothing when the index has not changed since the last one. */
    void sync() {
        long changes = index.changes();
        if (changes == seenChanges) {
            return;
        }
        seenChanges = changes;
        Map<String, CompiledProcedure> wanted = new LinkedHashMap<>();
        index.all().stream()
                .filter(p -> policy.allows(p.getStatus()) && !p.getSteps().isEmpty())
                .sorted(Comparator.comparingLong((CompiledProcedure p) -> p.getSupport().getOccurrences()).reversed()
                        .thenComparing(CompiledProcedure::getProcedureId))
                .limit(maxTools)
                .forEach(p -> wanted.put(ProcedureTools.toolName(p), p));
        Map<String, CompiledProcedure> now = new HashMap<>(registered);
        int removed = 0;
        int added = 0;
        for (String name : registered.keySet()) {
            if (!wanted.containsKey(name)) {
                server.removeTool(name);
                now.remove(name);
                removed++;
            }
        }
        for (Map.Entry<String, CompiledProcedure> tool : wanted.entrySet()) {
            CompiledProcedure held = registered.get(tool.getKey());
            CompiledProcedure want = tool.getValue();
            if (held == null || held.getVersion() != want.getVersion() || held.getStatus() != want.getStatus()) {
                now.put(tool.getKey(), want);
                // Published before listing, so a call that comes as soon as the tool is listed finds it.
                registered = Map.copyOf(now);
                server.addTool(SyncToolSpecification.builder().tool(ProcedureTools.tool(want))
                        .callHandler((exchange, request) -> calls.call(procedureOf(request.name()), request)).build());
                added++;
            }
        }
        registered = Map.copyOf(now);
        if (added + removed > 0) {
            LOG.info("MCP tool list: {} added or replaced, {} removed, {} listed", added, removed, now.size());
        }
    }
}
