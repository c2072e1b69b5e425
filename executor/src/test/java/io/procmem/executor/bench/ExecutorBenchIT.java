package io.procmem.executor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The executor benchmark in a tiny configuration: it runs end to end and its figures make sense. */
class ExecutorBenchIT {

    @Test
    void shouldMeasureMatchBindLatencyAndServingOverheadAndEndWithTheRatio() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        ExecutorBench.Result result = ExecutorBench.run(new ExecutorBench.Options(5_000, 1, 1, 0, 2, 40, 20),
                new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(result.matchBindP50()).isPositive().isLessThanOrEqualTo(result.matchBindP99());
        assertThat(result.matchBindP99()).as("p99 of match + bind, us").isLessThan(5_000);
        assertThat(result.bareMean()).isPositive();
        assertThat(result.jdkOverhead()).isBetween(-1.0, 1.0);
        assertThat(result.executorMean()).isPositive();
        // Against bare calls made with the same HTTP client, the sequential executor makes the same calls and more.
        assertThat(result.sequentialMean()).as("the executor makes the same calls and more")
                .isGreaterThan(result.bareMean());
        assertThat(result.parallelism()).isEqualTo(ExecutorBench.defaultParallelism()).isGreaterThan(1);
        assertThat(result.overhead()).isEqualTo(1 - result.bareMean() / result.executorMean(), within(1e-9))
                .isBetween(-1.0, 1.0);
        assertThat(result.sequentialOverhead()).isEqualTo(1 - result.bareMean() / result.sequentialMean(), within(1e-9));
        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("foreach sequential").contains("foreach parallelism " + result.parallelism());
        String[] lines = text.strip().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo(String.format(Locale.ROOT, "ratio %.4f", result.overhead()));
    }
}
