package io.procmem.registry.http;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Errors Jetty raises itself (a malformed request line, a bad URI) get the same JSON error body as the API's own. */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, RegistryHandler.CONTENT_TYPE);
        String text = message == null ? "HTTP " + code : message;
        response.write(true, StandardCharsets.UTF_8.encode(Reply.error(code, code, text).body()), callback);
    }
}
