package io.procmem.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.procmem.registry.store.RegistryException;
import io.procmem.registry.store.SchemaStore;
import java.util.List;
import org.eclipse.jetty.util.Fields;

/**
 * One request, decoupled from Jetty: method, path segments (each percent-decoded, so a subject may contain an encoded
 * {@code /}), query parameters and body text.
 */
record HttpCall(String method, List<String> segments, Fields query, String body) {

    String segment(int index) {
        return segments.get(index);
    }

    /** A query flag such as {@code deleted=true}; absent means false. */
    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.getValue(name));
    }

    /** The body as a JSON object; 400 naming the problem when it is missing or not JSON. */
    JsonNode jsonObject() {
        if (body == null || body.isBlank()) {
            throw new RegistryException(400, 400, "The request body is empty: send a JSON object.");
        }
        JsonNode node;
        try {
            node = Reply.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new RegistryException(400, 400, "The request body is not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (!node.isObject()) {
            throw new RegistryException(400, 400, "The request body must be a JSON object, not " + node.getNodeType());
        }
        return node;
    }

    /** The path segment at {@code index} as a version: a number from 1, or "latest" (also -1). */
    int version(int index) {
        String text = segment(index);
        if ("latest".equals(text) || "-1".equals(text)) {
            return SchemaStore.LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through to the 42202 below, which names the accepted values
        }
        throw RegistryException.invalidVersion(text);
    }

    /** The path segment at {@code index} as a schema id; 40403 when it is not a number, since no schema has it. */
    int schemaId(int index) {
        try {
            return Integer.parseInt(segment(index));
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("schema id '" + segment(index) + "' is not a number");
        }
    }
}
