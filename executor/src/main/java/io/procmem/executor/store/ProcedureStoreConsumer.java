package io.procmem.executor.store;

import io.procmem.avro.CompiledProcedure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole compacted procedures topic into a {@link ProcedureIndex} and keeps following it.
 *
 * <p>It uses no consumer group: every executor needs every procedure, so it assigns all partitions itself and seeks
 * to the beginning on each start; nothing is committed. A record whose value does not decode is logged with its
 * topic, partition and offset and skipped: the miner that writes the topic owns its dead-letter handling, and a
 * compacted topic keeps the next good version of that procedure anyway.
 *
 * <p>Limits: partitions added to the topic after start are not picked up (restart the executor); the topic must
 * exist at start. Transient broker errors are retried by the poll loop; any other error stops reading, which
 * {@link #failure()} reports while the index keeps serving what it holds.
 */
public final class ProcedureStoreConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcedureStoreConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ProcedureRecords records;
    private final Thread thread;
    private final CountDownLatch startupDone = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile Throwable failure;

    /**
     * @param kafkaConfig consumer settings with at least {@code bootstrap.servers}; any {@code group.id} is dropped
     */
    public ProcedureStoreConsumer(String topic, Map<String, Object> kafkaConfig,
                                  Deserializer<CompiledProcedure> values, ProcedureIndex index) {
        this.topic = topic;
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove("group.id");
        settings.put("enable.auto.commit", false);
        settings.putIfAbsent("allow.auto.create.topics", false);
        // Compaction or retention may have removed offset 0; start from whatever is first.
        settings.putIfAbsent("auto.offset.reset", "earliest");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.records = new ProcedureRecords(values, index);
        this.thread = new Thread(this::run, "procedure-store-" + topic);
    }

    /** Starts the polling thread; returns at once. */
    public ProcedureStoreConsumer start() {
        thread.start();
        return this;
    }

    /**
     * Waits until the records present when reading started have been read.
     *
     * @return true when caught up, false when {@code timeout} passed first
     * @throws IllegalStateException if reading failed before catching up
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        startupDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!caughtUp && failure != null) {
            throw new IllegalStateException("cannot read procedures from topic " + topic + ": " + failure.getMessage(), failure);
        }
        return caughtUp;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** The error that stopped reading, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Records skipped because they could not be applied (see {@link ProcedureRecords}). */
    public long skippedRecords() {
        return records.skipped();
    }

    private void run() {
        try {
            Map<TopicPartition, Long> pending = assignAll();
            while (running) {
                poll();
                if (!caughtUp) {
                    pending.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
                    markCaughtUpIf(pending.isEmpty());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("stopped reading procedures from topic {}", topic, e);
        } finally {
            startupDone.countDown();
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    private Map<TopicPartition, Long> assignAll() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist: create it (compacted) or set "
                    + "topic.procedures to the topic the miner publishes to");
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
        LOG.info("reading {} partition(s) of {} from the beginning, up to end offsets {}", partitions.size(), topic, ends);
        ends.values().removeIf(end -> end == 0L);
        markCaughtUpIf(ends.isEmpty());
        return ends;
    }

    private void poll() {
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                records.apply(record);
            }
        } catch (RetriableException e) {
            LOG.warn("transient error reading {}, retrying: {}", topic, e.toString());
        }
    }

    private void markCaughtUpIf(boolean done) {
        if (done && !caughtUp) {
            caughtUp = true;
            startupDone.countDown();
            LOG.info("caught up with {}", topic);
        }
    }

    /** Stops the polling thread and closes the consumer; later calls do nothing. */
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
        // The polling thread owns the consumer and closes it; wakeup() is the one call safe from another thread.
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("procedure store thread for {} did not stop within {}", topic, CLOSE_TIMEOUT);
        }
    }
}
