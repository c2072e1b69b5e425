package io.procmem.registry.store;

/**
 * One change to the registry's state, as written to the {@link ChangeLog} and replayed on start. The latest change
 * for a given {@link RegisteredSchema} (subject, version) or {@link ConfigChange} (subject) wins, which is what lets a
 * compacted topic hold the state.
 */
public sealed interface StoreChange permits RegisteredSchema, ConfigChange {
}
