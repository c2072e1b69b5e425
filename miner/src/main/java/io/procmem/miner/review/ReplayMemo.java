package io.procmem.miner.review;

import io.procmem.miner.candidates.Occurrence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Remembers {@link Replay#mismatch} per routine and occurrence, so that a review replays only the held-out
 * occurrences it has not replayed with that routine before. A candidate's sample changes one slot at a time and its
 * routine rarely does, so most of a review's replays were done by the one before it. The replay is a pure function
 * of the routine's steps and the occurrence (immutable records with value equality), so a remembered result is the
 * result.
 *
 * <p>Bounded to {@code capacity} entries, least recently used evicted first. Thread-safe: stream threads share one
 * {@link Reviewer}. The lock is held only to read or write the map, not during a replay: two threads that miss the
 * same key both replay it and store the same result.
 */
final class ReplayMemo {
    /**
     * Entries kept by default: the held-out halves (ten occurrences at the default sample size) of about 800
     * candidates reviewed in turn. Memory: an entry points to a routine and an occurrence that the candidates'
     * decoded caches (2,000 candidates per task) mostly hold anyway, and adds a key, an Optional and, for a
     * mismatch, its text (which quotes the replayed and recorded arguments). An occurrence that has left every
     * sample stays reachable until its entry is evicted; occurrences are bounded by the sample's result limit.
     */
    static final int ENTRIES = 8192;

    private final BiFunction<Routine, Occurrence, Optional<String>> replay;
    private final Map<Key, Optional<String>> recent;

    ReplayMemo() {
        this(ENTRIES, Replay::mismatch);
    }

    /** @param replay what is remembered: {@link Replay#mismatch}, or a stand-in that tests count calls of */
    ReplayMemo(int capacity, BiFunction<Routine, Occurrence, Optional<String>> replay) {
        if (capacity < 1) {
            throw new IllegalArgumentException("need capacity >= 1; got " + capacity);
        }
        this.replay = replay;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Optional<String>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** {@link Replay#mismatch} of the routine on the occurrence, replayed only when not remembered. */
    Optional<String> mismatch(Routine routine, Occurrence occurrence) {
        Key key = new Key(routine.steps(), occurrence);
        Optional<String> known;
        synchronized (recent) {
            known = recent.get(key);
        }
        if (known != null) {
            return known;
        }
        Optional<String> mismatch = replay.apply(routine, occurrence);
        synchronized (recent) {
            recent.put(key, mismatch);
        }
        return mismatch;
    }

    /** Entries held. */
    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    /**
     * Keyed by the routine's steps, all that a replay reads of it: the routine's other figures (how many occurrences
     * it was inferred from) change with every occurrence while a sample fills, its steps rarely. The hash is computed
     * once per key rather than at each map access: it covers the steps and the occurrence's calls and results (whose
     * strings cache their own hashes).
     */
    private record Key(List<Routine.Step> steps, Occurrence occurrence, int hash) {
        Key(List<Routine.Step> steps, Occurrence occurrence) {
            this(steps, occurrence, 31 * steps.hashCode() + occurrence.hashCode());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash
                    && (steps == key.steps || steps.equals(key.steps))
                    && (occurrence == key.occurrence || occurrence.equals(key.occurrence));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
