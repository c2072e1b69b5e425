package io.procmem.executor.follow;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer-group member on its own thread that hands every record of one topic to a handler, in order per
 * partition, and commits after each handled batch (at least once: a record handled just before a crash may be
 * handled again). Values stay bytes, so a record that does not decode is the handler's to report, not a poll loop
 * failure.
 *
 * <p>Errors: a retriable broker error is logged and polling goes on; a handler that throws has the record logged
 * with topic, partition and offset and counted ({@link #failedRecords()}), and the loop goes on; any other error
 * stops the follower, which {@link #failure()} reports.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile Throwable failure;
    private volatile long failedRecords;

    /** @param kafkaConfig consumer settings with {@code bootstrap.servers} and {@code group.id} */
    public TopicFollower(String topic, Map<String, Object> kafkaConfig, String offsetReset,
                         Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.topic = topic;
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put("enable.auto.commit", false);
        settings.putIfAbsent("auto.offset.reset", offsetReset);
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.handler = handler;
        this.thread = new Thread(this::run, "follow-" + topic);
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    /** Whether this member holds at least one partition of the topic right now. */
    public boolean assigned() {
        return assigned;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Records whose handler threw. */
    public long failedRecords() {
        return failedRecords;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned = !consumer.assignment().isEmpty();
                }
            });
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("stopped following topic {}", topic, e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    private void pollOnce() {
        try {
            var records = consumer.poll(POLL_TIMEOUT);
            for (ConsumerRecord<String, byte[]> record : records) {
                handle(record);
            }
            if (!records.isEmpty()) {
                consumer.commitSync();
            }
        } catch (RetriableException e) {
            LOG.warn("transient error following {}, retrying: {}", topic, e.toString());
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            failedRecords++;
            LOG.error("record at {}-{} offset {} (key {}) could not be handled", record.topic(), record.partition(),
                    record.offset(), record.key(), e);
        }
    }

    /** Stops the polling thread, which closes the consumer (leaving the group); later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            return;
        }
        // The polling thread owns the consumer; wakeup() is the one call safe from another thread.
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
