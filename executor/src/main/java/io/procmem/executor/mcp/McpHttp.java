package io.procmem.executor.mcp;

import io.procmem.executor.api.BearerAuth;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The executor's HTTP routes with MCP: {@value McpFront#ENDPOINT} goes to the MCP servlet (behind the bearer token),
 * every other path to the JSON API handler. The API stays on Jetty's core handler API; only MCP needs servlets,
 * since the SDK's transport is one.
 */
public final class McpHttp extends Handler.Sequence {
    private final ServletContextHandler mcp;
    private final Handler api;

    private McpHttp(ServletContextHandler mcp, Handler api) {
        super(mcp, api);
        this.mcp = mcp;
        this.api = api;
    }

    public static McpHttp routes(McpFront front, BearerAuth auth, Handler api) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder servlet = new ServletHolder("mcp", front.servlet());
        // The streamable HTTP transport answers over SSE from other threads, which needs async servlets.
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, McpFront.ENDPOINT);
        FilterHolder filter = new FilterHolder(new BearerFilter(auth));
        filter.setAsyncSupported(true);
        context.addFilter(filter, McpFront.ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
        return new McpHttp(context, api);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getDecodedPath();
        return path.equals(McpFront.ENDPOINT) ? mcp.handle(request, response, callback)
                : api.handle(request, response, callback);
    }
}
