package io.procmem.registry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.procmem.registry.store.RegisteredSchema;
import io.procmem.registry.store.SchemaStore;
import java.util.List;

/**
 * {@code /}, {@code /schemas/...} and {@code /associations/...}. Ids are global, so the optional {@code subject}
 * parameter of {@code GET /schemas/ids/{id}} (used by Confluent's deserializers for schema contexts) does not change
 * the answer.
 */
final class SchemaEndpoints {
    private final SchemaStore store;

    SchemaEndpoints(SchemaStore store) {
        this.store = store;
    }

    void addTo(Routes routes) {
        routes.add("GET", "", call -> Reply.ok(Reply.object()))
                .add("GET", "schemas/types", call -> Reply.ok(SubjectEndpoints.strings(List.of("AVRO"))))
                .add("GET", "schemas/ids/*", call -> Reply.ok(Reply.object().put("schema", store.schemaById(call.schemaId(2)))))
                .add("GET", "schemas/ids/*/versions", this::versionsOf)
                .add("GET", "schemas/ids/*/subjects", call -> Reply.ok(SubjectEndpoints.strings(
                        usages(call).stream().map(RegisteredSchema::subject).distinct().toList())))
                // This registry keeps no subject-to-topic associations. Confluent's newer serializers ask for them
                // first and fall back to topic-name subjects when there are none, which is what this answer gives.
                .add("GET", "associations/resources/*/*", call -> Reply.ok(JsonNodeFactory.instance.arrayNode()));
    }

    private Reply versionsOf(HttpCall call) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        usages(call).forEach(entry -> array.add(Reply.object().put("subject", entry.subject()).put("version", entry.version())));
        return Reply.ok(array);
    }

    private List<RegisteredSchema> usages(HttpCall call) {
        return store.usagesOf(call.schemaId(2), call.flag("deleted"));
    }
}
