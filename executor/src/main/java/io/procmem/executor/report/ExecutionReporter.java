package io.procmem.executor.report;

import io.procmem.avro.ExecutionReport;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunListener;
import io.procmem.executor.runner.RunRecord;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an {@link ExecutionReport} to the executions topic for every finished request, keyed by procedure id (or
 * {@value ExecutionReports#NO_MATCH_KEY}). The producer is idempotent, so its own retries do not duplicate a report.
 *
 * <p>The agent's answer never waits on Kafka: a request's thread only puts the report on a bounded queue
 * ({@value #QUEUE_CAPACITY} reports), and one background thread serializes it (which may ask the schema registry)
 * and hands it to the producer, whose {@code send} can block while the cluster is unreachable or its buffer full.
 * A report that cannot be sent, or finds the queue full, is logged with its id and counted ({@link #failed()}); it
 * is not retried further, since a report is evidence for the miner and one missing report only weakens it.
 */
public final class ExecutionReporter implements RunListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionReporter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    static final int QUEUE_CAPACITY = 10_000;
    private static final ExecutionReport STOP = new ExecutionReport();

    private final String topic;
    private final String executorId;
    private final Redactor redactor;
    private final KafkaProducer<String, ExecutionReport> producer;
    private final BlockingQueue<ExecutionReport> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread sender;
    private final AtomicLong failed = new AtomicLong();

    /** @param producerConfig settings with at least {@code bootstrap.servers}; idempotence is the caller's choice */
    public ExecutionReporter(String topic, Map<String, Object> producerConfig, Serializer<ExecutionReport> values,
                             String executorId, Redactor redactor) {
        this.topic = topic;
        this.executorId = executorId;
        this.redactor = redactor;
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), values);
        this.sender = new Thread(this::drain, "execution-reports");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void onRun(RunRecord record) {
        send(ExecutionReports.of(record, executorId, redactor));
    }

    /** Queues a report built elsewhere (shadow verdicts), with the same keying and failure counting. */
    public void send(ExecutionReport report) {
        if (!queue.offer(report)) {
            failed(report, new IllegalStateException("the report queue is full (" + QUEUE_CAPACITY
                    + " reports): Kafka has been slower than the requests"));
        }
    }

    private void drain() {
        while (true) {
            ExecutionReport report;
            try {
                report = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (report == STOP) {
                return;
            }
            try {
                producer.send(new ProducerRecord<>(topic, ExecutionReports.key(report), report), (metadata, error) -> {
                    if (error != null) {
                        failed(report, error);
                    }
                });
            } catch (RuntimeException e) {
                failed(report, e);
            }
        }
    }

    /** Reports that could not be sent. */
    public long failed() {
        return failed.get();
    }

    private void failed(ExecutionReport report, Exception error) {
        failed.incrementAndGet();
        LOG.error("execution report {} ({} of {}) was not written to {}: {}", report.getReportId(), report.getOutcome(),
                report.getProcedureId(), topic, error.toString());
    }

    /** Hands the queued reports to the producer, sends what is pending (up to 10 s each), then closes it. */
    @Override
    public void close() {
        try {
            if (queue.offer(STOP, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                sender.join(CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
            LOG.warn("execution reports still queued after {}: {} not sent", CLOSE_TIMEOUT, queue.size());
        }
        producer.close(CLOSE_TIMEOUT);
    }
}
