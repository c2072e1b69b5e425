package io.procmem.schemas.registry;

/** A registry call failed; the message names the registry, the call and what it answered. */
public class SchemaRegistryException extends RuntimeException {
    private final int status;

    public SchemaRegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** HTTP status the registry answered, or -1 when it could not be reached. */
    public int status() {
        return status;
    }
}
