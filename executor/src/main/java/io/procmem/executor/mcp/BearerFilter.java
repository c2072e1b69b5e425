package io.procmem.executor.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.procmem.executor.api.ApiException;
import io.procmem.executor.api.BearerAuth;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards the MCP endpoint with the run endpoints' bearer token (a tool call runs a procedure, which calls tools):
 * 401 with {@code WWW-Authenticate: Bearer} without a valid token, 503 when no token is configured. The body is the
 * API's error JSON.
 */
final class BearerFilter extends HttpFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient BearerAuth auth;

    BearerFilter(BearerAuth auth) {
        this.auth = auth;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            auth.check(request.getHeader("Authorization"));
        } catch (ApiException e) {
            response.setStatus(e.status());
            if (e.status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            JSON.writeValue(response.getOutputStream(), JSON.createObjectNode().put("error", e.getMessage()));
            return;
        }
        chain.doFilter(request, response);
    }
}
