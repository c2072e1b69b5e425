package io.procmem.executor.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.avro.ExecutionMode;
import io.procmem.avro.ExecutionReport;
import io.procmem.executor.runner.Redactor;
import io.procmem.executor.runner.RunOutcome;
import io.procmem.executor.runner.RunRecord;
import io.procmem.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The request's thread hands a report over and goes on, whatever Kafka does: here no broker answers, so the producer's
 * {@code send} blocks for {@code max.block.ms} (20 s) waiting for metadata. Before the reports had their own thread,
 * the caller below would have waited those 20 s per report.
 */
class ExecutionReporterTest {

    @Test
    void shouldNotMakeTheCallerWaitOnAnUnreachableClusterAndCountWhatOverflows() throws Exception {
        ExecutionReporter reporter = new ExecutionReporter("procmem.executions",
                Map.of("bootstrap.servers", "127.0.0.1:1", "max.block.ms", 20_000),
                AvroSerde.forValues(ExecutionReport.class, "mock://reporter-test").serializer(), "executor-test",
                Redactor.defaults());
        try {
            CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < ExecutionReporter.QUEUE_CAPACITY + 3; i++) {
                    reporter.send(report("r-" + i));
                }
            });

            caller.get(5, TimeUnit.SECONDS);
            // One report is in the stuck sender's hands, the queue holds QUEUE_CAPACITY: the rest are counted.
            assertThat(reporter.failed()).isBetween(2L, 3L);
        } finally {
            reporter.close();
        }
    }

    private static ExecutionReport report(String id) {
        return ExecutionReports.of(new RunRecord(ExecutionMode.CONTINUATION, "s-1", new RunOutcome.NoMatch(id, "none"),
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(1)), "executor-test", Redactor.defaults());
    }
}
