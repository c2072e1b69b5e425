package io.procmem.miner.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads of the {@value TrendsTopology#STORE} window store. A range {@code [from, to)} covers the windows that
 * start in it, so a range that cuts a window in two counts the whole window or none of it.
 *
 * <p>Known limit: {@link #top} scans every window of the range on this instance, which is one window per active
 * pattern and window; fine for hours or days of hourly windows, heavy for months of many thousand patterns.
 */
public final class TrendQueries {
    private final ReadOnlyWindowStore<String, TrendCount> store;
    private final long windowMs;

    public TrendQueries(ReadOnlyWindowStore<String, TrendCount> store, long windowMs) {
        this.store = store;
        this.windowMs = windowMs;
    }

    /** Patterns ranked by occurrences in the range (ties by sessions, then id), at most {@code limit}. */
    public List<PatternTotal> top(Instant from, Instant to, int limit) {
        Map<String, PatternTotal> totals = new HashMap<>();
        if (from.isBefore(to)) {
            try (KeyValueIterator<Windowed<String>, TrendCount> windows = store.fetchAll(from, to.minusMillis(1))) {
                windows.forEachRemaining(entry -> totals.merge(entry.key.key(),
                        PatternTotal.first(entry.key.key(), entry.value), (total, ignored) -> total.plus(entry.value)));
            }
        }
        return totals.values().stream()
                .sorted(Comparator.comparingLong(PatternTotal::occurrences).reversed()
                        .thenComparing(Comparator.comparingLong(PatternTotal::sessions).reversed())
                        .thenComparing(PatternTotal::patternId))
                .limit(limit).toList();
    }

    /** The pattern's windows that start in the range, oldest first; empty for an unknown pattern. */
    public List<PatternWindow> history(String patternId, Instant from, Instant to) {
        List<PatternWindow> windows = new ArrayList<>();
        if (from.isBefore(to)) {
            try (WindowStoreIterator<TrendCount> iterator = store.fetch(patternId, from, to.minusMillis(1))) {
                while (iterator.hasNext()) {
                    KeyValue<Long, TrendCount> window = iterator.next();
                    windows.add(new PatternWindow(Instant.ofEpochMilli(window.key).toString(),
                            Instant.ofEpochMilli(window.key + windowMs).toString(), window.value.occurrences(),
                            window.value.sessions(), window.value.successfulSessions()));
                }
            }
        }
        return windows;
    }
}
