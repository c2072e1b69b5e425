package io.procmem.registry.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.registry.store.CompatibilityLevel;
import io.procmem.registry.store.ConfigChange;
import io.procmem.registry.store.RegisteredSchema;
import io.procmem.registry.store.StoreChange;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON keys and values of the store topic. Keys name what a record is about, so compaction keeps the latest state of
 * each thing; their field order is fixed because compaction compares key bytes:
 * <ul>
 *   <li>a subject version: key {@code {"keytype":"SCHEMA","subject":"s","version":1}}, value
 *       {@code {"subject":"s","version":1,"id":7,"schema":"<canonical Avro JSON>","deleted":false}};</li>
 *   <li>a compatibility level: key {@code {"keytype":"CONFIG","subject":"s"}} ({@code null} subject for the global
 *       level), value {@code {"compatibilityLevel":"FULL"}}, or a tombstone when a subject's level is removed.</li>
 * </ul>
 * The layout resembles Confluent's own {@code _schemas} records, but procmem does not promise to read a topic that
 * Confluent's registry wrote.
 */
final class StoreRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreRecords() {
    }

    static byte[] key(StoreChange change) {
        ObjectNode key = JSON.createObjectNode();
        if (change instanceof RegisteredSchema entry) {
            key.put("keytype", "SCHEMA").put("subject", entry.subject()).put("version", entry.version());
        } else if (change instanceof ConfigChange config) {
            key.put("keytype", "CONFIG").put("subject", config.subject());
        }
        return bytes(key);
    }

    /** The value, or null (a tombstone) for a removed subject level. */
    static byte[] value(StoreChange change) {
        if (change instanceof RegisteredSchema entry) {
            return bytes(JSON.createObjectNode().put("subject", entry.subject()).put("version", entry.version())
                    .put("id", entry.id()).put("schema", entry.schema()).put("deleted", entry.deleted()));
        }
        ConfigChange config = (ConfigChange) change;
        return config.level() == null ? null : bytes(JSON.createObjectNode().put("compatibilityLevel", config.level().name()));
    }

    /**
     * The change a record holds; empty for a record this registry does not write (another key type, a schema
     * tombstone), which the caller reports. Throws {@link IllegalArgumentException} saying what is malformed.
     */
    static Optional<StoreChange> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = parse(keyBytes, "key");
        String type = key.path("keytype").asText("");
        if ("CONFIG".equals(type)) {
            String subject = key.path("subject").isTextual() ? key.get("subject").asText() : null;
            CompatibilityLevel level = valueBytes == null ? null
                    : CompatibilityLevel.parse(required(parse(valueBytes, "value"), "compatibilityLevel").asText());
            return Optional.of(new ConfigChange(subject, level));
        }
        if (!"SCHEMA".equals(type) || valueBytes == null) {
            return Optional.empty();
        }
        JsonNode value = parse(valueBytes, "value");
        String schemaType = value.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(schemaType)) {
            throw new IllegalArgumentException("schema of type " + schemaType + ": only AVRO is supported");
        }
        return Optional.of(new RegisteredSchema(required(value, "subject").asText(), required(value, "version").asInt(),
                required(value, "id").asInt(), required(value, "schema").asText(), value.path("deleted").asBoolean(false)));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing in " + node);
        }
        return value;
    }

    private static JsonNode parse(byte[] bytes, String what) {
        if (bytes == null) {
            throw new IllegalArgumentException("the record has no " + what);
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("the record's " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON " + node, e);
        }
    }
}
