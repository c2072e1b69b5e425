package io.procmem.registry.store;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** Parses schema text sent by clients, turning Avro's complaint into a 42201 the client can act on. */
final class AvroSchemas {
    private AvroSchemas() {
    }

    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("the request has no schema text (field \"schema\" is missing or empty)");
        }
        try {
            // A new parser each time: a parser remembers the names it has seen and would refuse a second definition.
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        } catch (NullPointerException e) {
            // Avro 1.12 fails this way on a type name that nothing defines, e.g. {"type": "nope"}.
            throw RegistryException.invalidSchema("it uses a type name that is neither primitive nor defined in the"
                    + " schema (schema references are not supported): " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
