package io.procmem.miner.trends;

import io.procmem.avro.PatternTrend;
import io.procmem.avro.SessionOutcome;
import io.procmem.miner.binding.Signatures;
import io.procmem.miner.candidates.Observation;
import io.procmem.miner.candidates.Occurrence;
import io.procmem.miner.publish.ProcedureIds;
import io.procmem.miner.topology.LeastRecentlyUsed;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each pattern (candidate signature) of an observation in the epoch-aligned tumbling window of the record's
 * timestamp, in the {@value TrendsTopology#STORE} window store keyed by pattern id, and publishes windows as
 * {@link PatternTrend} records keyed by pattern id:
 * <ul>
 *   <li><b>final counts, once per window</b>, when the task's stream time passes the window's end. Which windows
 *       are published is kept in {@value TrendsTopology#PUBLISHED_STORE} (the start of the first unpublished one),
 *       committed with the counts, so under exactly-once every window's final counts are written exactly once;
 *   <li><b>corrections</b> at once, when a late session adds to a window already published;
 *   <li><b>updates of open windows</b> every {@code updateInterval} (wall clock), for the windows that changed since
 *       the last update: readers see the current hour before it ends. Best effort: updates pending at a crash are
 *       not replayed; the final counts are.
 * </ul>
 * Publishing every change instead (one record, one store write and one changelog record per pattern per session)
 * cost the miner about a third of its throughput.
 *
 * <p>No re-keying is needed: the observations arrive keyed by first step, and every occurrence of a pattern starts
 * with that step, so all of a pattern's counts already meet on one task (the compiler relies on the same).
 * An observation older than the store's retention (stream time) would not be kept: it is logged and not counted.
 * Known limit: a task that receives no more observations keeps its last window open (its stream time stands still);
 * its counts still reach the topic as updates.
 *
 * <p>Patterns recur in nearly every session, so their ids (a SHA-256 of the signature) are remembered for the
 * {@value #REMEMBERED_IDS} most recently counted signatures, and a pattern's name is built only when a window
 * counts it first. The latest counts of the {@value #REMEMBERED_WINDOWS} most recently counted pattern windows are
 * kept decoded, so counting a pattern again reads no bytes back from the store (this processor is its only writer).
 */
final class CountTrendsProcessor implements Processor<String, Observation, String, PatternTrend> {
    private static final Logger LOG = LoggerFactory.getLogger(CountTrendsProcessor.class);
    /** Key of the start of the first window not yet published, in the published-windows store. */
    static final String FIRST_OPEN = "first-open-window-start";
    /** How many signatures' pattern ids are remembered. */
    static final int REMEMBERED_IDS = 4_096;
    /** How many pattern windows' latest counts are kept decoded. */
    static final int REMEMBERED_WINDOWS = 4_096;

    private final long windowMs;
    private final long retentionMs;
    private final Duration updateInterval;
    /** Open windows changed since the last update: pattern id and window start. */
    private final Set<KeyValue<String, Long>> changed = new LinkedHashSet<>();
    /** Signature to pattern id, for the most recently counted signatures. */
    private final Map<String, String> ids = LeastRecentlyUsed.map(REMEMBERED_IDS);
    private final Map<KeyValue<String, Long>, TrendCount> counted = LeastRecentlyUsed.map(REMEMBERED_WINDOWS);
    private ProcessorContext<String, PatternTrend> context;
    private WindowStore<String, TrendCount> store;
    private KeyValueStore<String, Long> published;
    /** The published store's {@value #FIRST_OPEN}, read once at init and written through. */
    private Long firstOpen;

    CountTrendsProcessor(long windowMs, long retentionMs, Duration updateInterval) {
        this.windowMs = windowMs;
        this.retentionMs = retentionMs;
        this.updateInterval = updateInterval;
    }

    @Override
    public void init(ProcessorContext<String, PatternTrend> context) {
        this.context = context;
        this.store = context.getStateStore(TrendsTopology.STORE);
        this.published = context.getStateStore(TrendsTopology.PUBLISHED_STORE);
        this.firstOpen = published.get(FIRST_OPEN);
        changed.clear();
        // Cleared on every init, so a revived task never sees counts from before its store was restored.
        counted.clear();
        context.schedule(updateInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishChanged());
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        long start = windowStart(record.timestamp());
        if (start + windowMs <= context.currentStreamTimeMs() - retentionMs) {
            LOG.warn("observation of session {} at {} is older than the pattern-trends retention ({} ms); its {} "
                    + "occurrences are not counted", observation.sessionId(), Instant.ofEpochMilli(record.timestamp()),
                    retentionMs, observation.occurrences().size());
            return;
        }
        Map<String, List<Occurrence>> bySignature = observation.occurrences().stream()
                .collect(Collectors.groupingBy(Occurrence::signature, LinkedHashMap::new, Collectors.toList()));
        bySignature.forEach((signature, occurrences) -> {
            String id = ids.computeIfAbsent(signature, ProcedureIds::of);
            KeyValue<String, Long> window = KeyValue.pair(id, start);
            TrendCount before = counted.get(window);
            if (before == null) {
                before = store.fetch(id, start);
            }
            // The name is kept from the window's first count: only a new window needs it.
            String name = before == null ? name(occurrences.get(0)) : before.name();
            TrendCount counts = TrendCount.add(before, name, signature, observation.fleet(), occurrences.size(),
                    observation.outcome() == SessionOutcome.SUCCESS);
            store.put(id, counts, start);
            counted.put(window, counts);
            if (firstOpen != null && start < firstOpen) {
                forward(id, counts, start);
            } else {
                changed.add(KeyValue.pair(id, start));
            }
        });
        if (firstOpen == null) {
            markFirstOpen(start);
        }
        publishClosed(windowStart(context.currentStreamTimeMs()));
    }

    /** Publishes the final counts of every window that starts before {@code openStart} and was not published yet. */
    private void publishClosed(long openStart) {
        if (firstOpen == null || firstOpen >= openStart) {
            return;
        }
        try (KeyValueIterator<Windowed<String>, TrendCount> closed = store.fetchAll(Instant.ofEpochMilli(firstOpen),
                Instant.ofEpochMilli(openStart - 1))) {
            closed.forEachRemaining(entry -> {
                long start = entry.key.window().start();
                forward(entry.key.key(), entry.value, start);
                changed.remove(KeyValue.pair(entry.key.key(), start));
            });
        }
        markFirstOpen(openStart);
    }

    private void markFirstOpen(long start) {
        published.put(FIRST_OPEN, start);
        firstOpen = start;
    }

    private void publishChanged() {
        for (KeyValue<String, Long> window : changed) {
            TrendCount counts = store.fetch(window.key, window.value);
            if (counts != null) {
                forward(window.key, counts, window.value);
            }
        }
        changed.clear();
    }

    private void forward(String id, TrendCount counts, long start) {
        context.forward(new Record<>(id, TrendsTopology.trend(id, counts, start, windowMs), start));
    }

    private long windowStart(long timestamp) {
        return timestamp - Math.floorMod(timestamp, windowMs);
    }

    private static String name(Occurrence occurrence) {
        return occurrence.steps().stream().map(s -> s.foreach() == null ? s.tool() : "foreach " + s.tool())
                .collect(Collectors.joining(Signatures.SEPARATOR));
    }
}
