package io.procmem.schemas.registry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the client for a registry URL: {@code mock://scope} for an in-memory registry shared within the JVM,
 * {@code http(s)://host:port} for any registry speaking the Confluent REST API. Clients are shared per URL so their
 * caches are too.
 */
public final class SchemaRegistries {
    private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

    private SchemaRegistries() {
    }

    public static SchemaRegistryClient forUrl(String url) {
        return forUrl(url, null);
    }

    /** @param userInfo {@code user:password} for basic auth, or null. */
    public static SchemaRegistryClient forUrl(String url, String userInfo) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is empty: set it (e.g. http://localhost:8081 or mock://test)");
        }
        String key = url + "|" + (userInfo == null ? "" : userInfo.hashCode());
        return CLIENTS.computeIfAbsent(key, k -> create(url.trim(), userInfo));
    }

    private static SchemaRegistryClient create(String url, String userInfo) {
        if (url.startsWith("mock://")) {
            return InMemorySchemaRegistry.scope(url.substring("mock://".length()));
        }
        if (url.startsWith("http://") || url.startsWith("https://")) {
            // Only the first URL of a comma-separated list is used; a load balancer in front is the usual setup.
            String first = url.split(",")[0].trim();
            return new HttpSchemaRegistryClient(first, userInfo, Duration.ofSeconds(10));
        }
        throw new IllegalArgumentException("schema registry URL '" + url + "' must start with http://, https:// or mock://");
    }
}
