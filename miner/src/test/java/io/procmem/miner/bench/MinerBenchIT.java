package io.procmem.miner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmem.testkit.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny bench run on the shared broker yields every figure, sensible, and the ratio line last. */
class MinerBenchIT {
    /** The bundled airline trajectories, from the module directory the tests run in. */
    static final Path AIRLINE = Path.of("..").resolve(BenchOptions.DEFAULT_TRAJECTORIES).normalize();

    @TempDir
    Path stateDir;

    @Test
    void shouldReportThroughputLatencyAndStateFiguresEndingWithTheRatio() {
        assertThat(AIRLINE).exists();
        BenchOptions options = BenchOptions.defaults(SharedKafka.bootstrapServers(), "mock://bench-it-" + UUID.randomUUID())
                .withTrajectories(AIRLINE).withSessions(400).withWarmupSessions(50).withLatencyRoutines(3).withStateDir(stateDir)
                .withMinerProperties(Map.of("commit.interval.ms", 200L));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        BenchResult result = new MinerBench(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(options);

        assertThat(result.events()).isGreaterThan(400L * 4);
        assertThat(result.minerEventsPerSecond()).isPositive();
        assertThat(result.trivialEventsPerSecond()).isPositive();
        assertThat(result.ratio()).isPositive();
        assertThat(result.warmup().events()).isGreaterThan(50L * 4);
        assertThat(result.warmup().minerEventsPerSecond()).isPositive();
        assertThat(result.minerCpuMicrosPerEvent()).isPositive();
        assertThat(result.trivialCpuMicrosPerEvent()).isPositive();
        assertThat(result.latencyMillis()).hasSize(3).allSatisfy(ms -> assertThat(ms).isBetween(0L, 60_000L));
        assertThat(result.deadLetters()).isZero();
        assertThat(result.procedures()).isPositive();
        assertThat(result.patterns()).isPositive();
        assertThat(result.once().bytes()).isPositive();
        assertThat(result.twice().events()).isGreaterThan(result.once().events());
        assertThat(result.bytesPerPattern(result.once())).isPositive();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("ratio \\d+\\.\\d{2}");
    }
}
