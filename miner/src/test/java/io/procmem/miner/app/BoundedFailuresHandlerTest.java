package io.procmem.miner.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class BoundedFailuresHandlerTest {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void shouldReplaceThreadsUpToTheLimitThenShutDownTheClient() {
        BoundedFailuresHandler handler = new BoundedFailuresHandler(2, Duration.ofMinutes(1), clock);

        assertThat(handler.handle(new IllegalStateException("1"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        now = now.plusSeconds(10);
        assertThat(handler.handle(new IllegalStateException("2"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        now = now.plusSeconds(10);
        assertThat(handler.handle(new IllegalStateException("3"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        BoundedFailuresHandler handler = new BoundedFailuresHandler(1, Duration.ofMinutes(1), clock);

        assertThat(handler.handle(new IllegalStateException("1"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        now = now.plus(Duration.ofMinutes(1));
        assertThat(handler.handle(new IllegalStateException("2"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
