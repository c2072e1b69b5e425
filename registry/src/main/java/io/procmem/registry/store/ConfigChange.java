package io.procmem.registry.store;

/**
 * The compatibility level of one subject, or the global one when {@code subject} is null. A null {@code level}
 * removes a subject's own level, so the global one applies again.
 */
public record ConfigChange(String subject, CompatibilityLevel level) implements StoreChange {
}
