package io.procmem.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.registry.store.RegistryException;

/**
 * The body of a register, lookup or compatibility request: {@code {"schema": "...", "schemaType": "AVRO"}}. Features
 * this registry does not have (other schema types, references, metadata, rule sets) are refused with a 422 naming
 * them, rather than ignored, so a client never believes they were stored.
 */
final class SchemaRequest {
    private SchemaRequest() {
    }

    /** The schema text of the request body. */
    static String schemaText(HttpCall call) {
        JsonNode body = call.jsonObject();
        String type = body.path("schemaType").isNull() ? "AVRO" : body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new RegistryException(422, 422, "Unsupported schemaType " + type
                    + ": procmem's schema registry supports only AVRO schemas.");
        }
        refuseIfPresent(body, "references", "schema references are not supported; inline the referenced types");
        refuseIfPresent(body, "metadata", "schema metadata is not supported");
        refuseIfPresent(body, "ruleSet", "rule sets (data contracts) are not supported");
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
            throw RegistryException.invalidSchema("field \"schema\" must be the schema as a JSON string, got "
                    + (schema == null ? "nothing" : schema.getNodeType()));
        }
        return schema.asText();
    }

    private static void refuseIfPresent(JsonNode body, String field, String why) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
            throw new RegistryException(422, 422, "Field \"" + field + "\": " + why + " by procmem's schema registry.");
        }
    }
}
