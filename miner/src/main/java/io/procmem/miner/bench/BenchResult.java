package io.procmem.miner.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one miner bench run. Throughputs are input events per second from the application reaching RUNNING
 * until its group has drained the pre-loaded steps topic; latencies are milliseconds from the send of the last
 * SessionEnded a fresh routine needed to the first procedure of that routine on the procedures topic.
 *
 * @param events events pre-loaded for the throughput phase
 * @param minerCpuMicrosPerEvent   CPU time of the miner's own threads per event while it drained (see {@link AppCpu}):
 *                                 steadier than the elapsed-time figures on a shared machine; 0 when the JVM cannot tell
 * @param trivialCpuMicrosPerEvent the same for the trivial topology
 * @param warmup the untimed warm-up drains, or null when the run had none
 * @param latencyMillis one sample per fresh routine, ascending
 * @param patterns distinct step patterns (contiguous abstract-step sequences the miner may count) in the input
 * @param once state after the first load
 * @param twice state after as many sessions again, drawn from the same episodes (so the same patterns)
 * @param deadLetters records the miner dead-lettered over the whole run; above zero the figures are suspect
 * @param procedures distinct procedures on the procedures topic at the end
 */
public record BenchResult(long events, double minerEventsPerSecond, double trivialEventsPerSecond,
                          double minerCpuMicrosPerEvent, double trivialCpuMicrosPerEvent, Warmup warmup,
                          List<Long> latencyMillis, long patterns, State once, State twice, long deadLetters,
                          int procedures) {

    /** The miner's stores after a clean close: live keys and key+value bytes, by store name. */
    public record State(long events, Map<String, Long> keysByStore, Map<String, Long> bytesByStore) {
        public long bytes() {
            return bytesByStore.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The warm-up: both applications drained {@code events} events of {@code sessions} sessions on a topic of their
     * own, first in the JVM, so their throughput is that of cold code (JIT compiling, caches empty).
     */
    public record Warmup(int sessions, long events, double minerEventsPerSecond, double trivialEventsPerSecond) {
    }

    public BenchResult {
        latencyMillis = latencyMillis.stream().sorted().toList();
    }

    public double ratio() {
        return minerEventsPerSecond / trivialEventsPerSecond;
    }

    public long latencyP50() {
        return percentile(0.50);
    }

    public long latencyP99() {
        return percentile(0.99);
    }

    public double bytesPerPattern(State state) {
        return (double) state.bytes() / Math.max(1, patterns);
    }

    /** Nearest-rank percentile; with few samples p99 is the largest. */
    private long percentile(double p) {
        int rank = (int) Math.ceil(p * latencyMillis.size());
        return latencyMillis.get(Math.max(0, rank - 1));
    }

    /** The printed report; its last line is {@code ratio <miner ÷ trivial>} with two decimals. */
    public List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        if (warmup != null) {
            lines.add(String.format(Locale.ROOT, "warm-up                  %d sessions (%d events) drained first by both, "
                    + "cold JVM: miner %.0f events/s, trivial %.0f (not in the ratio)", warmup.sessions(), warmup.events(),
                    warmup.minerEventsPerSecond(), warmup.trivialEventsPerSecond()));
        }
        lines.add(String.format(Locale.ROOT, "events pre-loaded        %d", events));
        lines.add(String.format(Locale.ROOT, "miner events/s           %.0f", minerEventsPerSecond));
        lines.add(String.format(Locale.ROOT, "trivial events/s         %.0f   (groupByKey().count(), same input and guarantee)",
                trivialEventsPerSecond));
        if (minerCpuMicrosPerEvent > 0 && trivialCpuMicrosPerEvent > 0) {
            lines.add(String.format(Locale.ROOT, "application CPU us/event miner %.1f, trivial %.1f   (their own threads; "
                    + "trivial/miner %.2f)", minerCpuMicrosPerEvent, trivialCpuMicrosPerEvent,
                    trivialCpuMicrosPerEvent / minerCpuMicrosPerEvent));
        }
        lines.add(String.format(Locale.ROOT, "compile latency ms       p50 %d, p99 %d over %d fresh routines %s", latencyP50(),
                latencyP99(), latencyMillis.size(), latencyMillis));
        lines.add(String.format(Locale.ROOT, "procedures compiled      %d   (dead letters: %d)", procedures, deadLetters));
        lines.add(String.format(Locale.ROOT, "distinct patterns        %d", patterns));
        for (State state : List.of(once, twice)) {
            lines.add(String.format(Locale.ROOT, "state after %8d events: %d live bytes, %.0f bytes/pattern", state.events(),
                    state.bytes(), bytesPerPattern(state)));
            // Growth against the first state shows which stores follow patterns and which follow sessions.
            state.bytesByStore().forEach((store, bytes) -> lines.add(String.format(Locale.ROOT,
                    "    %-28s %10d bytes %8d keys  x%.2f", store, bytes, state.keysByStore().get(store),
                    (double) bytes / Math.max(1, once.bytesByStore().getOrDefault(store, 0L)))));
        }
        lines.add(String.format(Locale.ROOT, "ratio %.2f", ratio()));
        return lines;
    }
}
