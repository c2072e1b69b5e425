package io.procmem.executor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Reading bounded request bodies and writing whole responses on Jetty's core API. */
final class JsonExchange {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonExchange() {
    }

    /** The whole body, refused with 413 once it passes {@code maxBytes}. */
    static byte[] readBody(Request request, int maxBytes) throws IOException {
        // Refuse a declared oversize body before reading any of it; chunked bodies are cut off while reading.
        if (request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > maxBytes) {
            throw ApiException.tooLarge(maxBytes);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw ApiException.tooLarge(maxBytes);
            }
            return body;
        }
    }

    static void sendJson(Response response, Callback callback, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        send(response, callback, status, "application/json", bytes);
    }

    static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
