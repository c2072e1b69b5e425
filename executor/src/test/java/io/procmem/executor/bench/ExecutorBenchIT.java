package io.procmem.executor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        assertThat(result.executorMean()).as("the executor makes the same calls and more").isGreaterThan(result.bareMean());
        assertThat(result.overhead()).isBetween(0.0, 1.0);
        String[] lines = report.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("ratio 0\\.\\d{4}");
    }
}
