package io.procmem.registry.http;

import io.procmem.registry.store.RegistryException;
import io.procmem.registry.store.SchemaStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
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
 * With write credentials, a request other than GET or HEAD without them is answered 401 (error code 40101, as
 * Confluent's registry) and changes nothing.
 */
public final class RegistryHandler extends Handler.Abstract {
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHandler.class);

    private final Routes routes = new Routes();
    private final Optional<byte[]> expectedAuthorization;

    /** A registry whose writes are open to anyone who can reach it. */
    public RegistryHandler(SchemaStore store) {
        this(store, Optional.empty());
    }

    /** @param writeCredentials {@code user:password} that writes must present as HTTP basic auth, if any */
    public RegistryHandler(SchemaStore store, Optional<String> writeCredentials) {
        this.expectedAuthorization = writeCredentials.map(credentials -> ("Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8));
        new SchemaEndpoints(store).addTo(routes);
        new SubjectEndpoints(store).addTo(routes);
        new ConfigEndpoints(store).addTo(routes);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        if (!authorized(request)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"procmem schema registry\"");
            reply = Reply.error(401, 40101, "Unauthorized: " + request.getMethod() + " changes the registry and needs "
                    + "its credentials as HTTP basic auth (clients: credentials in schema.registry.url as "
                    + "http://user:password@host:port, or basic.auth.user.info)");
            LOG.warn("{} {} refused: {}", request.getMethod(), request.getHttpURI().getPath(),
                    request.getHeaders().get(HttpHeader.AUTHORIZATION) == null ? "no credentials" : "wrong credentials");
            send(response, callback, reply);
            return true;
        }
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
        send(response, callback, reply);
        return true;
    }

    private boolean authorized(Request request) {
        if (expectedAuthorization.isEmpty() || HttpMethod.GET.is(request.getMethod())
                || HttpMethod.HEAD.is(request.getMethod())) {
            return true;
        }
        String given = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return given != null && MessageDigest.isEqual(expectedAuthorization.get(), given.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        Content.Sink.write(response, true, reply.body(), callback);
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
