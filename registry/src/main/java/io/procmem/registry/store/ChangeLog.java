package io.procmem.registry.store;

import java.util.List;

/**
 * Where the store writes its changes before applying them, so a failed write leaves memory unchanged. Throws a
 * {@link RegistryException} (50001) when the changes could not be made durable.
 */
@FunctionalInterface
public interface ChangeLog {
    /** Keeps nothing: the registry lives and dies with the process. */
    ChangeLog IN_MEMORY = changes -> { };

    void append(List<StoreChange> changes);
}
