package io.procmem.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that serializers need. Implementations cache: a schema id never
 * changes meaning, so {@link #schemaById(int)} is answered from memory after the first call.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it registered already) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id under which {@code schema} is registered in {@code subject}, without registering it. */
    int idOf(String subject, Schema schema);

    /** The writer schema with this global id. */
    Schema schemaById(int id);
}
