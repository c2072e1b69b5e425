package io.procmem.miner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchResultTest {
    private static final BenchResult.State ONCE = new BenchResult.State(1000, Map.of("stats", 10L), Map.of("stats", 500L));
    private static final BenchResult.State TWICE = new BenchResult.State(2000, Map.of("stats", 10L), Map.of("stats", 600L));

    @Test
    void shouldTakeNearestRankPercentilesOfTheLatencySamples() {
        BenchResult result = new BenchResult(1000, 500, 2000, 0, 0, null, List.of(40L, 10L, 30L, 20L), 5, ONCE, TWICE, 0,
                3);

        assertThat(result.latencyMillis()).containsExactly(10L, 20L, 30L, 40L);
        assertThat(result.latencyP50()).isEqualTo(20L);
        assertThat(result.latencyP99()).isEqualTo(40L);
        assertThat(result.bytesPerPattern(ONCE)).isEqualTo(100.0);
    }

    @Test
    void shouldEndTheReportWithTheRatioToTwoDecimals() {
        BenchResult result = new BenchResult(1000, 500, 2000, 0, 0, null, List.of(10L), 5, ONCE, TWICE, 0, 3);

        List<String> lines = result.reportLines();

        assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio 0.25");
        assertThat(lines).anyMatch(line -> line.contains("stats") && line.contains("500 bytes"));
        assertThat(lines).noneMatch(line -> line.startsWith("warm-up") || line.startsWith("application CPU"));
    }

    @Test
    void shouldReportTheWarmupAndTheCpuPerEventWhenMeasured() {
        BenchResult result = new BenchResult(1000, 500, 2000, 80.0, 4.0, new BenchResult.Warmup(50, 350, 120, 900),
                List.of(10L), 5, ONCE, TWICE, 0, 3);

        List<String> lines = result.reportLines();

        assertThat(lines.get(0)).startsWith("warm-up").contains("50 sessions (350 events)", "miner 120 events/s",
                "trivial 900");
        assertThat(lines).contains("application CPU us/event miner 80.0, trivial 4.0   (their own threads; "
                + "trivial/miner 0.05)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio 0.25");
    }
}
