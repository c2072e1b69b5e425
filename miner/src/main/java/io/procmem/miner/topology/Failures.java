package io.procmem.miner.topology;

import io.procmem.schemas.registry.SchemaRegistryException;

/**
 * Tells a poison record from a passing outage. A record is poison when processing it fails however often it is
 * retried: it goes to the dead-letter topic. An unreachable or failing schema registry is not the record's fault:
 * dead-lettering would lose good records, so those failures stop the task and the record is retried after restart.
 */
final class Failures {

    private Failures() {
    }

    /** True when the failure (or a cause) is a registry that could not be reached or answered 5xx. */
    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException registry && (registry.status() < 0 || registry.status() >= 500)) {
                return true;
            }
        }
        return false;
    }
}
