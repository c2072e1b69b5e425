package io.procmem.miner.bench;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Streams application on a pre-loaded topic and times it from RUNNING (assignment and restoration done)
 * until its group has drained the topic, polling the committed offsets. The clock starts at RUNNING so both
 * applications compared are timed on processing, not on group formation; the poll interval bounds the error.
 */
final class DrainTimer {
    private static final Logger LOG = LoggerFactory.getLogger(DrainTimer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REPORT = Duration.ofSeconds(5);

    private final GroupLag lag;
    private final Duration timeout;

    DrainTimer(GroupLag lag, Duration timeout) {
        this.lag = lag;
        this.timeout = timeout;
    }

    /** Starts {@code streams} and returns how long it took to drain; the client is left running. */
    Duration startAndDrain(KafkaStreams streams, String group, String topic, int partitions) {
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitState(streams, Set.of(State.RUNNING), deadline, "reach RUNNING");
        long started = System.nanoTime();
        awaitDrained(streams, group, topic, partitions, deadline);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void awaitDrained(KafkaStreams streams, String group, String topic, int partitions, long deadlineNanos) {
        long lastReport = System.nanoTime();
        while (!lag.drained(group, topic, partitions)) {
            if (System.nanoTime() - lastReport > REPORT.toNanos()) {
                LOG.info("draining {}: lag by topic {}", group, lag.lagByTopic(group));
                lastReport = System.nanoTime();
            }
            check(streams, deadlineNanos, "drain " + topic + " (lag " + lag.inputLag(group, topic, partitions) + ")");
            pause();
        }
    }

    private void awaitState(KafkaStreams streams, Set<State> wanted, long deadlineNanos, String what) {
        while (!wanted.contains(streams.state())) {
            check(streams, deadlineNanos, what);
            pause();
        }
    }

    private void check(KafkaStreams streams, long deadlineNanos, String what) {
        State state = streams.state();
        if (state == State.ERROR || state == State.NOT_RUNNING || state == State.PENDING_ERROR) {
            throw new IllegalStateException("the application stopped (" + state + ") before it could " + what);
        }
        if (System.nanoTime() > deadlineNanos) {
            throw new IllegalStateException("the application did not " + what + " within " + timeout);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bench application", e);
        }
    }
}
