package io.procmem.registry.http;

import io.procmem.registry.store.RegistryException;
import io.procmem.registry.store.SchemaStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API (v1) on Jetty's core handler API. Answers are
 * {@code application/vnd.schemaregistry.v1+json}; request bodies are read as JSON whatever their content type
 * ({@code application/vnd.schemaregistry.v1+json}, {@code application/json}, ...), as lenient clients expect.
 */
public final class RegistryHandler extends Handler.Abstract {
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHandler.class);

    private final Routes routes = new Routes();

    public RegistryHandler(SchemaStore store) {
        new SchemaEndpoints(store).addTo(routes);
        new SubjectEndpoints(store).addTo(routes);
        new ConfigEndpoints(store).addTo(routes);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            HttpCall call = new HttpCall(request.getMethod(), segments(request.getHttpURI().getPath()),
                    Request.extractQueryParameters(request), Content.Source.asString(request, StandardCharsets.UTF_8));
            reply = routes.dispatch(call);
        } catch (RegistryException e) {
            reply = Reply.error(e.status(), e.errorCode(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), request.getHttpURI().getPathQuery(), e);
            reply = Reply.error(500, 50001, "Internal error in procmem's schema registry: " + e);
        }
        if (reply.status() >= 500) {
            LOG.warn("{} {} answered {}: {}", request.getMethod(), request.getHttpURI().getPathQuery(), reply.status(),
                    reply.body());
        } else {
            LOG.debug("{} {} answered {}", request.getMethod(), request.getHttpURI().getPathQuery(), reply.status());
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        Content.Sink.write(response, true, reply.body(), callback);
        return true;
    }

    // Split before decoding: an encoded "/" (%2F) inside a subject name must not start a new segment.
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            segments.add(URIUtil.decodePath(raw));
        }
        segments.remove(0);
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        return segments;
    }
}
