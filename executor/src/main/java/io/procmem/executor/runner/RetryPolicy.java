package io.procmem.executor.runner;

import java.time.Duration;

/**
 * How often a read step is tried when its call does not get through, and how long to wait in between (doubling
 * from {@code initialBackoff}). Writes are never retried, whatever the policy: a write whose answer was lost may
 * have happened.
 *
 * @param maxAttempts attempts in all, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff) {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO);
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failed (1-based); capped at 5 s. */
    Duration backoffAfter(int attempt) {
        Duration pause = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }
}
