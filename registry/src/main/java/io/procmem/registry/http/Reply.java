package io.procmem.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procmem.registry.store.RegisteredSchema;

/** An HTTP answer: status and body text, JSON except for the raw-schema endpoint (whose body is the schema itself). */
record Reply(int status, String body) {
    static final ObjectMapper JSON = new ObjectMapper();

    static Reply ok(JsonNode body) {
        return new Reply(200, body.toString());
    }

    /** A schema's own JSON, not wrapped in an object. */
    static Reply raw(String schema) {
        return new Reply(200, schema);
    }

    /** Confluent's error body, which clients read to tell "not found" from "incompatible". */
    static Reply error(int status, int errorCode, String message) {
        return new Reply(status, object().put("error_code", errorCode).put("message", message).toString());
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** One subject version, as Confluent answers it (schemaType is left out for Avro, as Confluent does). */
    static ObjectNode metadata(RegisteredSchema entry) {
        return object().put("subject", entry.subject()).put("version", entry.version()).put("id", entry.id())
                .put("schema", entry.schema());
    }
}
