package io.procmem.miner.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a crashed stream thread up to {@code maxFailures} times within a sliding {@code window}; one failure more
 * shuts the client down. A one-off crash (a broker hiccup outlasting retries) heals itself, while a failure that
 * recurs on every restart stops instead of spinning forever.
 */
final class BoundedFailuresHandler implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedFailuresHandler.class);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Deque<Long> failures = new ArrayDeque<>();

    BoundedFailuresHandler(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable error) {
        long now = clock.millis();
        failures.addLast(now);
        while (!failures.isEmpty() && now - failures.peekFirst() >= window.toMillis()) {
            failures.removeFirst();
        }
        if (failures.size() > maxFailures) {
            LOG.error("stream thread failed {} times within {}; shutting the miner down", failures.size(), window, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("stream thread failed ({} of {} allowed within {}); replacing it", failures.size(), maxFailures, window, error);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
