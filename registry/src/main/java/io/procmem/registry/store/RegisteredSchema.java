package io.procmem.registry.store;

/**
 * One version of a subject: its global schema id and the schema in canonical form (Avro's compact JSON, which keeps
 * docs, defaults and logical types). {@code deleted} marks a soft-deleted version, still readable by id.
 */
public record RegisteredSchema(String subject, int version, int id, String schema, boolean deleted)
        implements StoreChange {

    RegisteredSchema softDeleted() {
        return new RegisteredSchema(subject, version, id, schema, true);
    }
}
