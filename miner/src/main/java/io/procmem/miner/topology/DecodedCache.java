package io.procmem.miner.topology;

import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A write-through cache of decoded values in front of one task's store: a hit skips the store read and, above
 * all, the decoding of the value, which for candidate figures (a sample of occurrences with their results) cost
 * more than the reviews. Holds at most {@code capacity} entries, least recently used evicted first.
 *
 * <p>Every write and delete goes through it, so it never disagrees with the store the processor sees. It lives and
 * dies with its processor's {@code init}: Streams calls {@code init} again when it revives a task after an aborted
 * transaction, and {@link #clear} then drops values the restored store no longer holds. Cached values must be
 * immutable, as the miner's records are.
 */
final class DecodedCache<V> {
    private final KeyValueStore<String, V> store;
    private final Map<String, V> recent;

    DecodedCache(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.recent = LeastRecentlyUsed.map(capacity);
    }

    /** The value, or null when the store holds none. */
    V get(String key) {
        V value = recent.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                recent.put(key, value);
            }
        }
        return value;
    }

    void put(String key, V value) {
        store.put(key, value);
        recent.put(key, value);
    }

    void delete(String key) {
        store.delete(key);
        recent.remove(key);
    }

    void clear() {
        recent.clear();
    }
}
