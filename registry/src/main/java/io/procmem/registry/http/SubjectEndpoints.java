package io.procmem.registry.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.procmem.registry.store.RegisteredSchema;
import io.procmem.registry.store.RegistryException;
import io.procmem.registry.store.SchemaStore;
import java.util.List;

/** {@code /subjects/...}: register, look up, list and soft-delete subject versions. */
final class SubjectEndpoints {
    private final SchemaStore store;

    SubjectEndpoints(SchemaStore store) {
        this.store = store;
    }

    void addTo(Routes routes) {
        routes.add("GET", "subjects", call -> Reply.ok(strings(store.subjects(call.flag("deleted")))))
                .add("POST", "subjects/*", this::lookup)
                .add("DELETE", "subjects/*", this::delete)
                .add("GET", "subjects/*/versions",
                        call -> Reply.ok(numbers(store.versions(call.segment(1), call.flag("deleted")))))
                .add("POST", "subjects/*/versions", this::register)
                .add("GET", "subjects/*/versions/*", call -> Reply.ok(Reply.metadata(version(call))))
                .add("GET", "subjects/*/versions/*/schema", call -> Reply.raw(version(call).schema()));
    }

    // The "normalize" query parameter is accepted and has no effect: schemas are always stored in canonical form.
    private Reply register(HttpCall call) {
        RegisteredSchema entry = store.register(call.segment(1), SchemaRequest.schemaText(call));
        return Reply.ok(Reply.object().put("id", entry.id()).put("version", entry.version()).put("schema", entry.schema()));
    }

    private Reply lookup(HttpCall call) {
        return Reply.ok(Reply.metadata(store.lookup(call.segment(1), SchemaRequest.schemaText(call), call.flag("deleted"))));
    }

    private Reply delete(HttpCall call) {
        if (call.flag("permanent")) {
            throw new RegistryException(422, 422, "Permanent deletes are not supported by procmem's schema registry:"
                    + " delete without permanent=true (soft delete); ids stay readable.");
        }
        return Reply.ok(numbers(store.deleteSubject(call.segment(1))));
    }

    private RegisteredSchema version(HttpCall call) {
        return store.version(call.segment(1), call.version(3), call.flag("deleted"));
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static ArrayNode numbers(List<Integer> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
