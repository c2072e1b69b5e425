package io.procmem.executor.shadow;

import io.procmem.avro.AgentEvent;
import io.procmem.avro.ExecutionReport;
import io.procmem.executor.follow.TopicFollower;
import io.procmem.executor.report.ExecutionReporter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow mode on Kafka: a member of the shadow consumer group on the steps topic (one group for all executors, and
 * steps are keyed by session, so each session is judged by one executor) feeding a {@link ShadowJudge}; verdicts go
 * to the executions topic through the {@link ExecutionReporter}.
 *
 * <p>A new group starts at the end of the topic: verdicts are about sessions that run while the procedure is in
 * SHADOW, not about history. An event that does not decode is logged with its position and counted
 * ({@link #skippedEvents()}); the ingest side owns the steps topic's dead letters. Known limit: session state is
 * per member, so after a rebalance the new owner follows a moved session from its next step, without its fleet.
 */
public final class ShadowFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowFollower.class);

    private final ShadowJudge judge;
    private final Deserializer<AgentEvent> events;
    private final ExecutionReporter reporter;
    private final TopicFollower follower;
    private final AtomicLong skipped = new AtomicLong();

    public ShadowFollower(String stepsTopic, Map<String, Object> consumerConfig, Deserializer<AgentEvent> events,
                          ShadowJudge judge, ExecutionReporter reporter) {
        this.judge = judge;
        this.events = events;
        this.reporter = reporter;
        this.follower = new TopicFollower(stepsTopic, consumerConfig, "latest", this::onRecord);
    }

    public ShadowFollower start() {
        follower.start();
        return this;
    }

    /** Whether this member holds partitions of the steps topic (so events produced now will be judged). */
    public boolean assigned() {
        return follower.assigned();
    }

    public long skippedEvents() {
        return skipped.get();
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        AgentEvent event;
        try {
            event = events.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            skipped.incrementAndGet();
            LOG.warn("shadow: skipped the event at {}-{} offset {} (key {}): it does not decode: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), e.toString());
            return;
        }
        if (event == null) {
            return;
        }
        judge.onEvent(event).ifPresent(this::send);
    }

    private void send(ExecutionReport report) {
        LOG.debug("shadow verdict {} for {} in session {}", report.getOutcome(), report.getProcedureId(),
                report.getSessionId());
        reporter.send(report);
    }

    @Override
    public void close() {
        follower.close();
    }
}
