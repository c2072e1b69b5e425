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
 * The CPU time of the application's threads ({@link AppCpu}) is read over the same span.
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

    /**
     * Starts {@code streams} (whose application id is {@code group}) and returns how long it took to drain and the CPU
     * time its threads spent meanwhile; the client is left running.
     */
    Drain startAndDrain(KafkaStreams streams, String group, String topic, int partitions) {
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitState(streams, Set.of(State.RUNNING), deadline, "reach RUNNING");
        long started = System.nanoTime();
        long cpuBefore = AppCpu.nanos(group);
        awaitDrained(streams, group, topic, partitions, deadline);
        long cpu = AppCpu.nanos(group) - cpuBefore;
        return new Drain(Duration.ofNanos(System.nanoTime() - started), Math.max(0, cpu));
    }

    /**
     * One timed drain.
     *
     * @param time     from RUNNING until the input was drained
     * @param cpuNanos CPU time of the application's threads over that time (0 when the JVM cannot tell)
     */
    record Drain(Duration time, long cpuNanos) {
        double perSecond(long events) {
            return events / Math.max(0.001, time.toNanos() / 1e9);
        }

        double cpuMicrosPerEvent(long events) {
            return cpuNanos / 1e3 / Math.max(1, events);
        }
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
