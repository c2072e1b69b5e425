package io.procmem.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (v1), so any compatible registry works: Confluent's, Karapace,
 * Redpanda's, Apicurio's compatibility API, or the one procmem ships. Only the calls serializers need; answers are
 * cached because an id's schema never changes.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final Optional<String> authorization;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    /**
     * @param baseUrl  registry URL, e.g. {@code http://localhost:8081}; credentials in it
     *                 ({@code http://user:password@host:port}, percent-encoded) are used for basic auth, as Confluent's
     *                 clients do with {@code basic.auth.credentials.source=URL}, and never appear in messages
     * @param userInfo {@code user:password} for HTTP basic auth, or null; wins over credentials in the URL
     */
    public HttpSchemaRegistryClient(String baseUrl, String userInfo, Duration timeout) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI given = URI.create(trimmed);
        String credentials = userInfo != null && !userInfo.isBlank() ? userInfo : given.getUserInfo();
        this.base = withoutUserInfo(given);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.authorization = Optional.ofNullable(credentials).filter(s -> !s.isBlank())
                .map(s -> "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        String text = uri.toString();
        int at = text.indexOf(uri.getRawUserInfo() + "@");
        return URI.create(text.substring(0, at) + text.substring(at + uri.getRawUserInfo().length() + 1));
    }

    /** The registry's URL, without any credentials. */
    public String url() {
        return base.toString();
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        return remember(subject, schema, answer.path("id").asInt());
    }

    @Override
    public int idOf(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        return remember(subject, schema, answer.path("id").asInt());
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode answer = send("GET", "/schemas/ids/" + key, null);
            String type = answer.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(type)) {
                throw new SchemaRegistryException("schema id " + key + " at " + base + " is " + type + ", not AVRO", 422);
            }
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    private int remember(String subject, Schema schema, int id) {
        if (id <= 0) {
            throw new SchemaRegistryException("registry " + base + " answered no schema id for subject " + subject, 500);
        }
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schemaType", "AVRO");
        body.put("schema", schema.toString());
        return body.toString();
    }

    private JsonNode send(String method, String path, String body) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry " + base + " unreachable (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted calling schema registry " + base, e);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = json.path("message").asText(response.body());
            throw new SchemaRegistryException("schema registry " + base + " refused " + method + " " + path + ": HTTP "
                    + response.statusCode() + " " + message, response.statusCode());
        }
        return json;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
