package io.procmem.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for unit tests and single-process tools ({@code mock://scope} URLs, as Confluent's
 * serializers allow). Every client of the same scope in one JVM sees the same schemas. Not for production: ids are
 * lost with the process.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {
    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final List<Schema> byId = new ArrayList<>();
    private final Map<String, Map<Schema, Integer>> bySubject = new HashMap<>();

    /** The shared registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Map<Schema, Integer> versions = bySubject.computeIfAbsent(subject, s -> new HashMap<>());
        Integer existing = versions.get(schema);
        if (existing != null) {
            return existing;
        }
        int id = indexOfSchema(schema);
        if (id < 0) {
            byId.add(schema);
            id = byId.size();
        }
        versions.put(schema, id);
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        Integer id = bySubject.getOrDefault(subject, Map.of()).get(schema);
        if (id == null) {
            throw new SchemaRegistryException("schema not registered under subject " + subject, 404);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new SchemaRegistryException("no schema with id " + id, 404);
        }
        return byId.get(id - 1);
    }

    private int indexOfSchema(Schema schema) {
        int i = byId.indexOf(schema);
        return i < 0 ? -1 : i + 1;
    }
}
